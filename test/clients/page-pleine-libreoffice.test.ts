/**
 * A one-page délibération whose end falls in the PDF's last-page allowance (theme.page.absorb, a few
 * lines above the footer): fixtures/structures/page-pleine.yaml. The PDF keeps the recours mention on
 * its one page; LibreOffice, opening the DOCX, does too now that the DOCX's bottom margin gives every
 * page that room (it pushed the mention alone onto a page 2 with the PDF's bottom margin).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.ts';
import { theme } from '../../src/render/theme.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { documentOf, type RenderedDocument, renderFixture } from '../support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-page-pleine-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECOURS = 'accessible sur le site www.telerecours.fr.';
let deliberation: RenderedDocument;
let libreoffice: string[] = [];

beforeAll(async () => {
  deliberation = documentOf(
    await renderFixture('fixtures/structures/page-pleine.yaml', /^point-01-deliberation$/),
    'point-01-deliberation',
  );
  const docx = await renderDocx(deliberation.tree, {
    creationDate: new Date('2025-06-12T00:00:00Z'),
    embedFonts: true,
  });
  writeFileSync(join(dir, 'deliberation.docx'), docx);
  convertToPdf([join(dir, 'deliberation.docx')], join(dir, 'out'), join(dir, 'profile'));
  libreoffice = pdftotext(join(dir, 'out', 'deliberation.pdf'))
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.replace(/\s+/g, ' '));
}, 200_000);

describe('a délibération ending near the page end', () => {
  it('ends inside the PDF’s last-page allowance, the recours mention on its one page', () => {
    const [page, ...more] = deliberation.pdf.pages;
    expect(more).toEqual([]);
    const body = (page?.items ?? []).filter((i) => !i.artifact && i.str.trim() !== '');
    const lowest = Math.max(...body.map((i) => i.y));
    // Below the bottom margin, within the allowance: the fixture tests what it says.
    expect(lowest).toBeGreaterThan(theme.page.height - theme.page.marginBottom);
    expect(lowest).toBeLessThan(theme.page.height - theme.page.marginBottom + theme.page.absorb);
    expect(deliberation.pdfText).toContain(RECOURS);
  });

  it('gives every DOCX page that allowance: LibreOffice keeps the mention on the one page', () => {
    const bottom = Math.round((theme.page.marginBottom - theme.page.absorb) * 20);
    expect(deliberation.docx.document).toMatch(new RegExp(`<w:pgMar [^>]*w:bottom="${bottom}"`));
    expect(libreoffice.length, libreoffice.join('\n\f\n')).toBe(1);
    expect(libreoffice[0]).toContain(RECOURS);
  });
});
