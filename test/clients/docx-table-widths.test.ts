/**
 * A data table's columns in LibreOffice as in the PDF (fixtures/structures/tableau-financier.yaml:
 * a financing plan with long labels and narrow amounts): each row's label on the lines the PDF
 * gives it, and the délibération on one page, its signature included, in both (equal-width
 * columns wrapped every label on three or four lines and pushed the signature onto a second page).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { documentOf, renderFixture } from '../support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-table-widths-lo-'));
const creationDate = new Date('2025-09-26T00:00:00Z');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pages of `pdftotext -layout`, each as its lines, spaces folded. */
function layoutPages(pdf: string): string[][] {
  return pdftotext(pdf, '-layout')
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) =>
      page
        .replace(/[\u00A0\u202F]/g, ' ')
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    );
}

const pages: Record<'docx' | 'pdf', string[][]> = { docx: [], pdf: [] };

beforeAll(async () => {
  const { tree } = documentOf(
    await renderFixture('fixtures/structures/tableau-financier.yaml', /^point-01-deliberation$/),
    'point-01-deliberation',
  );
  writeFileSync(join(dir, 'deliberation.docx'), await renderDocx(tree, { creationDate, embedFonts: true }));
  writeFileSync(join(dir, 'deliberation.pdfkit.pdf'), (await renderPdf(tree, { creationDate })).bytes);
  convertToPdf([join(dir, 'deliberation.docx')], join(dir, 'out'), join(dir, 'profile'));
  pages.docx = layoutPages(join(dir, 'out', 'deliberation.pdf'));
  pages.pdf = layoutPages(join(dir, 'deliberation.pdfkit.pdf'));
}, 200_000);

describe.each(['docx', 'pdf'] as const)('a financing plan’s columns, %s', (format) => {
  it('keeps each label with its amounts on its first line, the label unbroken where it fits', () => {
    const lines = pages[format].flat();
    for (const row of [
      'Isolation des murs par l’extérieur et des combles de l’aile nord 212 400 € 84 960 € 40 %',
      'Remplacement des menuiseries des six classes et du préau couvert 96 800 € 38 720 € 40 %',
      'Pompe à chaleur et émetteurs basse température dans toutes les salles 148 300 € 74 150 € 50 %',
      'Total 522 400 € 230 280 € 44 %',
    ])
      expect(lines, lines.join('\n')).toContain(row);
  });

  it('fits the délibération on one page, its signature and mentions included', () => {
    expect(pages[format].length, pages[format].map((p) => p.join('\n')).join('\n\f\n')).toBe(1);
    const page = pages[format][0] ?? [];
    expect(page).toContain('M. Gaspard Vidalenc');
    expect(page.some((l) => l.includes('www.telerecours.fr'))).toBe(true);
  });
});
