/**
 * The PV's sommaire as LibreOffice lays out the DOCX (fixtures/structures/proces-verbal-sommaire.yaml,
 * a sommaire on two pages): each entry's number, a PAGEREF field to its chapter's bookmark, is the
 * page where LibreOffice's own layout puts that chapter — whether the DOCX carries the PDF's
 * numbers (`pageNumbers`, as `delib build` writes it) or blank fields (a DOCX made without a PDF).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { foldSpaces } from '../../src/tree/text.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { documentOf, renderFixture } from '../support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-sommaire-lo-'));
const creationDate = new Date('2025-10-20T00:00:00Z');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages: Record<'clean' | 'blank', string[]> = { clean: [], blank: [] };

beforeAll(async () => {
  const { tree } = documentOf(
    await renderFixture('fixtures/structures/proces-verbal-sommaire.yaml', /^proces-verbal$/),
    'proces-verbal',
  );
  const pdf = await renderPdf(tree, { creationDate });
  const pageNumbers = pdf.anchors ?? new Map<string, number>();
  writeFileSync(join(dir, 'clean.docx'), await renderDocx(tree, { creationDate, pageNumbers }));
  writeFileSync(join(dir, 'blank.docx'), await renderDocx(tree, { creationDate }));
  convertToPdf([join(dir, 'clean.docx'), join(dir, 'blank.docx')], join(dir, 'out'), join(dir, 'profile'));
  for (const kind of ['clean', 'blank'] as const) {
    pages[kind] = pdftotext(join(dir, 'out', `${kind}.pdf`), '-raw')
      .split('\f')
      .map((p) => foldSpaces(p.replace(/\n/g, ' ')));
  }
}, 200_000);

describe.each(['clean', 'blank'] as const)('LibreOffice’s sommaire (%s fields)', (kind) => {
  it('gives each point the page LibreOffice puts its chapter on, over a two-page sommaire', () => {
    const all = pages[kind];
    const sommaire = all.slice(0, 2).join(' ');
    expect(all[1]).toContain('46. Horaires de l’accueil périscolaire (p.');
    const seen = new Set<number>();
    for (let n = 1; n <= 46; n++) {
      const entry = new RegExp(`(?:^|\\s)${n}\\. [^()]*\\(p\\. (\\d+)\\)`).exec(sommaire);
      const page = Number(entry?.[1]);
      const chapter = all.findIndex((p, i) => i >= 2 && p.includes(`Point n° ${n} –`)) + 1;
      expect(page, `point ${n}`).toBe(chapter);
      seen.add(page);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });
});
