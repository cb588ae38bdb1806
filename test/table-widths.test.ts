import { describe, expect, it } from 'vitest';
import { theme } from '../src/render/theme.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

// A financing plan: a wide label column and narrow amounts, sized to their content in both formats.
const docs = await renderFixture('fixtures/structures/tableau-financier.yaml', /^point-01-deliberation$/);
const deliberation = documentOf(docs, 'point-01-deliberation');
const { cellPadding } = theme.table;

/** Right edges of the « Total » row's cells in the PDF, from the text right-aligned in them. */
function pdfRightEdges(): number[] {
  const page = deliberation.pdf.pages[0];
  const total = page?.items.find((item) => item.str === 'Total');
  if (!page || !total) throw new Error('no Total row');
  // Each amount is one text item (« 522 400 € »), right-aligned: its cell ends one padding after it.
  const edges = page.items
    .filter((item) => Math.abs(item.y - total.y) < 0.5 && /[€%]$/.test(item.str))
    .sort((a, b) => a.x - b.x)
    .map((item) => item.x + item.width + cellPadding);
  return edges;
}

/** The DOCX's first table (the financing plan; the signatures are another). */
const firstTable = () => /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(deliberation.docx.document)?.[0] ?? '';

/** Right edges of the DOCX table's grid columns, from the text's left edge. */
function docxRightEdges(): number[] {
  const grid = [...firstTable().matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
  let x = theme.page.marginLeft;
  return grid.map((w) => {
    x += w;
    return x;
  });
}

describe('data table columns sized to their content in both formats', () => {
  it('gives the DOCX grid the PDF’s column widths, the label column wide and the amounts narrow', () => {
    const pdf = pdfRightEdges();
    const docx = docxRightEdges();
    expect(pdf.length).toBe(3);
    expect(docx.length).toBe(4);
    // The amounts' columns end where the PDF's do, give or take the 1 pt each narrow column gets
    // in the DOCX (taken from the label column): two amount columns are exactly 1 pt wider.
    docx.slice(1).forEach((edge, i) => {
      expect(Math.abs(edge - (pdf[i] ?? 0))).toBeLessThan(2.1);
    });
    for (const k of [1, 2]) {
      const pdfWidth = (pdf[k] ?? 0) - (pdf[k - 1] ?? 0);
      const docxWidth = (docx[k + 1] ?? 0) - (docx[k] ?? 0);
      expect(Math.abs(docxWidth - pdfWidth - 1)).toBeLessThan(0.1);
    }
    const widths = docx.map((edge, i) => edge - (i === 0 ? theme.page.marginLeft : (docx[i - 1] ?? 0)));
    expect(widths[0]).toBeGreaterThan(2.5 * (widths[1] ?? 0));
    // The table is as wide as the text.
    expect(docx.at(-1)).toBeCloseTo(theme.page.width - theme.page.marginRight, 0);
  });

  it('writes every cell’s width as its grid column’s', () => {
    const grid = [...firstTable().matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => m[1]);
    const rows = [...firstTable().matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(6);
    for (const row of rows)
      expect([...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => m[1])).toEqual(grid);
  });

  it('prints the cells the YAML states in both formats', () => {
    for (const text of [deliberation.pdfText, deliberation.docxText])
      expect(text).toContain('Rampe d’accès, porte automatique et sanitaires adaptés au rez-de-chaussée');
  });
});
