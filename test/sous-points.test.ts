// An entry of the ordre du jour with its sub-items (r17; « a) … b) … » under a point): printed
// under the point, each on a line of its own, in the convocation, the ordre du jour and the
// procès-verbal's list of points, in PDF and DOCX, in the collectivité's formula (`sous_point`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentOf, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/sous-points.yaml';
const docs = await renderFixture(FILE, /convocation|ordre-du-jour|proces-verbal|point-01-deliberation/);
const dir = mkdtempSync(join(tmpdir(), 'delib-sous-points-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUB = [
  'a) Compte administratif 2024 du budget principal',
  'b) Affectation du résultat de l’exercice 2024',
  'c) Subvention au comité des fêtes',
];
/** Spaces as pdf.js reads them (a no-break space is a space). */
const plain = (text: string): string => text.replaceAll('\u00A0', ' ');

/** The PDF's body lines from the point's own line on: the point, then its sub-items, then the next point. */
function expectPdfLines(d: RenderedDocument, point: string, next: string) {
  const lines = d.pdf.bodyLines().map(plain);
  const at = lines.indexOf(point);
  expect(at, point).toBeGreaterThanOrEqual(0);
  expect(lines.slice(at, at + 5)).toEqual([point, ...SUB, next]);
}

describe('sub-items of an ordre du jour entry', () => {
  it('in the convocation’s list: under the point, in its list item (PDF lines, DOCX line breaks)', () => {
    const d = documentOf(docs, 'convocation');
    expectPdfLines(
      d,
      '• Point n° 1 – Finances communales',
      '• Point n° 2 – Dénomination du chemin des Vergnes',
    );
    const item = d.docx.paragraphs.find((p) => plain(p.text).startsWith('Point n° 1 – Finances'));
    expect(plain(item?.text ?? '')).toBe(['Point n° 1 – Finances communales', ...SUB].join('\n'));
  });

  it('in the ordre du jour: a paragraph each under the point’s heading (PDF lines, DOCX paragraphs)', () => {
    const d = documentOf(docs, 'ordre-du-jour');
    expectPdfLines(d, 'Point n° 1 – Finances communales', 'Point n° 2 – Dénomination du chemin des Vergnes');
    const texts = d.docx.paragraphs.map((p) => plain(p.text));
    const at = texts.indexOf('Point n° 1 – Finances communales');
    expect(texts.slice(at, at + 5)).toEqual([
      'Point n° 1 – Finances communales',
      ...SUB,
      'Point n° 2 – Dénomination du chemin des Vergnes',
    ]);
  });

  it('in the procès-verbal’s list of points (PDF lines, DOCX line breaks), not with the point’s examination', () => {
    const d = documentOf(docs, 'proces-verbal');
    expectPdfLines(d, '• 1. Finances communales', '• 2. Dénomination du chemin des Vergnes');
    const texts = d.docx.paragraphs.map((p) => plain(p.text));
    expect(texts).toContain(['1. Finances communales', ...SUB].join('\n'));
    expect(texts.filter((t) => t.includes('Subvention au comité des fêtes'))).toHaveLength(1);
  });

  it('not in the délibération', () => {
    const d = documentOf(docs, 'point-01-deliberation');
    for (const text of [d.pdfText, d.docxText]) expect(text).not.toContain('Subvention au comité');
  });

  it('in the collectivité’s formula (sous_point: "{numero}° {texte}")', async () => {
    const file = join(dir, 'formule.yaml');
    const source = readFileSync(FILE, 'utf8');
    const text = source.replace(
      '  departement: "98"\n',
      '  departement: "98"\n  formules:\n    sous_point: "{numero}° {texte}"\n',
    );
    expect(text).not.toBe(source);
    writeFileSync(file, text);
    const d = documentOf(await renderFixture(file, /ordre-du-jour/), 'ordre-du-jour');
    const lines = d.pdf.bodyLines().map(plain);
    const at = lines.indexOf('Point n° 1 – Finances communales');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '1° Compte administratif 2024 du budget principal',
      '2° Affectation du résultat de l’exercice 2024',
      '3° Subvention au comité des fêtes',
    ]);
    expect(d.docx.paragraphs.map((p) => p.text)).toContain('3° Subvention au comité des fêtes');
  });
});
