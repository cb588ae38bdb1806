import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/accuse-reception.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-accuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const docs = await renderFixture(FILE, /deliberation|convention/);
const get = (from: Map<string, RenderedDocument>, id: string): RenderedDocument => {
  const d = from.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};

const STAMP = [
  'Accusé de réception – contrôle de légalité',
  '098-200012345-20250612-2025_31-DE',
  'Transmis le 16/06/2025 – Reçu le 17/06/2025 à 09:42:15',
  'Affiché le 18/06/2025 – Exécutoire le 18/06/2025',
];

/** The PDF's body lines and the DOCX's paragraphs (line breaks as `\n`), spaces folded. */
const pdfLines = (d: RenderedDocument) => d.pdf.bodyLines().map(foldSpaces);
const docxParagraphs = (d: RenderedDocument) =>
  d.docx.paragraphs.map((p) => p.text.split('\n').map(foldSpaces).join('\n'));

/** The séance file with `edit` applied, written beside the others of this test. */
async function variant(name: string, edit: (text: string) => string): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edit(SOURCE));
  return file;
}

describe('the préfecture’s receipt stamp', () => {
  it('prints the stamp in the collectivité’s words, line by line, at the top of the act', () => {
    const d = get(docs, 'point-01-deliberation');
    const lines = pdfLines(d);
    const first = lines.indexOf(STAMP[0]!);
    expect(lines.slice(first, first + 4)).toEqual(STAMP);
    expect(first).toBeLessThan(lines.indexOf('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS'));
    const paragraphs = docxParagraphs(d);
    const stamp = paragraphs.indexOf(STAMP.join('\n'));
    expect(stamp).toBeGreaterThanOrEqual(0);
    expect(stamp).toBeLessThan(paragraphs.indexOf('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS'));
    // The exécutoire mention stays where it was, with its own words.
    expect(d.pdfText).toContain('Caractère exécutoire – Transmise en préfecture le : 16 juin 2025');
  });

  it('prints it on the convention annexed to the act too', () => {
    const d = get(docs, 'point-01-convention-1');
    const lines = pdfLines(d);
    expect(lines.slice(0, 4)).toEqual(STAMP);
    expect(docxParagraphs(d)).toContain(STAMP.join('\n'));
  });

  it('prints nothing for an act whose receipt the séance does not state', () => {
    const d = get(docs, 'point-02-deliberation');
    for (const text of [d.pdfText, d.docxText]) {
      expect(text).not.toMatch(/Accusé de réception|Reçu le|Affiché le|Exécutoire le/);
      expect(text).toContain('Transmise en préfecture le : 16 juin 2025');
    }
  });

  it('has a default wording, printed with the mention at the bottom, and none on conventions when emptied', async () => {
    const file = await variant('defaut', (text) =>
      text
        .replace(/ {2}position_accuse_reception: haut\n/, '')
        .replace(
          / {2}formules:\n {4}accuse_reception: \|\n( {6}.*\n)+/,
          '  formules:\n    accuse_reception_convention: ""\n',
        ),
    );
    const own = await renderFixture(file, /point-01-(deliberation|convention)/);
    const d = get(own, 'point-01-deliberation');
    const stamp =
      'Accusé de réception en préfecture le 17/06/2025 à 09:42:15 – Affiché le 18/06/2025 – Certifié exécutoire le 18/06/2025';
    for (const text of [d.pdfText, d.docxText]) {
      expect(text).toContain(stamp);
      expect(text.indexOf(stamp)).toBeGreaterThan(text.indexOf('Caractère exécutoire'));
      expect(text.indexOf(stamp)).toBeGreaterThan(text.indexOf('Mme Hortense Vallauris'));
    }
    const convention = get(own, 'point-01-convention-1');
    for (const text of [convention.pdfText, convention.docxText]) expect(text).not.toContain('Accusé');
  });

  it('leaves out the parts of facts the séance does not give', async () => {
    const file = await variant('sans-heure', (text) =>
      text.replace(/ {8}heure_reception: .*\n/, '').replace(/ {8}affichage: .*\n/, ''),
    );
    const own = await renderFixture(file, /point-01-deliberation/);
    expect(pdfLines(get(own, 'point-01-deliberation'))).toEqual(
      expect.arrayContaining(['Transmis le 16/06/2025 – Reçu le 17/06/2025', '– Exécutoire le 18/06/2025']),
    );
  });
});

describe('the receipt facts checked', () => {
  it('refuses a receipt before the transmission, at its line', async () => {
    const file = await variant('avant', (text) =>
      text.replace('reception: 2025-06-17', 'reception: 2025-06-15'),
    );
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = SOURCE.split('\n').findIndex((l) => l.includes('reception: 2025-06-17')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.dates', line]]);
    expect(diagnostics[0]?.message).toContain('réception en préfecture (2025-06-15)');
  });

  it('refuses an hour not written HH:MM or HH:MM:SS', async () => {
    const file = await variant('heure', (text) => text.replace('"09:42:15"', '9h42'));
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = SOURCE.split('\n').findIndex((l) => l.includes('heure_reception: "')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['schema.pattern', line]]);
  });
});
