// `collectivite.departement` checked against the header's numbered départements (r18): a warning
// (rule.departement) at `departement` when none of `departements[].numero` is it; nothing when one is.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { fixtureVariant } from './support/variant.ts';

const FILE = 'fixtures/structures/en-tete.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-departements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync('fixtures/structures/en-tete-logo.png', join(dir, 'en-tete-logo.png'));

describe('rule.departement', () => {
  it('says nothing when a département of the header is the préfecture’s', async () => {
    const { diagnostics } = await loadAndValidate(FILE);
    expect(diagnostics.filter((d) => d.code === 'rule.departement')).toEqual([]);
  });

  it('warns at « departement » when none is', async () => {
    const file = fixtureVariant(dir, SOURCE, 'autre', (t) =>
      t.replace('departement: "98"', 'departement: "97"'),
    );
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.line, d.column])).toEqual([
      ['rule.departement', 'avertissement', '/collectivite/departement', 13, 16],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Le département « 97 » n’est aucun des départements de l’en-tête (98, 99).',
    );
  });
});
