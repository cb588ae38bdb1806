import { describe, expect, it } from 'vitest';
import { fieldsOf, paragraphsOf, type ReadDocx } from './support/docx.ts';
import type { PdfPage } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

// A délibération and a convention printed inside a recueil whose pages are numbered continuously.
const docs = await renderFixture(
  'fixtures/structures/recueil-pages.yaml',
  /^point-01-(deliberation|convention-1)$/,
);
const deliberation = documentOf(docs, 'point-01-deliberation');
const convention = documentOf(docs, 'point-01-convention-1');

/** The text of the page's footer: its artifacts below the body. */
const footerText = (page: PdfPage) =>
  page.items
    .filter((item) => item.artifact && item.y > page.height - 40 && item.str.trim() !== '')
    .map((item) => item.str)
    .join('|');

/** The section's page numbering element. */
const pgNumType = (docx: ReadDocx) => /<w:sectPr>[\s\S]*?<w:pgNumType[^>]*\/>/.exec(docx.document)?.[0];

/** Paragraph texts and fields of the footer part used after the first page. */
function footerPart(docx: ReadDocx, type: 'first' | 'default'): { texts: string[]; fields: string[] } {
  const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
  const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1];
  const rels = docx.parts.get('word/_rels/document.xml.rels') ?? '';
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  const xml = docx.parts.get(`word/${target}`) ?? '';
  return { texts: paragraphsOf(xml).map((p) => p.text), fields: fieldsOf(xml) };
}

describe('first page number of a document inside a recueil', () => {
  it('numbers the délibération’s PDF pages from 26, the footer printing the number alone', () => {
    const { pages, pageLabels } = deliberation.pdf;
    expect(pages.length).toBe(2);
    expect(pages.map(footerText)).toEqual(['26', '27']);
    // A reader's page box shows the printed numbers.
    expect(pageLabels).toEqual(['26', '27']);
  });

  it('starts the DOCX’s PAGE field at 26 (w:pgNumType w:start)', () => {
    expect(pgNumType(deliberation.docx)).toMatch(/<w:pgNumType w:start="26"\/>$/);
    for (const type of ['first', 'default'] as const) {
      const footer = footerPart(deliberation.docx, type);
      expect(footer.fields).toEqual(['PAGE']);
      expect(footer.texts.join('').trim()).not.toMatch(/Page|\//);
    }
  });

  it('gives the convention its own first page and its « N/T » form', () => {
    expect(convention.pdf.pages.map(footerText)).toEqual(['41/1']);
    expect(convention.pdf.pageLabels).toEqual(['41']);
    expect(pgNumType(convention.docx)).toMatch(/w:start="41"/);
    expect(footerPart(convention.docx, 'first').fields).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('leaves every other document numbered from 1, without page labels', async () => {
    const others = await renderFixture('fixtures/structures/recueil-pages.yaml', /^liste-des-deliberations$/);
    const liste = documentOf(others, 'liste-des-deliberations');
    expect(liste.pdf.pageLabels).toBeNull();
    expect(footerText(liste.pdf.pages[0]!)).toBe('1');
    expect(pgNumType(liste.docx)).toMatch(/<w:pgNumType\/>$/);
  });

  it('keeps the text the YAML states', () => {
    expect(deliberation.pdfText).toContain(
      'Approuve le programme d’aménagement de la voie verte le long de l’Arnelle.',
    );
    expect(deliberation.docxText).toContain(
      'Approuve le programme d’aménagement de la voie verte le long de l’Arnelle.',
    );
  });
});
