import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { defaultFontFiles } from '../src/render/font-files.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import type { Block, DocumentTree, Inline } from '../src/tree/types.ts';
import { docxText, fieldsOf, paragraphsOf, readDocx, xmlProblems } from './support/docx.ts';
import { sampleTree } from './support/sample-tree.ts';
import { signatureBands } from './support/signature-bands.ts';

const creationDate = new Date('2023-03-23T18:30:00Z');
const render = (doc: DocumentTree, embedFonts = false) => renderDocx(doc, { creationDate, embedFonts });
const t = (value: string): Inline => ({ type: 'text', value });
const body = (value: string): Block => ({ type: 'paragraph', role: 'body', children: [t(value)] });
const withBlocks = (children: Block[]): DocumentTree => ({ ...sampleTree(), children });

describe('renderDocx: content', () => {
  it('holds the tree text in order', async () => {
    const doc = sampleTree({ paragraphs: 3 });
    const docx = readDocx(await render(doc));
    // Side-by-side signatures read row by row: headings and qualités, then names.
    expect(foldSpaces(docxText(docx))).toBe(foldSpaces(treeText(signatureBands(doc))));
  });

  it('writes well-formed XML in every part', async () => {
    const docx = readDocx(await render(sampleTree(), true));
    for (const [name, xml] of docx.parts)
      expect({ name, problems: xmlProblems(xml) }).toEqual({ name, problems: [] });
  });

  it('drops control characters and lone surrogates, keeps tabs and line breaks', async () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    const nasty = `a${controls}b\uD800c\uDC00d\uFFFEe\uFFFF😀f`;
    const doc: DocumentTree = {
      ...withBlocks([body(nasty), { type: 'heading', level: 1, children: [t(`titre\u0007`)] }]),
      meta: {
        ...sampleTree().meta,
        title: `Titre\u0001\u000B`,
        shortTitle: `court\u0002\ttitre`,
        keywords: ['x\u0000y'],
      },
      header: { collectivite: 'Ville\u0008 de Sceaux' },
    };
    const docx = readDocx(await render(doc));
    for (const [name, xml] of docx.parts)
      expect({ name, problems: xmlProblems(xml) }).toEqual({ name, problems: [] });
    // \r is a line break too: \t \n \r give a tab and two breaks.
    expect(docx.paragraphs[0]!.text).toBe('a\t\n\nb\uFFFDc\uFFFDde😀f');
    expect(docx.paragraphs[0]!.xml).toContain('<w:tab/>');
    expect(docx.paragraphs[0]!.xml).toContain('<w:br/>');
    expect(docx.paragraphs[1]!.text).toBe('titre');
    expect(docx.core).toContain('<dc:title>Titre</dc:title>');
    expect(docx.headers.join('')).toContain('Ville de Sceaux');
  });

  it('writes the tree’s soft hyphens as Word optional hyphens and keeps no-break spaces as characters', async () => {
    const docx = readDocx(await render(sampleTree()));
    expect(docx.document).not.toContain('\u00AD');
    // « straté\u00ADgie », « énergé\u00ADtiques »: the only places Word and LibreOffice may hyphenate.
    expect(docx.document).toContain(
      'une straté</w:t><w:softHyphen/><w:t xml:space="preserve">gie d’innovation',
    );
    expect(docx.document).toContain('énergé</w:t><w:softHyphen/><w:t xml:space="preserve">tiques et');
    expect(docx.document.match(/<w:softHyphen\/>/g)?.length).toBe(2);
    expect(docxText(docx)).toContain('stratégie d’innovation');
    expect(docxText(docx)).toContain('transitions\u00A0: climatiques, énergétiques et sociales\u202F;');
    // A soft hyphen never reaches a one-line property.
    const titled = { ...sampleTree(), meta: { ...sampleTree().meta, title: 'Straté\u00ADgie' } };
    expect(readDocx(await render(titled)).core).toContain('<dc:title>Stratégie</dc:title>');
  });

  it('escapes markup characters in text and properties', async () => {
    const doc = withBlocks([body('a < b & c > d "e"')]);
    const docx = readDocx(await render(doc));
    expect(docx.paragraphs[0]!.text).toBe('a < b & c > d "e"');
    expect(docx.core).toContain('&amp; &lt;test&gt;');
  });
});

