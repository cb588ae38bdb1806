// The documents of the whole séance printed inside a recueil (fixtures/structures/premieres-pages.yaml:
// `seance.premieres_pages`): the convocation, the ordre du jour, the liste and the procès-verbal
// each numbered from its own first page — PDF footer and page labels (pdf.js), DOCX w:pgNumType
// w:start — the PV's sommaire giving the recueil's numbers; {pages} stays the document's own
// count, so the fixture's footer says « p. N » without a total.
import { describe, expect, it } from 'vitest';
import type { PdfPage } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const docs = await renderFixture('fixtures/structures/premieres-pages.yaml');
/** The text of the page's footer: its artifacts below the body. */
const footerText = (page: PdfPage) =>
  page.items
    .filter((item) => item.artifact && item.y > page.height - 40 && item.str.trim() !== '')
    .map((item) => item.str)
    .join('');
const pgNumType = (xml: string) => /<w:sectPr>[\s\S]*?<w:pgNumType[^>]*\/>/.exec(xml)?.[0];

describe('seance.premieres_pages', () => {
  it.each([
    ['convocation', 3],
    ['ordre-du-jour', 5],
    ['liste-des-deliberations', 9],
    ['proces-verbal', 12],
  ] as const)('numbers the %s from page %i in the PDF and the DOCX', (id, first) => {
    const d = documentOf(docs, id);
    const numbers = d.pdf.pages.map((_, k) => String(first + k));
    expect(d.pdf.pages.map(footerText)).toEqual(numbers.map((n) => `p. ${n}`));
    expect(d.pdf.pageLabels).toEqual(numbers);
    expect(pgNumType(d.docx.document)).toMatch(new RegExp(`<w:pgNumType w:start="${first}"/>$`));
  });

  it('gives the procès-verbal’s sommaire the recueil’s page numbers', () => {
    const pv = documentOf(docs, 'proces-verbal');
    expect(pv.pdfText).toContain(
      'Point n° 1 – Adhésion au groupement de commandes pour l’électricité, p. 12',
    );
  });

  it('leaves the délibération, which has no premiere_page, numbered from 1', () => {
    const d = documentOf(docs, 'point-01-deliberation');
    expect(d.pdf.pageLabels).toBeNull();
    expect(footerText(d.pdf.pages[0] ?? ({} as PdfPage))).toBe('p. 1');
  });
});
