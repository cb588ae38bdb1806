/**
 * The words delib used to print itself (« PREND ACTE », « Annexe 1 : … », « Rapporteur : … », the
 * dossier's bookmarks) are the collectivité's formulas, typeset like the rest of the text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDelib } from './support/cli.ts';
import { readPdf } from './support/pdf.ts';
import { foldQuotes, renderFixture } from './support/rendered.ts';

const NBSP = '\u00A0';
const dir = mkdtempSync(join(tmpdir(), 'delib-mots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fixture with formulas added to its collectivité and text replaced. */
function variant(fixture: string, name: string, formules: string, replace: [string, string][] = []): string {
  const source = readFileSync(fixture, 'utf8');
  // Added to the collectivité's own formulas when it has some (a key may appear only once).
  let text = /^ {2}formules:\n/m.test(source)
    ? source.replace(/^ {2}formules:\n/m, `  formules:\n${formules}`)
    : source.replace(/^collectivite:\n/m, `collectivite:\n  formules:\n${formules}`);
  for (const [from, to] of replace) {
    if (!text.includes(from)) throw new Error(`${fixture}: no « ${from} »`);
    text = text.replace(from, to);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

async function outline(yaml: string, name: string): Promise<string[]> {
  const out = join(dir, `out-${name}`);
  const run = await runDelib(['build', yaml, '-o', out, '--formats', 'pdf', '--quiet'], {
    env: { SOURCE_DATE_EPOCH: '1700000000' },
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'dossier-de-seance.pdf'))));
  return pdf.outline.flatMap((o) => [o.title, ...o.items.map((i) => `  ${i.title}`)]);
}

describe('the dossier de séance’s bookmarks', () => {
  it('are typeset (guillemets, apostrophes, no-break spaces) like the documents', async () => {
    const titles = await outline('fixtures/structures/typographie.yaml', 'typo');
    expect(titles).toContain(
      `Point n°${NBSP}1 – Programme «${NBSP}Cours d’école ombragées${NBSP}» – plan de financement`,
    );
    expect(titles.join('\n')).not.toMatch(/["']/);
  });

  it('number points as the ordre du jour does, in the collectivité’s own words', async () => {
    const yaml = variant(
      'fixtures/structures/typographie.yaml',
      'signets',
      '    signet_point: "{numero}. {objet}"\n    signet_note: Rapport de présentation\n',
      [['  - numero: 1\n', '  - numero: 1\n    numero_affiche: III-2\n']],
    );
    const titles = await outline(yaml, 'signets');
    expect(titles).toContain(
      `III-2. Programme «${NBSP}Cours d’école ombragées${NBSP}» – plan de financement`,
    );
    expect(titles).toContain('  Rapport de présentation');
    // The ordre du jour's own headings (indented) keep its formula; the points' bookmarks follow theirs.
    expect(titles.filter((t) => !t.startsWith(' ')).join('\n')).not.toContain('Point n°');
  });
});

describe('fixed words of the délibération and the note', () => {
  it('print the collectivité’s « prend acte », annex line and rapporteur line', async () => {
    const yaml = variant(
      'fixtures/apres-seance.yaml',
      'prend-acte',
      [
        '    decision_prend_acte: "Prend acte :"',
        '    annexe: "Pièce jointe n° {numero} – {titre}"',
        '    ligne_rapporteur: "Présenté par {nom}"',
        '',
      ].join('\n'),
    );
    const docs = await renderFixture(yaml, /point-0[23]-(deliberation|note)/);
    const acte = docs.get('point-03-deliberation');
    const note = docs.get('point-03-note');
    if (!acte || !note) throw new Error(`documents: ${[...docs.keys()].join(', ')}`);
    for (const text of [acte.pdfText, acte.docxText].map(foldQuotes)) {
      expect(text).toContain('Prend acte :');
      expect(text).not.toContain('PREND ACTE');
      expect(text).toContain('Présenté par Antoine Durand');
      expect(text).not.toContain('Rapporteur');
    }
    for (const text of [note.pdfText, note.docxText].map(foldQuotes)) {
      expect(text).toContain('Présenté par Antoine Durand');
    }
  });

  it('print the collectivité’s annex line in the act and in the dossier’s bookmarks', async () => {
    const yaml = variant(
      'fixtures/avant-seance.yaml',
      'annexe',
      '    annexe: "Pièce jointe n° {numero} – {titre}"\n',
    );
    const docs = await renderFixture(yaml, /point-02-projet/);
    const projet = docs.get('point-02-projet');
    for (const text of [projet?.pdfText ?? '', projet?.docxText ?? ''].map(foldQuotes)) {
      expect(text).toContain('Pièce jointe n° 1 – Convention de mise à disposition de la salle des fêtes');
      expect(text).not.toContain('Annexe 1');
    }
    expect(await outline(yaml, 'annexe')).toContain(
      `  Pièce jointe n°${NBSP}1 – Convention de mise à disposition de la salle des fêtes`,
    );
  });

  it('print the defaults otherwise, and no rapporteur line when its label is emptied', async () => {
    const docs = await renderFixture(
      variant('fixtures/apres-seance.yaml', 'sans-libelle', '    rapporteur: ""\n'),
      /point-03-(deliberation|note)/,
    );
    for (const d of [docs.get('point-03-deliberation'), docs.get('point-03-note')]) {
      for (const text of [d?.pdfText ?? '', d?.docxText ?? ''].map(foldQuotes)) {
        expect(text).toContain('Rapport annuel sur le prix');
        expect(text).not.toMatch(/: Antoine Durand/);
      }
    }
    const plain = await renderFixture('fixtures/apres-seance.yaml', /point-03-deliberation/);
    const acte = plain.get('point-03-deliberation');
    for (const text of [acte?.pdfText ?? '', acte?.docxText ?? '']) expect(text).toContain('PREND ACTE');
  });
});
