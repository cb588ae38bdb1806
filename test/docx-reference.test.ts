import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import { docxText, readDocx, xmlProblems } from './support/docx.ts';
import { sampleTree } from './support/sample-tree.ts';
import { signatureBands } from './support/signature-bands.ts';

const creationDate = new Date('2023-03-23T18:30:00Z');

/**
 * A reference document as a French Word writes one: localised style ids (`Corpsdetexte`,
 * `Titre1`), its own « Corps de texte » (Georgia 14 pt, left-aligned), a US Letter page.
 */
async function referenceDocx(): Promise<Uint8Array> {
  const parts = unzipSync(await renderDocx(sampleTree(), { creationDate, embedFonts: false }));
  let styles = strFromU8(parts['word/styles.xml']!);
  styles = styles.replace(
    /<w:style w:type="paragraph" w:styleId="CorpsDeTexte">[\s\S]*?<\/w:style>/,
    '<w:style w:type="paragraph" w:styleId="Corpsdetexte"><w:name w:val="Corps de texte"/><w:basedOn w:val="Normal"/>' +
      '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr><w:jc w:val="left"/></w:pPr>' +
      '<w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="28"/></w:rPr></w:style>',
  );
  styles = styles.replace('w:styleId="Heading1"', 'w:styleId="Titre1"');
  // An unrelated style of the reference that happens to hold one of our ids.
  styles = styles.replace(
    '</w:styles>',
    '<w:style w:type="paragraph" w:styleId="Visa"><w:name w:val="Visa du contrôle"/></w:style></w:styles>',
  );
  styles = styles.replace(/<w:lang [^>]*\/>/, '<w:lang w:val="en-US"/>');
  parts['word/styles.xml'] = strToU8(styles);
  const document = strFromU8(parts['word/document.xml']!).replace(
    /<w:pgSz [^>]*\/>/,
    '<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>',
  );
  parts['word/document.xml'] = strToU8(document);
  return zipSync(parts);
}

describe('renderDocx with a reference document', () => {
  it('takes the reference’s styles by name, under our ids, and its page size', async () => {
    const doc = sampleTree();
    const bytes = await renderDocx(doc, { creationDate, referenceDocx: await referenceDocx() });
    const docx = readDocx(bytes);
    for (const [name, xml] of docx.parts)
      expect({ name, problems: xmlProblems(xml) }).toEqual({ name, problems: [] });
    const body = docx.styles.filter((s) => s.name === 'Corps de texte');
    expect(body.length).toBe(1);
    expect(body[0]!.id).toBe('CorpsDeTexte');
    expect(body[0]!.xml).toContain('w:ascii="Georgia"');
    expect(body[0]!.xml).toContain('<w:sz w:val="28"/>');
    // Numbering of the reference would point into our numbering part: dropped.
    expect(body[0]!.xml).not.toContain('<w:numPr>');
    expect(docx.styles.find((s) => s.name === 'heading 1')!.id).toBe('Heading1');
    expect(docx.styles.find((s) => s.name === 'Visa du contrôle')!.id).toBe('VisaReference');
    expect(docx.styles.find((s) => s.name === 'Visa')!.id).toBe('Visa');
    // Every style the document uses is defined once.
    const ids = docx.styles.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of docx.paragraphs) if (p.style !== '') expect(ids).toContain(p.style);
    expect(docx.parts.get('word/styles.xml')).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="fr-FR"/);
    expect(docx.document).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(foldSpaces(docxText(docx))).toBe(foldSpaces(treeText(signatureBands(doc))));
    // The reference's fonts rule: ours are not embedded unless asked.
    expect(docx.entries.some((e) => e.startsWith('word/fonts/'))).toBe(false);
  });

  it('stays reproducible', async () => {
    const reference = await referenceDocx();
    const a = await renderDocx(sampleTree(), { creationDate, referenceDocx: reference });
    const b = await renderDocx(sampleTree(), { creationDate, referenceDocx: reference });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
