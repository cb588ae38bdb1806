// Dates of a séance as real acts write them (r17): the session label printed instead of the date
// (`seance_du: "{session}"`), and each délibération of a séance over several days dated the day it
// was voted (`jours_suivants[].premier_point`, `heure`) everywhere the act states its date: its
// opening, its @ctes description, the open data export, the check of its transmission dates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { listDocuments } from '../src/compose/documents.ts';
import { ctesAct } from '../src/publish/ctes.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { runDelib } from './support/cli.ts';
import { documentOf, loadFixture, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/dates-seance.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /deliberation|ordre-du-jour/);
const dir = mkdtempSync(join(tmpdir(), 'delib-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPENINGS = [
  'L’an deux mille vingt-quatre, le dix-neuf novembre, à dix-huit heures trente, le Comité syndical s’est réuni, salle du syndicat, sous la présidence de Roseline Langlois, Présidente.',
  'L’an deux mille vingt-quatre, le vingt novembre, à neuf heures quinze, le Comité syndical s’est réuni, salle du syndicat, sous la présidence de Roseline Langlois, Présidente.',
  // The third day states no hour: none is written, never the first day's.
  'L’an deux mille vingt-quatre, le vingt et un novembre, le Comité syndical s’est réuni, salle du syndicat, sous la présidence de Roseline Langlois, Présidente.',
];

/** The DOCX paragraphs' texts, and the PDF's body lines. */
const paragraphs = (d: RenderedDocument): string[] => d.docx.paragraphs.map((p) => p.text);

describe('the session label instead of the date', () => {
  it('prints « Séance de novembre 2024 » where the date was, once, in the délibération (PDF and DOCX)', () => {
    for (const id of ['point-01-deliberation', 'point-02-deliberation', 'point-03-deliberation']) {
      const d = documentOf(docs, id);
      const lines = d.pdf.bodyLines();
      expect(lines.filter((l) => l === 'Séance de novembre 2024')).toHaveLength(1);
      expect(paragraphs(d).filter((p) => p === 'Séance de novembre 2024')).toHaveLength(1);
      // The label stands right under the instance, in place of « Séance du … ».
      expect(lines[lines.indexOf('COMITÉ SYNDICAL') + 1]).toBe('Séance de novembre 2024');
      for (const text of [d.pdfText, d.docxText]) expect(text).not.toMatch(/Séance (du|des) /);
    }
  });

  it('prints it once in the ordre du jour too', () => {
    const d = documentOf(docs, 'ordre-du-jour');
    expect(d.pdf.bodyLines().filter((l) => l.startsWith('Séance de novembre 2024'))).toHaveLength(1);
    expect(paragraphs(d).filter((p) => p.startsWith('Séance de novembre 2024'))).toHaveLength(1);
  });

  it('keeps the label beside the date by default', async () => {
    const file = join(dir, 'defaut.yaml');
    writeFileSync(file, SOURCE.replace('  formules:\n    seance_du: "{session}"\n', ''));
    const d = documentOf(await renderFixture(file, /point-01-deliberation/), 'point-01-deliberation');
    // pdf.js reads the no-break space between the day and its month as a space.
    const lines = d.pdf.bodyLines();
    const at = lines.indexOf('Séance de novembre 2024');
    expect(lines.slice(at, at + 2)).toEqual([
      'Séance de novembre 2024',
      'Séance des 19, 20 et 21 novembre 2024',
    ]);
    const p = paragraphs(d);
    const atDocx = p.indexOf('Séance de novembre 2024');
    expect(p.slice(atDocx, atDocx + 2)).toEqual([
      'Séance de novembre 2024',
      'Séance des 19, 20 et 21\u00A0novembre 2024',
    ]);
  });
});

describe('a délibération voted on a later day of the séance', () => {
  it('opens with its own day’s date and hour (registre), in PDF and DOCX', () => {
    OPENINGS.forEach((opening, i) => {
      const d = documentOf(docs, `point-0${i + 1}-deliberation`);
      expect(paragraphs(d)).toContain(opening);
      expect(d.pdfText).toContain(opening);
      for (const other of OPENINGS.filter((o) => o !== opening)) expect(d.pdfText).not.toContain(other);
    });
  });

  it('describes each act for @ctes with the day it was voted', async () => {
    const seance = await loadFixture(FILE);
    const dates = listDocuments(seance)
      .filter((ref) => ref.kind === 'deliberation')
      .map((ref) => [ref.point, ctesAct(seance, ref)?.date]);
    expect(dates).toEqual([
      [1, '2024-11-19'],
      [2, '2024-11-20'],
      [3, '2024-11-21'],
    ]);
  });

  it('writes the day it was voted in the open data export (DELIB_DATE)', async () => {
    const out = join(dir, 'scdl.csv');
    const result = await runDelib(['export', 'scdl', FILE, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.DELIB_ID, r.DELIB_DATE])).toEqual([
      ['SI-2024-31', '2024-11-19'],
      ['SI-2024-32', '2024-11-20'],
      ['SI-2024-33', '2024-11-21'],
    ]);
  });

  it('lists the séance’s days in the liste des délibérations', async () => {
    const d = documentOf(await renderFixture(FILE, /liste/), 'liste-des-deliberations');
    const sentence =
      'Liste des délibérations examinées par le Comité syndical lors de sa séance des 19, 20 et 21 novembre 2024, établie en application de l’article L. 2121-25 du code général des collectivités territoriales.';
    // Spaces folded: the no-break space before « novembre », the DOCX's soft hyphens.
    expect(d.pdfText).toContain(sentence);
    expect(d.docxText).toContain(sentence);
  });

  it('refuses a transmission before the day the act was voted, at its line (rule.dates)', async () => {
    const file = join(dir, 'transmission.yaml');
    const text = SOURCE.replace(
      '        prefecture: 2024-11-22\n        identifiant: 098-219990999-20241120',
      '        prefecture: 2024-11-19\n        identifiant: 098-219990999-20241120',
    );
    expect(text).not.toBe(SOURCE);
    writeFileSync(file, text);
    const { diagnostics } = await loadAndValidate(file);
    const line = text.split('\n').findIndex((l) => l.includes('prefecture: 2024-11-19')) + 1;
    expect(diagnostics.filter((d) => d.code === 'rule.dates').map((d) => [d.line, d.message])).toEqual([
      [
        line,
        'La date de transmission en préfecture (2024-11-19) précède le jour où l’acte a été voté (2024-11-20).',
      ],
    ]);
  });
});
