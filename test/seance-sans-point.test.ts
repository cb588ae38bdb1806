// A séance without any point (fixtures/structures/seance-sans-point.yaml: `points: []`, a séance
// of installation): its procès-verbal is made of its parts, without an « Ordre du jour » heading;
// its convocation announces no ordre du jour; no ordre du jour, no liste des délibérations. Read
// back from the PDF (pdf.js) and the DOCX (word/document.xml); the warning by code and position;
// `delib tree` says why the ordre du jour is missing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../src/compose/documents.ts';
import { loadAndValidate } from '../src/validate/index.ts';
import { runMain } from './support/cli.ts';
import { bothTexts, documentOf, placesInOrder, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/seance-sans-point.yaml';
const docs = await renderFixture(FILE);

describe('points: []', () => {
  it('makes the convocation and the procès-verbal only', async () => {
    const { seance, diagnostics } = await loadAndValidate(FILE);
    if (!seance) throw new Error('invalid fixture');
    expect(listDocuments(seance).map((r) => r.id)).toEqual(['convocation', 'proces-verbal']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.line, d.column])).toEqual([
      ['rule.no-points', 'avertissement', '/points', 44, 9],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'La séance n’a aucun point : ni ordre du jour ni liste des délibérations ni documents de point ; la convocation n’annonce pas d’ordre du jour.',
    );
  });

  it('keeps an ordre du jour of its last entries when it announces questions diverses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-sans-point-'));
    try {
      const file = join(folder, 'seance.yaml');
      const text = readFileSync(FILE, 'utf8');
      writeFileSync(
        file,
        text.replace('  heure: "10:00"\n', '  heure: "10:00"\n  questions_diverses: true\n'),
      );
      const { seance, diagnostics } = await loadAndValidate(file);
      if (!seance) throw new Error('invalid séance');
      expect(listDocuments(seance).map((r) => r.id)).toEqual([
        'convocation',
        'ordre-du-jour',
        'proces-verbal',
      ]);
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
        [
          'rule.no-points',
          'La séance n’a aucun point : ni liste des délibérations ni documents de point ; l’ordre du jour ne donne que ses dernières entrées (affaires urgentes, questions diverses).',
        ],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('counts no entry whose formula the collectivité emptied', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-sans-point-'));
    try {
      const file = join(folder, 'seance.yaml');
      const text = readFileSync(FILE, 'utf8')
        .replace('  heure: "10:00"\n', '  heure: "10:00"\n  questions_diverses: true\n')
        .replace('  departement: "98"\n', '  departement: "98"\n  formules:\n    questions_diverses: ""\n');
      writeFileSync(file, text);
      const { seance, diagnostics } = await loadAndValidate(file);
      if (!seance) throw new Error('invalid séance');
      // The entry would print nothing: no ordre du jour made of no entry, none announced.
      expect(listDocuments(seance).map((r) => r.id)).toEqual(['convocation', 'proces-verbal']);
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
        [
          'rule.no-points',
          'La séance n’a aucun point : ni ordre du jour ni liste des délibérations ni documents de point ; la convocation n’annonce pas d’ordre du jour.',
        ],
      ]);
      const { code, stderr } = await runMain(['tree', file, '--doc', 'ordre-du-jour']);
      expect(code).toBe(2);
      expect(stderr).toContain('dont la formule s’imprime');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints the procès-verbal’s parts, without an ordre du jour', () => {
    for (const text of bothTexts(documentOf(docs, 'proces-verbal'))) {
      const places = placesInOrder(text, [
        'La séance est ouverte à 10 h 05.',
        'Installation des conseillers municipaux',
        'La doyenne d’âge déclare installés les trois conseillers élus au scrutin du 17 mai.',
        'Désignation du secrétaire de séance',
        'M. Bastien Mas, le plus jeune des conseillers, accepte de tenir le procès-verbal.',
        'La séance est levée à 10 h 40.',
      ]);
      expect(places.every((at) => at >= 0)).toBe(true);
      expect(text).not.toContain('Ordre du jour');
    }
  });

  it('convokes without announcing an ordre du jour', () => {
    for (const text of bothTexts(documentOf(docs, 'convocation'))) {
      expect(text).toContain('J’ai l’honneur de vous convoquer à la séance du Conseil municipal');
      expect(text).not.toContain('ordre du jour');
    }
  });

  it('says why there is no ordre du jour when one is asked for', async () => {
    const { code, stderr } = await runMain(['tree', FILE, '--doc', 'ordre-du-jour']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'La séance n’a pas de document « ordre-du-jour » : son ordre du jour n’a aucune entrée (« points: [] », ni « urgences » ni « questions_diverses » dont la formule s’imprime).',
    );
  });
});
