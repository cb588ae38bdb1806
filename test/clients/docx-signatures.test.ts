/**
 * Convention signature columns as LibreOffice lays out the DOCX: the headings, the qualités and
 * the names of one row of signatories each on one line of `pdftotext -layout`, as in the PDF,
 * however many lines a qualité takes (fixtures/structures/accords.yaml: six parties, two rows).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { documentOf, renderFixture } from '../support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-signatures-lo-'));
const creationDate = new Date('2025-04-10T00:00:00Z');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of `pdftotext -layout`, spaces kept (columns are runs of spaces). */
function layoutLines(pdf: string): string[] {
  return pdftotext(pdf, '-layout')
    .replace(/[\u00A0\u202F]/g, ' ')
    .split('\n');
}

const lines: Record<'docx' | 'pdf', string[]> = { docx: [], pdf: [] };

beforeAll(async () => {
  const { tree } = documentOf(
    await renderFixture('fixtures/structures/accords.yaml', /convention/),
    'point-01-convention-1',
  );
  writeFileSync(join(dir, 'convention.docx'), await renderDocx(tree, { creationDate }));
  writeFileSync(join(dir, 'convention.pdfkit.pdf'), (await renderPdf(tree, { creationDate })).bytes);
  convertToPdf([join(dir, 'convention.docx')], join(dir, 'out'), join(dir, 'profile'));
  lines.docx = layoutLines(join(dir, 'out', 'convention.pdf'));
  lines.pdf = layoutLines(join(dir, 'convention.pdfkit.pdf'));
}, 200_000);

/** The one line holding all the texts, as columns left to right. */
function lineWith(all: readonly string[], texts: readonly string[]): string | undefined {
  return all.find((l) => {
    let from = 0;
    return texts.every((t) => {
      const at = l.indexOf(t, from);
      from = at + t.length;
      return at >= 0;
    });
  });
}

describe.each(['docx', 'pdf'] as const)('signature columns, %s', (format) => {
  it.each([
    ['the headings of a row', ['Pour le Syndicat', 'Pour la Région', 'Pour l’Établissement']],
    ['the qualités of a row', ['La Présidente du conseil', 'Le Directeur général']],
    ['the names of a row', ['M. Armand Berthier', 'Mme Solène Marchais', 'M. Gilles Aubry']],
    ['the names of the second row', ['M. Yvon Clément', 'Mme Lina Perrot', 'Mme Isaure Lemaire']],
  ])('puts %s on one line', (_what, texts) => {
    expect(lineWith(lines[format], texts), lines[format].join('\n')).toBeDefined();
  });
});
