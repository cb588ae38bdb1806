// The procès-verbal: built by `delib build` from the séance record, read back with pdf.js and from
// word/document.xml; its facts are those of the délibérations and the liste (one derivation).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import type { Seance } from '../src/schema/seance.ts';
import { templateEnv } from '../src/template/env.ts';
import { loadAndValidate } from '../src/validate/index.ts';
import { runDelib } from './support/cli.ts';
import { readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';

const FIXTURE = 'fixtures/valmorin-2024-09-26.yaml';
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (s: string) =>
  s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ');

// pdf.js returns justified, hyphenated lines in pieces: compare without spaces nor hyphens.
const squash = (s: string) => s.replace(/[\s\u00a0\u202f\u00ad-]/g, '');

async function pdfText(bytes: Uint8Array): Promise<{ text: string; outline: string[] }> {
  const pdf = await readPdf(bytes);
  const text = pdf.pages.map((p) => p.items.map((i) => i.str).join(' ')).join(' ');
  return { text: squash(text), outline: pdf.outline.map((o) => flat(o.title)) };
}

describe('delib build: the procès-verbal', () => {
  const out = join(dir, 'bundle');
  beforeAll(async () => {
    const result = await runDelib(['build', FIXTURE, '-o', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('is in the manifest as PDF and DOCX, and never in the dossier', async () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const pv = manifest.documents.filter((d: { kind: string }) => d.kind === 'proces-verbal');
    expect(pv.map((d: { path: string }) => d.path)).toEqual(['proces-verbal.pdf', 'proces-verbal.docx']);
    const dossier = await pdfText(readFileSync(join(out, 'dossier-de-seance.pdf')));
    expect(dossier.text).not.toContain(squash('PROCÈS-VERBAL'));
    expect(dossier.text).not.toContain('Votants');
  });

  it('states every legal element, in the order of the séance, with one bookmark per point', async () => {
    const { text, outline } = await pdfText(readFileSync(join(out, 'proces-verbal.pdf')));
    const inOrder = [
      'PROCÈS-VERBAL',
      'légalement convoqué le 19 septembre 2024, s’est réuni le 26 septembre 2024 à 20 h, salle du Conseil de la mairie, sous la présidence de Mme Agathe Morel, Maire.',
      'La séance est ouverte à 20 h 02.',
      'Il est procédé à l’appel nominal des membres.',
      'Présents : 12 – Représentés : 2 – Absents : 1',
      'Représentés : Mme Gisèle Picard (pouvoir à Mme Agathe Morel), Mme Mathilde Colin (pouvoir à Mme Camille Nguyen).',
      'Secrétaire de séance : Mme Inès Leclerc',
      'Le quorum est atteint : 12 membres présents sur 15 en exercice.',
      'Mme Inès Leclerc est désignée secrétaire de séance à l’unanimité.',
      'Le procès-verbal de la séance du 20 juin 2024 est approuvé à l’unanimité, avec les corrections suivantes.',
      'Correction demandée par Mme Karine Bénard : Au point 3',
      'Ordre du jour',
      '1. Budget principal 2024 – décision modificative n° 2',
      '4. Cession d’une parcelle communale chemin des Vignes (retiré)',
      'décisions prises par délégation',
      'Décision n° 2024-D-031 du 8 juillet 2024',
      'Communication : Rentrée scolaire 2024',
      'Point n° 1 – Budget principal 2024',
      'Rapporteur : M. Bastien Faure',
      'M. Julien Roussel, au nom du groupe Valmorin autrement :',
      'Amendement n° 1, présenté par le groupe Valmorin autrement, M. Julien Roussel :',
      'L’amendement n° 1 est rejeté par 3 voix pour et 11 voix contre.',
      'L’amendement n° 2 est adopté à l’unanimité.',
      'La séance est suspendue à 20 h 41',
      'Votants : 14 (12 présents, 2 représentés).',
      'Délibération n° 2024_09_01 : Adoptée par 11 voix pour et 3 voix contre.',
      'Arrivée de M. Nicolas Perrot à 20 h 55',
      'Un scrutin public est demandé par le groupe Valmorin autrement',
      'Scrutin public.',
      'Abstention 3 M. Julien Roussel, Mme Karine Bénard et M. Léo Fontaine',
      'Ne prend pas part au vote 1 Mme Océane Duval-Sarr',
      'Ce point est retiré de l’ordre du jour : l’avis du service du Domaine',
      'Départ de M. Fabien Brun à 21 h 32',
      '« Nous partageons l’objectif',
      'Délibération n° 2024_09_05 – Rénovation énergétique',
      'À 21 h 40 : Une coupure de courant interrompt la séance',
      'Point n° 6 – Motion',
      'Ce point est ajouté à l’ordre du jour en séance.',
      'Question de M. Léo Fontaine, pour le groupe Valmorin autrement :',
      'Réponse de Mme Agathe Morel :',
      'La séance est levée à 22 h 14.',
      // The signatures read row by row, as the DOCX's table: qualités, then names.
      'La Maire Secrétaire de séance Agathe Morel Inès Leclerc',
      'Procès-verbal arrêté en séance du 14 novembre 2024.',
    ];
    let from = 0;
    for (const expected of inOrder) {
      const at = text.indexOf(squash(expected), from);
      expect(at, expected).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    const points = outline.filter((t) => t.startsWith('Point n°'));
    expect(points).toHaveLength(6);
    expect(points[3]).toBe('Point n° 4 – Cession d’une parcelle communale chemin des Vignes');
  });

  it('carries the same text in its DOCX, with named styles', () => {
    const docx = readDocx(readFileSync(join(out, 'proces-verbal.docx')));
    const styled = (id: string) => docx.paragraphs.filter((p) => p.style === id).map((p) => flat(p.text));
    expect(styled('Intervention')).toContain(
      'M. Bastien Faure : Monsieur Faure répond que l’éclairage du stade figurera au budget 2025.',
    );
    expect(styled('Vote')).toContain('L’amendement n° 1 est rejeté par 3 voix pour et 11 voix contre.');
    expect(docx.styles.map((s) => s.name)).toEqual(expect.arrayContaining(['Intervention', 'Vote']));
    // The ordre du jour keeps the points' own numbers, not a nested list's « a) b) c) ».
    expect(docx.paragraphs.map((p) => flat(p.text))).toContain(
      '1. Budget principal 2024 – décision modificative n° 2',
    );
  });
});

describe('one vote, three documents', () => {
  it('changes in the délibération, the liste des délibérations and the procès-verbal at once', async () => {
    const file = join(dir, 'changed.yaml');
    const text = readFileSync(FIXTURE, 'utf8');
    const from = 'vote: { pour: 11, contre: 0, abstentions: 3 }';
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, 'vote: { pour: 10, contre: 1, abstentions: 3 }'));
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(diagnostics).toEqual([]);
    const env = templateEnv();
    const read = async (s: Seance, id: string) => {
      const ref = listDocuments(s).find((r) => r.id === id);
      if (!ref) throw new Error(id);
      const tree = composeDocument(s, ref, { env });
      return (await pdfText((await renderPdf(tree, { creationDate: new Date(0) })).bytes)).text;
    };
    if (!seance) throw new Error('invalid');
    const once = (t: string, s: string) => expect(t.split(squash(s)).length - 1, s).toBe(1);
    once(
      await read(seance, 'point-05-deliberation'),
      'Adoptée par 10 voix pour, 1 voix contre et 3 abstentions.',
    );
    once(await read(seance, 'liste-des-deliberations'), 'Adoptée (10 pour, 1 contre, 3 abstentions)');
    const pv = await read(seance, 'proces-verbal');
    once(pv, 'Délibération n° 2024_09_05 : Adoptée par 10 voix pour, 1 voix contre et 3 abstentions.');
    // Point 3 had the same result as point 5 before the change: only its own is left.
    once(pv, 'Adoptée à l’unanimité des suffrages exprimés (11 voix pour et 3 abstentions)');
  }, 60_000);
});

describe('delib validate --pv', () => {
  it('warns, located, about what the law requires and the séance does not record', async () => {
    const file = join(dir, 'sans-ouverture.yaml');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('  ouverture: "20:02"\n', ''));
    const run = await runDelib(['validate', '--pv', '--reporter', 'json', file]);
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout).diagnostics.filter((d: { code: string }) => d.code === 'pv.missing');
    expect(found.map((d: { path: string; line: number }) => d.path)).toEqual([
      '/deroulement',
      '/points/1',
      '/points/2',
      '/points/5',
    ]);
    expect(found.every((d: { line: number }) => d.line > 0)).toBe(true);
  }, 60_000);
});