describe('renderDocx: styles', () => {
  it('uses a named style for every paragraph role, defined in styles.xml', async () => {
    const docx = readDocx(await render(sampleTree()));
    const names = new Map(docx.styles.map((s) => [s.id, s.name]));
    const used = new Set(docx.paragraphs.map((p) => p.style).filter((s) => s !== ''));
    for (const id of used) expect(names.has(id), id).toBe(true);
    const usedNames = [...used].map((id) => names.get(id));
    expect(usedNames).toEqual(
      expect.arrayContaining([
        'Titre du document',
        'Sous-titre',
        'Objet',
        'Rapporteur',
        'Visa',
        'Considérant',
        'Décision',
        'Article',
        'heading 2',
        'Corps de texte',
        'Liste',
        'Tableau',
        'Tableau – en-tête',
        'Formule finale',
        'Signature',
        'Signature – nom',
        'Mention',
      ]),
    );
    // Direct formatting stays the exception: no run sets a font or a size.
    expect(docx.document).not.toMatch(/<w:rFonts|<w:sz /);
  });

  it('uses character styles for strong, emphasis, superscript and links', async () => {
    const docx = readDocx(await render(sampleTree()));
    const runStyles = new Set(docx.paragraphs.flatMap((p) => p.runStyles));
    expect([...runStyles].sort()).toEqual(['Emphasis', 'Exposant', 'Hyperlink', 'Strong']);
    const exposant = docx.styles.find((s) => s.id === 'Exposant')!;
    expect(exposant.type).toBe('character');
    expect(exposant.xml).toContain('<w:vertAlign w:val="superscript"/>');
    const article = docx.paragraphs.find((p) => p.text.startsWith('Article 1er'))!;
    expect(article.xml).toMatch(/<w:rStyle w:val="Exposant"\/>(<w:b\/>)?[\s\S]*?<w:t[^>]*>er<\/w:t>/);
  });

  it('makes headings real heading styles that keep with the next paragraph', async () => {
    const docx = readDocx(await render(sampleTree()));
    for (const level of [1, 2, 3]) {
      const style = docx.styles.find((s) => s.id === `Heading${level}`)!;
      expect(style.name).toBe(`heading ${level}`);
      expect(style.xml).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(style.xml).toContain('<w:keepNext/>');
    }
  });

  it('sets French, justified body, and no automatic hyphenation (names and quotations stay whole)', async () => {
    const docx = readDocx(await render(sampleTree()));
    const styles = docx.parts.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="fr-FR"[\s\S]*<\/w:rPrDefault>/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*w:ascii="Source Sans 3"[\s\S]*<\/w:rPrDefault>/);
    expect(docx.styles.find((s) => s.name === 'Corps de texte')!.xml).toContain('<w:jc w:val="both"/>');
    expect(docx.settings).toContain('<w:autoHyphenation w:val="false"/>');
  });
});

