import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/bundle/manifest.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { matiereNom } from '../src/publish/matieres.ts';
import { SCDL_COLUMNS, SCDL_RULES } from '../src/publish/scdl.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { templateEnv } from '../src/template/env.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { ROOT, runDelib } from './support/cli.ts';
import { docxText, readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';

const delib = (args: readonly string[]) => runDelib(args);

const FIXTURES = ['fixtures/sceaux-2023-03-23.yaml', 'fixtures/conseil-2024-06-27.yaml'];

/** A copy of the Sceaux séance with `edit` applied to its text, and the line where `marker` is. */
function editedSceaux(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'delib-publish-'));
  const file = join(dir, 'seance.yaml');
  writeFileSync(file, edit(readFileSync(join(ROOT, FIXTURES[0]!), 'utf8')));
  return file;
}

const lineOf = (file: string, needle: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('delib export scdl', () => {
  it('writes one row per délibération of both fixtures, in date order, matching every column rule', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'delib-scdl-')), 'deliberations.csv');
    // Given in reverse date order: the export sorts séances by date.
    const result = await delib(['export', 'scdl', FIXTURES[1]!, FIXTURES[0]!, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('"COLL_NOM","COLL_SIRET"')).toBe(true);
    const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const expected = [];
    for (const file of FIXTURES) {
      const { seance } = await loadAndValidate(file);
      for (const p of seance?.points ?? []) if (p.deliberation) expected.push(p.deliberation.numero);
    }
    expect(records.map((r) => r.DELIB_ID)).toEqual(expected);
    const header = Object.keys(records[0] ?? {});
    expect(header).toEqual([...SCDL_COLUMNS]);
    for (const record of records) {
      for (const column of SCDL_COLUMNS) {
        const value = record[column] ?? '';
        const rule = SCDL_RULES[column];
        if (rule.required) expect(value, `${record.DELIB_ID} ${column}`).not.toBe('');
        if (value !== '' && rule.pattern) expect(value, `${record.DELIB_ID} ${column}`).toMatch(rule.pattern);
      }
      const total = Number(record.VOTE_POUR) + Number(record.VOTE_CONTRE) + Number(record.VOTE_ABSTENTION);
      expect(total).toBeLessThanOrEqual(Number(record.VOTE_REEL));
    }
    expect(records[0]).toMatchObject({
      COLL_NOM: 'Ville de Sceaux',
      DELIB_DATE: '2023-03-23',
      DELIB_MATIERE_CODE: '8.4',
      VOTE_EFFECTIF: '33',
      VOTE_REEL: '31',
      VOTE_POUR: '31',
    });
  });

  it('says which field to add, at its line, when the SIRET or a matière is missing; writes nothing', async () => {
    const file = editedSceaux((t) =>
      t.replace(/^ {2}siret: .*\n/m, '').replace(/^ {4}matiere:\n( {6}.*\n)+/m, ''),
    );
    const out = join(mkdtempSync(join(tmpdir(), 'delib-scdl-')), 'x.csv');
    const result = await delib(['export', 'scdl', file, '-o', out, '--reporter', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stderr) as {
      diagnostics: { code: string; line: number; hint: string }[];
    };
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['scdl.missing', lineOf(file, 'nom: Ville de Sceaux')],
      ['scdl.missing', lineOf(file, '- numero: 1')],
    ]);
    expect(report.diagnostics[0]?.hint).toContain('siret');
    expect(report.diagnostics[1]?.hint).toContain('matiere');
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the matières of the classification', () => {
    expect(matiereNom('7.5')).toBe('Finances locales/Subventions');
    expect(matiereNom('8.4')).toBe('Domaines de compétences par thèmes/Aménagement du territoire');
    expect(matiereNom('7.10')).toBe('Finances locales/Divers');
    expect(matiereNom('9.9')).toBeUndefined();
  });
});

