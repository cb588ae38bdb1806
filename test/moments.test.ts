/**
 * One YAML, three moments: before the séance (no vote anywhere) the build makes the convocation,
 * the ordre du jour, the notes, the projets de délibération, the conventions and the dossier; the
 * same file with what happened (attendance, votes, an outcome without a vote) makes the adopted
 * acts and the liste des délibérations. Read back with pdf.js and from the DOCX XML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/bundle/manifest.ts';
import { runDelib } from './support/cli.ts';
import { readDocx, xmlText } from './support/docx.ts';
import { type ReadPdf, readPdf } from './support/pdf.ts';

const work = mkdtempSync(join(tmpdir(), 'delib-moments-'));
const AVANT = join(work, 'avant');
const APRES = join(work, 'apres');
const EPOCH = { SOURCE_DATE_EPOCH: '1742428800' };

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const pdfOf = async (dir: string, file: string) => readPdf(readFileSync(join(dir, file)));
/** A page's text, items joined as pdf.js gives them (justified words are split), spaces folded. */
const pageText = (pdf: ReadPdf, n: number) =>
  (pdf.pages[n]?.items ?? [])
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, ' ');
const allText = (pdf: ReadPdf) => pdf.pages.map((_, n) => pageText(pdf, n)).join('\n');
/** Without spaces and hyphens: a phrase is found whatever the line breaks and hyphenation. */
const squash = (text: string) => text.replace(/[\s\u00A0\u202F-]/g, '');

/** What only an adopted act states: attendance, a vote, signatures, the exécutoire block. */
const ACT_WORDS = [
  /EXTRAIT DU REGISTRE/,
  /Présents/,
  /Votants/,
  /Représentés/,
  /Adoptée/,
  /voix/,
  /abstention/,
  /Secrétaire de séance/,
  /Fait et délibéré/,
  /exécutoire/i,
  /recours/,
  /Jeanne Marchal/, // the président signs the act, not the projet
];