describe('renderDocx: page furniture', () => {
  it('puts the collectivité in the first-page header and Page X / Y fields in every footer', async () => {
    const docx = readDocx(await render(sampleTree()));
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)![0];
    expect(sect).toContain('<w:titlePg/>');
    const firstHeaderId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(sect)![1];
    const rels = docx.parts.get('word/_rels/document.xml.rels')!;
    const target = new RegExp(`Id="${firstHeaderId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    expect(docx.parts.get(`word/${target}`)).toContain('Ville de Sceaux');
    expect(docx.footers.length).toBe(2);
    for (const footer of docx.footers) {
      expect(fieldsOf(footer)).toEqual(['PAGE', 'NUMPAGES']);
      expect(paragraphsOf(footer).map((p) => p.text)).toEqual(['Convention – point n°\u00A01\tPage  / ']);
    }
  });

  it('embeds the logo from the assets in the first-page header', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const doc: DocumentTree = {
      ...sampleTree(),
      header: { collectivite: 'Ville de Sceaux', logo: 'logo.png' },
    };
    const bytes = await renderDocx(doc, {
      creationDate,
      embedFonts: false,
      assets: new Map([['logo.png', png]]),
    });
    const docx = readDocx(bytes);
    expect(docx.entries.some((e) => e.startsWith('word/media/') && e.endsWith('.png'))).toBe(true);
    expect(docx.headers.join('')).toContain('<a:blip r:embed="rId');
    for (const [name, xml] of docx.parts) {
      if (name.endsWith('.rels'))
        for (const m of xml.matchAll(/\bId="([^"]+)"/g)) expect(m[1]).toMatch(/^rId\d+$/);
    }
  });

  it('writes core properties with the fixed dates', async () => {
    const docx = readDocx(await render(sampleTree()));
    expect(docx.core).toContain(
      '<dc:title>Convention d’engagement «\u00A0Quartiers Métropolitains d’Innovation\u00A0» &amp; &lt;test&gt;</dc:title>',
    );
    expect(docx.core).toContain('<dc:subject>Convention</dc:subject>');
    expect(docx.core).toContain('<dc:creator>Ville de Sceaux</dc:creator>');
    expect(docx.core).toContain('<cp:keywords>convention, QMI</cp:keywords>');
    expect(docx.core).toMatch(/<dcterms:created [^>]*>2023-03-23T18:30:00Z<\/dcterms:created>/);
    expect(docx.core).toMatch(/<dcterms:modified [^>]*>2023-03-23T18:30:00Z<\/dcterms:modified>/);
  });
});

describe('renderDocx: blocks', () => {
  it('repeats the table header row and never splits rows', async () => {
    const docx = readDocx(await render(sampleTree()));
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.document)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows[1]).toContain('<w:jc w:val="right"/>');
  });

  it('lays signatures out as a borderless table, one column each, on one page', async () => {
    const docx = readDocx(await render(sampleTree()));
    const tables = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const signatures = tables.find((x) => x.includes('Philippe Laurent'))!;
    expect([...signatures.matchAll(/<w:gridCol /g)].length).toBe(2);
    expect(signatures).not.toMatch(/w:val="single"/);
    expect(signatures).toContain('<w:cantSplit/>');
    expect(signatures).toContain('<w:tblLayout w:type="fixed"/>');
    // Headings and qualités in one row, names in the next: the names line up (LibreOffice too).
    const rows = [...signatures.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const cellParagraphs = (row: string) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(
        (c) => [...c[0].matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].length,
      );
    expect(rows.map(cellParagraphs)).toEqual([
      [2, 2],
      [1, 1],
    ]);
    // Heading and qualité keep with the name through their style; the whole row cannot split.
    const signature = docx.styles.find((s) => s.id === 'Signature')!;
    expect(signature.xml).toContain('<w:keepNext/>');
  });

  it('puts at most three signatories side by side, further ones on the next row', async () => {
    const signatory = (n: number) => ({
      type: 'signatory' as const,
      id: `signature-${n}`,
      heading: '',
      qualite: `Qualité ${n}`,
      nom: `Nom ${n}`,
    });
    const doc = withBlocks([{ type: 'signatures', children: [1, 2, 3, 4].map(signatory) }]);
    const docx = readDocx(await render(doc));
    // One table per row of signatories; the last one, alone, centred in the middle column.
    const tables = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const grid = (table: string) => [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const [first = '', second = ''] = tables;
    const w = grid(first)[0] ?? 0;
    expect(tables.map((x) => [grid(x).length, [...x.matchAll(/<w:tr>/g)].length])).toEqual([
      [3, 2],
      [3, 2],
    ]);
    expect(grid(second)).toEqual([w, w, w]);
    const rows = tables.flatMap((x) => [...x.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]));
    // Every row keeps with the next but the very last: the block stays on one page.
    expect(rows.map((r) => /<w:keepNext\/>/.test(r))).toEqual([true, true, true, false]);
    expect(docx.paragraphs.map((p) => p.text).filter((t) => t !== '')).toEqual([
      'Qualité 1',
      'Qualité 2',
      'Qualité 3',
      'Nom 1',
      'Nom 2',
      'Nom 3',
      'Qualité 4',
      'Nom 4',
    ]);
  });

  it('writes no table for empty tables and signature blocks, and pads ragged rows', async () => {
    const cell = (value: string) => ({ type: 'tableCell' as const, children: [t(value)] });
    const doc = withBlocks([
      { type: 'signatures', children: [] },
      { type: 'table', align: [], head: { type: 'tableRow', children: [] }, body: [] },
      {
        type: 'table',
        align: ['left', 'left'],
        head: { type: 'tableRow', children: [cell('a'), cell('b')] },
        body: [{ type: 'tableRow', children: [cell('c')] }],
      },
    ]);
    const docx = readDocx(await render(doc));
    const tables = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(1);
    for (const row of tables[0]!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)) {
      expect([...row[0].matchAll(/<w:tc>/g)].length).toBe(2);
    }
  });

  it('keeps a keepTogether block with keep-with-next on all but its last paragraph', async () => {
    const doc = withBlocks([
      body('avant'),
      { type: 'keepTogether', children: [body('un'), body('deux'), body('trois')] },
      body('après'),
    ]);
    const docx = readDocx(await render(doc));
    const keep = docx.paragraphs.map((p) => [p.text, p.xml.includes('<w:keepNext/>')]);
    expect(keep).toEqual([
      ['avant', false],
      ['un', true],
      ['deux', true],
      ['trois', false],
      ['après', false],
    ]);
  });

  it('turns a page break into « page break before » on the next paragraph', async () => {
    const doc = withBlocks([body('un'), { type: 'pageBreak' }, body('deux')]);
    const docx = readDocx(await render(doc));
    expect(docx.paragraphs.map((p) => [p.text, p.xml.includes('<w:pageBreakBefore/>')])).toEqual([
      ['un', false],
      ['deux', true],
    ]);
  });

  it('numbers ordered lists from their start, each list on its own', async () => {
    const list = (start: number, ordered = true): Block => ({
      type: 'list',
      ordered,
      start,
      children: [
        { type: 'listItem', children: [body('a')] },
        { type: 'listItem', children: [body('b')] },
      ],
    });
    const docx = readDocx(await render(withBlocks([list(1), list(1), list(4), list(1, false)])));
    const numIds = docx.paragraphs.map((p) => /<w:numId w:val="(\d+)"/.exec(p.xml)?.[1]);
    expect(new Set(numIds).size).toBe(4);
    expect(numIds[0]).toBe(numIds[1]);
    const numbering = docx.parts.get('word/numbering.xml')!;
    expect(numbering).toContain('<w:start w:val="4"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(docx.paragraphs.every((p) => p.style === 'Liste')).toBe(true);
  });
});

/** The embedded faces of a DOCX, de-obfuscated with their keys, by face name (Regular, Bold…). */
async function embeddedFaces(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const docx = readDocx(bytes);
  const raw = (await import('fflate')).unzipSync(bytes);
  const table = docx.parts.get('word/fontTable.xml')!;
  const rels = docx.parts.get('word/_rels/fontTable.xml.rels')!;
  const faces = new Map<string, Buffer>();
  for (const [, face, id, key] of table.matchAll(/<w:embed(\w+) r:id="([^"]+)" w:fontKey="([^"]+)"/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const data = raw[`word/${target}`]!.slice();
    const keyBytes = key!
      .replace(/[{}-]/g, '')
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16))
      .reverse();
    for (let i = 0; i < 32; i++) data[i]! ^= keyBytes[i % 16]!;
    faces.set(face!, Buffer.from(data));
  }
  return faces;
}

describe('renderDocx: fonts', () => {
  const files = defaultFontFiles();
  const paths = {
    Regular: files.regular,
    Bold: files.bold,
    Italic: files.italic,
    BoldItalic: files.boldItalic,
  };

  it('embeds the four whole faces with fontEmbedding: full, each readable back with its key', async () => {
    const faces = await embeddedFaces(
      await renderDocx(sampleTree(), { creationDate, fontEmbedding: 'full' }),
    );
    expect([...faces.keys()].sort()).toEqual(Object.keys(paths).sort());
    for (const [face, path] of Object.entries(paths)) {
      expect(faces.get(face)?.equals(readFileSync(path)), face).toBe(true);
    }
  });

  it('embeds by default the four faces cut to what a clerk types, as installable fonts', async () => {
    const tree = withBlocks([body('Antonín Dvořák, Łódź : « œuvre » – 12 € ‰')]);
    const bytes = await renderDocx(tree, { creationDate });
    expect(bytes.byteLength).toBeLessThan(80 * 1024);
    const faces = await embeddedFaces(bytes);
    expect([...faces.keys()].sort()).toEqual(Object.keys(paths).sort());
    for (const [face, path] of Object.entries(paths)) {
      const data = faces.get(face)!;
      const whole = fontkit.create(readFileSync(path)) as fontkit.Font;
      const subset = fontkit.create(data) as fontkit.Font;
      expect(data.byteLength, face).toBeLessThan(readFileSync(path).byteLength / 4);
      // The tables an application needs to install the font (fontkit's own subsets lack them).
      for (const table of ['cmap', 'name', 'OS/2', 'post', 'hhea', 'hmtx', 'glyf', 'loca', 'head', 'GPOS']) {
        expect(data.includes(Buffer.from(table.padEnd(4), 'latin1')), `${face} ${table}`).toBe(true);
      }
      expect(subset.familyName).toBe(whole.familyName);
      expect(subset.postscriptName).toBe(whole.postscriptName);
      // Every character a French clerk types, and the document's own beyond them (í ř Ł ó ź).
      const wanted = [...'azAZ09éèêàùçôîïüÿæœŒŸÉÀÇ«»’“”–—…€\u00A0\u202F‰ìñß', ...'ířŁóź'];
      for (const c of wanted) {
        expect(subset.hasGlyphForCodePoint(c.codePointAt(0)!), `${face} ${c}`).toBe(true);
      }
      // Not the whole font: characters nobody typed are left out.
      expect(subset.hasGlyphForCodePoint(0x0416), `${face} Ж`).toBe(false);
      expect(subset.numGlyphs).toBeLessThan(whole.numGlyphs / 4);
    }
  });

  it('embeds no font when asked not to', async () => {
    const docx = readDocx(await render(sampleTree(), false));
    expect(docx.entries.filter((e) => e.startsWith('word/fonts/'))).toEqual([]);
    expect(docx.parts.get('word/fontTable.xml') ?? '').not.toContain('w:embed');
  });
});

describe('renderDocx: reproducibility', () => {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('gives identical bytes across runs', async () => {
    const a = await renderDocx(sampleTree(), { creationDate });
    const b = await renderDocx(sampleTree(), { creationDate });
    expect(sha(a)).toBe(sha(b));
    const c = await renderDocx(sampleTree(), { creationDate: new Date('2024-01-01T00:00:00Z') });
    expect(sha(c)).not.toBe(sha(a));
  });

  // In another process and time zone: test/pdf-dossier.test.ts (one child for PDF, dossier and DOCX).
});
