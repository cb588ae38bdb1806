// A séance held over several days whose later day states its own attendance, and the people
// attending who are not members (c16; the corpus's two-day conseil syndical): the procès-verbal
// prints each day under its heading with its lists and guests, the délibérations of the later day
// count that day's attendance, and validation checks each day's lists where they are written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/seance-plusieurs-jours.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /proces-verbal|deliberation/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};

/** Each text is one paragraph of the DOCX and starts a line of the PDF, in this order in both. */
function expectInOrder(d: RenderedDocument, texts: readonly string[]) {
  const paragraphs = d.docx.paragraphs.map((p) => foldQuotes(p.text));
  let from = 0;
  for (const text of texts) {
    const at = paragraphs.indexOf(foldQuotes(text), from);
    expect(at, `DOCX: ${text}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
  const pdf = foldQuotes(d.pdfText);
  let pos = 0;
  for (const text of texts) {
    const at = pdf.indexOf(foldQuotes(text), pos);
    expect(at, `PDF: ${text}`).toBeGreaterThanOrEqual(pos);
    pos = at + text.length;
  }
  const lines = d.pdf.bodyLines().map(foldQuotes);
  for (const text of texts)
    expect(
      lines.some((l) => l.startsWith(foldQuotes(text).slice(0, 25))),
      text,
    ).toBe(true);
}

const dir = mkdtempSync(join(tmpdir(), 'delib-jours-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function variant(edit: (text: string) => string) {
  const file = join(dir, 'seance.yaml');
  const text = edit(SOURCE);
  expect(text).not.toBe(SOURCE);
  writeFileSync(file, text);
  return { text, ...(await loadAndValidate(file)) };
}

const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a séance over several days, each day with its attendance', () => {
  it('prints each day under its heading (pv_jour) with its own lists and guests (pv_invites), in PDF and DOCX', () => {
    expectInOrder(get('proces-verbal'), [
      'Réunion du mardi 11 mars 2025',
      'Présents : Mme Aline Garnier – M. Bastien Morel – M. Cyril Leroux et Mme Delphine Pasquet.',
      'Excusés : M. Étienne Vernet.',
      'Assistaient sans voix délibérative : Mme Lise Aubry, directrice du syndicat et M. Noël Tessier, du service de l’eau.',
      'Secrétaire de séance : M. Bastien Morel',
      'Réunion du mercredi 12 mars 2025',
      'Membres en exercice : 5 – Présents : 3 – Représentés : 1 – Absents : 1 – Votants : 4',
      'Présents : Mme Aline Garnier – M. Cyril Leroux et M. Étienne Vernet.',
      'Représentés : M. Bastien Morel (pouvoir à M. Cyril Leroux).',
      'Absents : Mme Delphine Pasquet.',
      'Assistaient sans voix délibérative : Mme Lise Aubry, directrice du syndicat.',
      'Ordre du jour',
    ]);
  });

  it('counts the later day’s attendance in the délibérations from its first point on', () => {
    expectInOrder(get('point-01-deliberation'), [
      'Membres en exercice : 5 – Présents : 4 – Représentés : 0 – Absents : 1 – Votants : 4',
    ]);
    expectInOrder(get('point-02-deliberation'), [
      'Membres en exercice : 5 – Présents : 3 – Représentés : 1 – Absents : 1 – Votants : 4',
      'Pouvoirs : Bastien Morel à Cyril Leroux.',
    ]);
    expect(get('point-02-deliberation').docxText).not.toContain('Delphine Pasquet, Étienne');
    // The collectivité's separator between names (liste_separateur), « et » before the last.
    expectInOrder(get('point-02-deliberation'), [
      'Étaient présents : Aline Garnier – Cyril Leroux et Étienne Vernet.',
    ]);
  });

  it('prints neither headings nor guests when the later days are dates only', async () => {
    const { seance } = await variant((t) =>
      t
        .replace(/ {2}invites:\n(?: {4}- .*\n)+/, '')
        .replace(/ {2}jours_suivants:\n[\s\S]*?\n(?=\nderoulement)/, '  jours_suivants: [2025-03-12]'),
    );
    expect(seance).toBeDefined();
    if (!seance) return;
    const file = join(dir, 'dates.yaml');
    writeFileSync(file, readFileSync(join(dir, 'seance.yaml'), 'utf8'));
    const plain = await renderFixture(file, /proces-verbal/);
    const text = plain.get('proces-verbal')?.docxText ?? '';
    expect(text).toContain('Présents : Mme Aline Garnier');
    expect(text).not.toContain('Réunion du');
    expect(text).not.toContain('Assistaient');
  });

  it('checks a later day’s lists where they are written (rule.attendance-sum)', async () => {
    const { text, diagnostics } = await variant((t) => t.replace('absents: [dpasquet]', 'absents: []'));
    const sum = diagnostics.filter((d) => d.code === 'rule.attendance-sum');
    expect(sum.map((d) => d.line)).toEqual([lineOf(text, 'presents: [agarnier, cleroux, evernet]')]);
  });

  it('says when a later day starts with a point the ordre du jour does not have (rule.record)', async () => {
    const { text, diagnostics } = await variant((t) => t.replace('premier_point: 2', 'premier_point: 7'));
    const record = diagnostics.filter((d) => d.code === 'rule.record');
    expect(record.map((d) => [d.line, d.message])).toEqual([
      [lineOf(text, 'premier_point: 7'), 'Aucun point ne porte le numéro 7.'],
    ]);
  });
});
