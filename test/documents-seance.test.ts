// The séance-wide documents a collectivité does not make with this file (b16, from the corpus:
// a note, a convention or a recueil transcribed alone still got a convocation and an ordre du
// jour stating a date and a president its source does not show): `seance.documents` turns off
// the convocation, the ordre du jour and the liste des délibérations; the dossier de séance gathers
// what is left (none when nothing is: a PV alone); `delib tree` says why a document is missing.
// Without the key, every document is made as before.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../src/bundle/build.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { loadAndValidate } from '../src/validate/index.ts';
import { runMain } from './support/cli.ts';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/documents-seance.yaml';
const load = async (file: string) => {
  const { seance } = await loadAndValidate(file);
  if (!seance) throw new Error(`invalid ${file}`);
  return seance;
};
const dir = mkdtempSync(join(tmpdir(), 'delib-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seance.documents', () => {
  it('leaves out the convocation, the ordre du jour and the liste', async () => {
    expect(listDocuments(await load(FILE)).map((r) => r.id)).toEqual(['point-01-convention-1']);
    // Without the key (another fixture with a convention): all of them.
    expect(listDocuments(await load('fixtures/structures/convention-coupee.yaml')).map((r) => r.id)).toEqual([
      'convocation',
      'ordre-du-jour',
      'point-01-projet',
      'point-01-convention-1',
      'point-01-convention-2',
    ]);
  });

  it('writes the convention, and the dossier that gathers it, without a convocation nor an ordre du jour', async () => {
    const seance = await load(FILE);
    await buildBundle({
      seance,
      source: { file: FILE, bytes: new Uint8Array(readFileSync(FILE)) },
      outDir: join(dir, 'out'),
      formats: ['pdf', 'docx'],
      creationDate: new Date('2025-01-01T00:00:00Z'),
    });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'dossier-de-seance.pdf',
      'manifest.json',
      'point-01-convention-1.docx',
      'point-01-convention-1.pdf',
    ]);
    const docs = await renderFixture(FILE);
    for (const text of bothTexts(documentOf(docs, 'point-01-convention-1'))) {
      expect(text).toContain('Article 1er – Objet La Commune met l’embarcadère du pré Saint-Martin');
    }
  });

  it('writes no dossier when nothing is left to gather (a séance transcribed for its PV alone)', async () => {
    const { seance } = await loadAndValidate('fixtures/structures/seance-sans-point.yaml');
    if (!seance) throw new Error('invalid fixture');
    const alone = { ...seance, seance: { ...seance.seance, documents: { convocation: false as const } } };
    await buildBundle({
      seance: alone,
      source: { file: FILE, bytes: new Uint8Array(readFileSync(FILE)) },
      outDir: join(dir, 'pv'),
      formats: ['pdf'],
      creationDate: new Date('2025-01-01T00:00:00Z'),
    });
    expect(readdirSync(join(dir, 'pv')).sort()).toEqual(['manifest.json', 'proces-verbal.pdf']);
  });

  it('says why a document left out is missing', async () => {
    const { code, stderr } = await runMain(['tree', FILE, '--doc', 'convocation']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'La séance n’a pas de document « convocation » : la séance ne la produit pas (« documents: { convocation: false } »).',
    );
  });
});
