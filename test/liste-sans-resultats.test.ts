import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDocuments } from '../src/compose/documents.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { type RenderedDocument, renderFixture } from './support/rendered.ts';

// A liste des délibérations whose YAML states no result (a recueil's sommaire): each point
// `statut: examine`, listed with its number, nothing said of a vote the file does not give.
const FILE = 'fixtures/structures/liste-sans-resultats.yaml';
const dir = mkdtempSync(join(tmpdir(), 'delib-liste-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variant = (name: string, edit: (text: string) => string): string => {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(FILE, 'utf8')));
  return file;
};
const liste = async (file: string): Promise<RenderedDocument> => {
  const d = (await renderFixture(file, /liste-des-deliberations/)).get('liste-des-deliberations');
  if (!d) throw new Error('no liste');
  return d;
};
// pdf.js reads a no-break space (« 14 mars ») as a space: both compared with plain spaces.
const paragraphs = (d: RenderedDocument) => d.docx.paragraphs.map((p) => p.text.replace(/\u00A0/g, ' '));

describe('a liste of délibérations without their results', () => {
  it('lists every point examined, by its number, without a result column', async () => {
    const d = await liste(FILE);
    for (const text of [
      '2025-07',
      'Rapport sur le prix et la qualité du service de l’eau 2024',
      '2025-08',
      'Travaux de renouvellement de la conduite de la rue des Tanneurs',
      '2025-09',
      'Tarifs de l’abonnement au service de l’eau pour 2025',
      'DÉLIBÉRATIONS DE LA SÉANCE DU VENDREDI 14 MARS 2025',
    ]) {
      expect(paragraphs(d)).toContain(text);
      expect(d.pdfText).toContain(text);
    }
    for (const word of ['Résultat', 'Adopt', 'unanimité']) {
      expect(d.docxText).not.toContain(word);
      expect(d.pdfText).not.toContain(word);
    }
  });

  it('builds no extrait for a point examined without its vote', async () => {
    const { seance } = await loadAndValidate(FILE);
    if (!seance) throw new Error('invalid fixture');
    const ids = listDocuments(seance).map((r) => r.id);
    expect(ids).toContain('liste-des-deliberations');
    expect(ids.filter((id) => id.endsWith('-deliberation'))).toEqual([]);
  });

  it('keeps the result column when one point states its vote, the examined ones empty', async () => {
    const file = variant('mixte.yaml', (t) =>
      t.replace(
        '    statut: examine\n    deliberation:\n      numero: 2025-08\n      articles:\n        - Approuve le programme de renouvellement de la conduite de la rue des Tanneurs.\n',
        '    deliberation:\n      numero: 2025-08\n      articles:\n        - Approuve le programme de renouvellement de la conduite de la rue des Tanneurs.\n      vote: { unanimite: true }\n',
      ),
    );
    const d = await liste(file);
    expect(paragraphs(d)).toContain('Résultat');
    expect(paragraphs(d)).toContain('Adoptée à l’unanimité');
    expect(paragraphs(d)).toContain('2025-07');
    expect(d.pdfText).toContain('Adoptée à l’unanimité');
  });

  it('refuses a vote under a point examined without result, at its line', async () => {
    const text = readFileSync(FILE, 'utf8').replace(
      '        - Approuve le programme de renouvellement de la conduite de la rue des Tanneurs.\n',
      '        - Approuve le programme de renouvellement de la conduite de la rue des Tanneurs.\n      vote: { unanimite: true }\n',
    );
    const file = variant('vote.yaml', () => text);
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('vote: { unanimite')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.statut', line]]);
  });
});
