// The dossier de séance is assembled while the documents are rendered (src/bundle/build.ts): a
// dossier that fails stops the build, and a rendering that fails stops the dossier; either way the
// previous bundle stays as it was and nothing is left beside it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnnexFile } from '../src/annex/inspect.ts';
import { buildBundle } from '../src/bundle/build.ts';
import { loadForRendering } from '../src/cli/options.ts';
import type { Seance } from '../src/schema/seance.ts';
import { ROOT } from './support/cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'delib-dossier-overlap-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const loaded = await loadForRendering(join(ROOT, 'fixtures/conseil-2024-06-27.yaml'), ROOT);
const base = {
  source: { file: 'conseil-2024-06-27.yaml', bytes: loaded.bytes },
  formats: ['pdf', 'docx'] as const,
  creationDate: new Date(0),
  assets: loaded.assets,
  force: true,
  // Two threads even for this small séance: the dossier runs beside a worker.
  jobs: 2,
  parallelFrom: 1,
};

/** The séance with a file annexed to its first point, read from `annexes` by that path. */
function withAnnex(seance: Seance): Seance {
  const [first, ...rest] = seance.points;
  if (!first) throw new Error('la séance de test a des points');
  return {
    ...seance,
    points: [
      { ...first, annexes: [...(first.annexes ?? []), { fichier: 'plan.pdf', titre: 'Plan' }] },
      ...rest,
    ],
  } as Seance;
}

const leftovers = () => readdirSync(folder).filter((name) => name.startsWith('.'));

describe('the dossier assembled during the rendering', () => {
  const outDir = join(folder, 'bundle');
  let previous: Buffer;

  it('builds the same bundle as the parts it gathers', async () => {
    const result = await buildBundle({ ...base, seance: loaded.seance, outDir });
    const dossier = result.manifest.documents.find((d) => d.kind === 'dossier');
    const parts = result.manifest.documents.filter(
      (d) =>
        d.format === 'pdf' &&
        ['convocation', 'ordre-du-jour', 'note', 'projet', 'convention'].includes(d.kind),
    );
    expect(dossier?.pages).toBe(parts.reduce((sum, d) => sum + (d.pages ?? 0), 0));
    previous = readFileSync(join(outDir, 'manifest.json'));
  });

  it('stops the build when the dossier fails: the previous bundle stays, nothing is left', async () => {
    const broken: AnnexFile = {
      bytes: new TextEncoder().encode('%PDF-1.7\nceci n’est pas un PDF'),
      format: 'pdf',
      pages: 1,
      pdfa: false,
      signed: false,
    };
    await expect(
      buildBundle({
        ...base,
        seance: withAnnex(loaded.seance),
        outDir,
        annexes: new Map([['plan.pdf', broken]]),
      }),
    ).rejects.toBeInstanceOf(Error);
    expect(readFileSync(join(outDir, 'manifest.json')).equals(previous)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('stops the dossier when a document fails: the previous bundle stays, nothing is left', async () => {
    const templates = join(folder, 'modeles');
    await import('node:fs/promises').then(async ({ mkdir, writeFile }) => {
      await mkdir(templates, { recursive: true });
      // A liste des délibérations whose Markdown is refused when it is rendered (not when loaded).
      await writeFile(join(templates, 'liste-des-deliberations.hbs'), ':::inconnu\nListe\n:::\n');
    });
    await expect(
      buildBundle({ ...base, seance: loaded.seance, outDir, templatesDir: templates }),
    ).rejects.toThrow(/Directive inconnue « :::inconnu »/);
    expect(readFileSync(join(outDir, 'manifest.json')).equals(previous)).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