describe('@ctes readiness', () => {
  it('accepts both fixtures', async () => {
    const result = await delib(['validate', '--ctes', ...FIXTURES]);
    expect(result.code, result.stdout).toBe(0);
  });

  it('rejects an objet with a line break, a missing matière and a missing SIRET, at their lines', async () => {
    const file = editedSceaux((t) =>
      t
        .replace(/^ {4}objet: >-\n/m, '    objet: "Signature\\nd\'une convention"\n    ancien_objet: >-\n')
        .replace(/^ {4}ancien_objet: >-\n( {6}.*\n)+/m, '')
        .replace(/^ {2}siret: .*\n/m, '')
        .replace(/^ {4}matiere:\n( {6}.*\n)+/m, ''),
    );
    const result = await delib(['validate', '--ctes', '--reporter', 'json', file]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; line: number }[] };
    const found = report.diagnostics.map((d) => [d.code, d.line]);
    expect(found).toContainEqual(['schema.pattern', lineOf(file, 'objet: "Signature')]);
    // Without --ctes, SIRET and matière are optional.
    const plain = await delib([
      'validate',
      '--reporter',
      'json',
      editedSceaux((t) => t.replace(/^ {2}siret: .*\n/m, '')),
    ]);
    expect(plain.code, plain.stdout).toBe(0);
    const ctes = await delib([
      'validate',
      '--ctes',
      '--reporter',
      'json',
      editedSceaux((t) => t.replace(/^ {2}siret: .*\n/m, '').replace(/^ {4}matiere:\n( {6}.*\n)+/m, '')),
    ]);
    const codes = (JSON.parse(ctes.stdout) as { diagnostics: { code: string }[] }).diagnostics.map(
      (d) => d.code,
    );
    expect(codes).toEqual(['ctes.siret', 'ctes.matiere']);
  });

  it('describes each act in the manifest with build --ctes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'delib-ctes-')), 'bundle');
    const result = await delib(['build', '--ctes', FIXTURES[1]!, '-o', out, '-q', '-f', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const acts = manifest.documents.filter((d) => d.ctes);
    expect(acts.map((d) => [d.kind, d.ctes?.nature])).toEqual([
      ['deliberation', 1],
      ['deliberation', 1],
      ['deliberation', 1],
      ['convention', 4],
      ['deliberation', 1],
    ]);
    for (const act of acts) {
      expect(act.ctes?.numero).toMatch(/^[A-Z0-9_]{1,15}$/);
      expect(act.ctes?.matiere).toMatch(/^\d\.\d{1,2}$/);
      expect(act.ctes?.objet.length).toBeLessThanOrEqual(499);
      expect(act.format).toBe('pdf');
    }
  });
});

describe('liste des délibérations', () => {
  it('lists every délibération with its number and result, in PDF and DOCX', async () => {
    const { seance } = await loadAndValidate(FIXTURES[1]!);
    if (!seance) throw new Error('invalid fixture');
    const ref = listDocuments(seance).find((d) => d.kind === 'liste-des-deliberations');
    if (!ref) throw new Error('no liste');
    const tree = composeDocument(seance, ref, { env: templateEnv() });
    const creationDate = new Date('2024-06-27T00:00:00Z');
    const pdf = await readPdf((await renderPdf(tree, { creationDate })).bytes);
    const pdfText = foldSpaces(pdf.bodyLines().join(' ').replace(/-\s+/g, '-'));
    const docx = foldSpaces(docxText(readDocx(await renderDocx(tree, { creationDate }))));
    const text = foldSpaces(treeText(tree));
    for (const point of seance.points) {
      if (!point.deliberation) continue;
      expect(text).toContain(point.deliberation.numero);
      expect(docx).toContain(point.deliberation.numero);
      expect(pdfText.replaceAll(' ', '')).toContain(point.deliberation.numero);
    }
    expect(text).toContain('Adoptée (21 pour, 4 contre, 2 abstentions)');
    expect(text).toContain('Adoptée à l’unanimité');
    expect(docx).toContain('Adoptée (21 pour, 4 contre, 2 abstentions)');
    expect(tree.meta.kind).toBe('liste-des-deliberations');
  });

  it('is in the bundle with its kind, and not in the dossier', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'delib-liste-')), 'bundle');
    const result = await delib(['build', FIXTURES[0]!, '-o', out, '-q']);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const liste = manifest.documents.filter((d) => d.kind === 'liste-des-deliberations');
    expect(liste.map((d) => d.format)).toEqual(['pdf', 'docx']);
    expect(liste[0]?.point).toBeNull();
  });
});
