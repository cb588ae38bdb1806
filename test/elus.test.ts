// Élus declared once under `elus` and referred to by key: names printed, unknown keys located.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { templateEnv } from '../src/template/env.ts';
import { treeText } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-elus-'));
cpSync('fixtures/points', join(dir, 'points'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = readFileSync('fixtures/conseil-2024-06-27.yaml', 'utf8');

const ELUS = `elus:
  - { cle: hmarchand, nom: Hélène Marchand-Lœuillet, civilite: Mme, qualite: Maire }
  - { cle: nduval, nom: Noé Duval, civilite: M. }
  - { cle: plefevre, nom: Paul Lefèvre, civilite: M. }
  - { cle: ibenali, nom: Inès Benali, civilite: Mme }
  - { cle: fdarcy, nom: François d’Arcy, civilite: M., groupe: Val-Fleuri ensemble }

seance:
`;

function keyed(text: string): string {
  const swaps: [string, string][] = [
    ['\nseance:\n', `\n${ELUS}`],
    ['  secretaire: Noé Duval', '  secretaire: nduval'],
    [
      '      - mandant: Paul Lefèvre\n        mandataire: Hélène Marchand-Lœuillet\n      - mandant: Inès Benali\n        mandataire: Noé Duval\n      - mandant: Jérôme',
      '      - mandant: plefevre\n        mandataire: hmarchand\n      - mandant: ibenali\n        mandataire: Noé Duval\n      - mandant: Jérôme',
    ],
    ['    rapporteur: François d’Arcy', '    rapporteur: fdarcy'],
  ];
  let out = text;
  for (const [from, to] of swaps) {
    expect(out).toContain(from);
    out = out.replace(from, to);
  }
  return out;
}

async function load(text: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return loadAndValidate(file);
}

describe('elus referred to by key', () => {
  it('prints the names of keyed members, mixed with names written in full', async () => {
    {
      const { seance, diagnostics } = await load(keyed(base));
      expect(diagnostics).toEqual([]);
      if (!seance) throw new Error('invalid');
      const env = templateEnv();
      const ref = listDocuments(seance).find((r) => r.id === 'point-01-deliberation');
      if (!ref) throw new Error('no délibération');
      const text = treeText(composeDocument(seance, ref, { env, hyphenate: false })).replace(
        /[\u00a0\u202f]/g,
        ' ',
      );
      expect(text).toContain('Paul Lefèvre à Hélène Marchand-Lœuillet, Inès Benali à Noé Duval');
      expect(text).toContain('Rapporteur : François d’Arcy');
      expect(text).toContain('Secrétaire de séance : Noé Duval');
      expect(text).not.toMatch(/\b(nduval|plefevre|hmarchand|fdarcy)\b/);
    }
  });

  it('still checks proxies across keys and names (a key and its name are one person)', async () => {
    const text = keyed(base).replace('        mandataire: hmarchand', '        mandataire: plefevre');
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['rule.proxy', 'Paul Lefèvre ne peut pas se donner pouvoir à lui-même.'],
    ]);
  });

  it('locates an unknown key and suggests the closest declared one', async () => {
    const text = keyed(base).replace('  secretaire: nduval', '  secretaire: ndval');
    const { seance, diagnostics } = await load(text);
    expect(seance).toBeUndefined();
    const d = diagnostics.find((x) => x.code === 'rule.member-key');
    const line = text.split('\n').indexOf('  secretaire: ndval') + 1;
    expect([d?.severity, d?.line, d?.column, d?.path]).toEqual(['erreur', line, 15, '/seance/secretaire']);
    expect(d?.message).toBe('Aucun élu n’a la clé « ndval » : vouliez-vous dire « nduval » ?');
  });

  it('reports a key used when no élu is declared, and a key declared twice', async () => {
    const noElus = base.replace('  secretaire: Noé Duval', '  secretaire: nduval');
    const first = await load(noElus);
    expect(first.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['rule.member-key', '/seance/secretaire'],
    ]);
    expect(first.diagnostics[0]?.hint).toContain('Déclarez les élus sous « elus »');
    const twice = keyed(base).replace('  - { cle: plefevre, nom: Paul', '  - { cle: nduval, nom: Paul');
    const second = await load(twice);
    expect(second.diagnostics.map((d) => [d.code, d.path])).toContainEqual([
      'rule.duplicate-member',
      '/elus/2/cle',
    ]);
  });

  it('rejects a key or a civility outside the published pattern', async () => {
    const bad = keyed(base)
      .replace('cle: nduval', 'cle: Noé')
      .replace('civilite: Mme, qualite: Maire', 'civilite: Docteur, qualite: Maire');
    const { diagnostics } = await load(bad);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual(
      expect.arrayContaining([
        ['schema.pattern', '/elus/1/cle'],
        ['schema.enum', '/elus/0/civilite'],
      ]),
    );
  });
});