beforeAll(async () => {
  const avant = await runDelib(['build', 'fixtures/avant-seance.yaml', '-o', AVANT, '-q'], { env: EPOCH });
  expect(avant.stderr).toBe('');
  expect(avant.code).toBe(0);
  const apres = await runDelib(['build', 'fixtures/apres-seance.yaml', '-o', APRES, '-q'], { env: EPOCH });
  expect(apres.stderr).toBe('');
  expect(apres.code).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('before the séance (no vote anywhere)', () => {
  it('builds the convocation, ordre du jour, notes, projets, the convention and the dossier', () => {
    const files = manifestOf(AVANT)
      .documents.filter((d) => d.format === 'pdf')
      .map((d) => d.path);
    expect(files).toEqual([
      'convocation.pdf',
      'ordre-du-jour.pdf',
      'point-01-note.pdf',
      'point-01-projet.pdf',
      'point-02-note.pdf',
      'point-02-projet.pdf',
      'point-02-convention-1.pdf',
      'point-03-note.pdf',
      'point-03-projet.pdf',
      'dossier-de-seance.pdf',
    ]);
  });

  it('titles each projet « PROJET DE DÉLIBÉRATION », marks every page, and states no vote, attendance or signature', async () => {
    for (const file of ['point-01-projet.pdf', 'point-02-projet.pdf', 'point-03-projet.pdf']) {
      const pdf = await pdfOf(AVANT, file);
      expect(allText(pdf)).toContain('PROJET DE DÉLIBÉRATION');
      pdf.pages.forEach((_, n) => {
        expect(pageText(pdf, n), `${file} page ${n + 1}`).toContain('PROJET');
      });
      for (const word of ACT_WORDS) expect(allText(pdf), `${file}: ${word}`).not.toMatch(word);
    }
    // The number is printed only when given (point 1 has one, point 2 none).
    expect(allText(await pdfOf(AVANT, 'point-01-projet.pdf'))).toContain('N° 2025_03_01');
    expect(allText(await pdfOf(AVANT, 'point-02-projet.pdf'))).not.toContain('N°');
  });

  it('marks the projet in the DOCX footer too, without any act text', () => {
    const docx = readDocx(readFileSync(join(AVANT, 'point-01-projet.docx')));
    expect(docx.footers.map(xmlText).join(' ')).toContain('PROJET');
    const body = xmlText(docx.document);
    for (const word of ACT_WORDS) expect(body, String(word)).not.toMatch(word);
  });

  it('convenes the members: date, hour, place, ordre du jour, notes joined (4 820 inhabitants), recipients', async () => {
    const text = allText(await pdfOf(AVANT, 'convocation.pdf'));
    expect(squash(text)).toContain(squash('20 mars 2025 à 19 h'));
    expect(squash(text)).toContain(squash('salle du Conseil de la mairie'));
    expect(squash(text)).toContain(
      squash('Rapport annuel sur le prix et la qualité du service public de l’eau'),
    );
    expect(squash(text)).toContain(squash('note explicative de synthèse'));
    expect(squash(text)).toContain(squash('Mme Lucie Ferrand, Adjointe aux finances'));
    expect(squash(text)).toContain(squash('Jeanne Marchal'));
  });

  it('assembles the dossier: convocation, ordre du jour, then per point its note, projet and annexes', async () => {
    const pdf = await pdfOf(AVANT, 'dossier-de-seance.pdf');
    const outline = pdf.outline.map((o) => [o.title, o.items.map((i) => i.title)]);
    expect(outline[0]?.[0]).toBe('Convocation');
    expect(outline[1]?.[0]).toBe('Ordre du jour');
    expect(outline[2]?.[1]).toEqual(['Note de présentation', 'Projet de délibération']);
    expect(outline[3]?.[1]).toEqual([
      'Note de présentation',
      'Projet de délibération',
      'Annexe 1\u00A0: Convention de mise à disposition de la salle des fêtes',
    ]);
    expect(outline).toHaveLength(5);
  });
});

describe('after the séance (attendance and votes added to the same file)', () => {
  it('builds the adopted acts and the liste, no projet; a withdrawn point has no act', () => {
    const files = manifestOf(APRES)
      .documents.filter((d) => d.format === 'pdf')
      .map((d) => d.path);
    expect(files).toContain('point-01-deliberation.pdf');
    expect(files).toContain('point-03-deliberation.pdf');
    expect(files).toContain('liste-des-deliberations.pdf');
    expect(files).not.toContain('point-02-deliberation.pdf');
    expect(files.filter((f) => f.includes('projet'))).toEqual([]);
  });

  it('writes the act as an extrait du registre with the attendance, the vote and the signatures', async () => {
    const text = allText(await pdfOf(APRES, 'point-01-deliberation.pdf'));
    expect(squash(text)).toContain(squash('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS'));
    expect(squash(text)).toContain(squash('Votants : 6'));
    expect(squash(text)).toContain(squash('Adoptée par 5 voix pour'));
    expect(squash(text)).toContain(squash('Secrétaire de séance : Claire Moreau'));
    expect(text).not.toContain('PROJET');
  });

  it('writes « prend acte » without a vote, and the liste gives each outcome its own words', async () => {
    const acte = allText(await pdfOf(APRES, 'point-03-deliberation.pdf'));
    expect(squash(acte)).toContain(squash('PREND ACTE'));
    expect(acte).not.toMatch(/Adoptée|voix|abstention/);
    const liste = allText(await pdfOf(APRES, 'liste-des-deliberations.pdf'));
    expect(squash(liste)).toContain(squash('Adoptée (5 pour, 1 contre)'));
    expect(squash(liste)).toContain(squash('Retiré de l’ordre du jour'));
    expect(squash(liste)).toContain(squash('Prend acte'));
  });
});

describe('statut: adopte', () => {
  it('says, located, what an adopted act lacks — and only when the clerk asks for one', async () => {
    const text = readFileSync('fixtures/avant-seance.yaml', 'utf8').replace(
      '    rapporteur: lferrand\n',
      '    rapporteur: lferrand\n    statut: adopte\n',
    );
    const file = join(work, 'adopte.yaml');
    writeFileSync(file, text);
    const result = await runDelib(['validate', file, '--reporter', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      diagnostics: { code: string; line: number; message: string }[];
    };
    const found = report.diagnostics.map((d) => [d.code, d.line]);
    // Placed on the délibération of point 1 (its first line, under « deliberation: »).
    const line = text.split('\n').indexOf('    deliberation:') + 2;
    expect(found).toEqual([
      ['rule.act-incomplete', line],
      ['rule.act-incomplete', line],
    ]);
    expect(report.diagnostics.map((d) => d.message).join(' ')).toMatch(/vote.*présences|présences.*vote/s);
    // Without statut, the same file is valid: a point without a vote is a projet.
    expect((await runDelib(['validate', 'fixtures/avant-seance.yaml'])).code).toBe(0);
  });
});
