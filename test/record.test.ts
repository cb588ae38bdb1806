// The séance record (`deroulement`): per-point attendance from arrivals and departures, named
// votes counted from their names, withdrawn points without an act, and the rules that guard them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import type { Seance } from '../src/schema/seance.ts';
import { templateEnv } from '../src/template/env.ts';
import { treeText } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/index.ts';

const FIXTURE = 'fixtures/valmorin-2024-09-26.yaml';
const base = readFileSync(FIXTURE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = templateEnv();

async function load(text: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return loadAndValidate(file);
}

function swap(from: string, to: string): string {
  expect(base).toContain(from);
  return base.replace(from, to);
}

function text(seance: Seance, id: string): string {
  const ref = listDocuments(seance).find((r) => r.id === id);
  if (!ref) throw new Error(`no ${id}`);
  return treeText(composeDocument(seance, ref, { env, hyphenate: false })).replace(/[\u00a0\u202f]/g, ' ');
}

describe('the séance record', () => {
  it('gives each délibération the attendance after the arrivals and departures before it', async () => {
    const { seance, diagnostics } = await load(base);
    expect(diagnostics).toEqual([]);
    if (!seance) throw new Error('invalid');
    const counts = (id: string) => text(seance, id).match(/Membres en exercice : .*/)?.[0];
    expect(counts('point-01-deliberation')).toBe(
      'Membres en exercice : 15 – Présents : 12 – Représentés : 2 – Absents : 1 – Votants : 14',
    );
    // Nicolas Perrot arrives before point 2.
    expect(counts('point-02-deliberation')).toBe(
      'Membres en exercice : 15 – Présents : 13 – Représentés : 2 – Absents : 0 – Votants : 15',
    );
    // Fabien Brun leaves before point 5.
    expect(counts('point-05-deliberation')).toBe(
      'Membres en exercice : 15 – Présents : 12 – Représentés : 2 – Absents : 1 – Votants : 14',
    );
    expect(text(seance, 'point-05-deliberation')).toContain('Absents : Fabien Brun.');
  });

  it('counts a public ballot from its names', async () => {
    const { seance } = await load(base);
    if (!seance) throw new Error('invalid');
    expect(text(seance, 'point-03-deliberation')).toContain(
      'Adoptée à l’unanimité des suffrages exprimés (11 voix pour et 3 abstentions). 1 membre ne prend pas part au vote.',
    );
  });

  it('makes no act for a withdrawn point and leaves it out of the liste', async () => {
    const withAct = swap(
      '    deroulement:\n      motif_retrait',
      '    deliberation:\n      numero: "2024_09_04"\n      visas: []\n      considerants: []\n      articles: [Cède la parcelle.]\n    deroulement:\n      motif_retrait',
    );
    const { seance, diagnostics } = await load(withAct);
    expect(diagnostics).toEqual([]);
    if (!seance) throw new Error('invalid');
    const ids = listDocuments(seance).map((r) => r.id);
    expect(ids).toContain('point-04-note');
    expect(ids).not.toContain('point-04-deliberation');
    expect(text(seance, 'liste-des-deliberations')).not.toContain('2024_09_04');
  });

  it('reads the former « deroulement: { retire: true } » as « statut: retire », with a located warning', async () => {
    const former = swap('    statut: retire\n', '').replace(
      '    deroulement:\n      motif_retrait',
      '    deroulement:\n      retire: true\n      motif_retrait',
    );
    const now = await load(base);
    const then = await load(former);
    if (!now.seance || !then.seance) throw new Error('invalid');
    expect(then.diagnostics.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      [
        'rule.deprecated',
        'avertissement',
        '/points/3/deroulement/retire',
        former.split('\n').indexOf('      retire: true') + 1,
      ],
    ]);
    expect(text(then.seance, 'proces-verbal')).toBe(text(now.seance, 'proces-verbal'));
    expect(text(then.seance, 'liste-des-deliberations')).toBe(text(now.seance, 'liste-des-deliberations'));
    const both = await load(
      former.replace(
        '    rapporteur: amorel\n    matiere: { code: "3.2"',
        '    rapporteur: amorel\n    statut: adopte\n    matiere: { code: "3.2"',
      ),
    );
    expect(both.diagnostics.find((d) => d.code === 'rule.statut')?.path).toBe('/points/3/statut');
  });

  it('reports arrivals, departures and named votes that contradict the attendance, located', async () => {
    const cases: [string, string, string, string][] = [
      [
        '{ elu: nperrot, heure: "20:55" }',
        '{ elu: bfaure, heure: "20:55" }',
        '/points/1/deroulement/arrivees/0/elu',
        'Bastien Faure arrive avant le point 2, mais était déjà présent.',
      ],
      [
        '{ elu: fbrun, heure: "21:32" }',
        '{ elu: gpicard, heure: "21:32" }',
        '/points/4/deroulement/departs/0/elu',
        'Gisèle Picard quitte la séance avant le point 5, mais n’était pas présente.',
      ],
      [
        'ne_prend_pas_part: [oduval]',
        'ne_prend_pas_part: [kbenard]',
        '/points/2/deliberation/vote/ne_prend_pas_part/0',
        'Karine Bénard est nommée deux fois dans ce vote.',
      ],
    ];
    for (const [from, to, path, message] of cases) {
      const { diagnostics } = await load(swap(from, to));
      const d = diagnostics.find((x) => x.code === 'rule.record');
      expect([d?.path, d?.message]).toEqual([path, message]);
      expect(d?.line).toBeGreaterThan(0);
    }
    const secret = await load(swap('        scrutin: public\n', '        scrutin: secret\n'));
    expect(secret.diagnostics.filter((d) => d.code === 'rule.record')).toHaveLength(15);
  });

  it('checks the keys written in the record', async () => {
    const { diagnostics } = await load(swap('        - elu: lfontaine\n', '        - elu: lfontain\n'));
    const d = diagnostics.find((x) => x.code === 'rule.member-key');
    expect(d?.path).toBe('/points/4/deroulement/interventions/0/elu');
    expect(d?.message).toBe('Aucun élu n’a la clé « lfontain » : vouliez-vous dire « lfontaine » ?');
  });

  it('checks a ballot request against the quarter (public) or the third (secret) of the members present', async () => {
    const codes = async (text: string) =>
      (await load(text)).diagnostics
        .filter((d) => d.code === 'rule.ballot-request')
        .map((d) => [d.severity, d.path, d.message]);
    // 13 members present at point 3: a quarter is 4 (asked by 4), a third is 5.
    expect(await codes(base)).toEqual([]);
    const par = '          par: [jroussel, kbenard, lfontaine, nperrot]\n';
    expect(await codes(swap(par, '          par: [jroussel, kbenard, gpicard]\n'))).toEqual([
      [
        'avertissement',
        '/points/2/deroulement/demandes_scrutin/0/par',
        'Point 3 : le scrutin public est demandé par 2 membres présents ; il faut le quart des 13 membres présents, soit 4 (CGCT L. 2121-21).',
      ],
      [
        'erreur',
        '/points/2/deroulement/demandes_scrutin/0/par/2',
        'Gisèle Picard demande un scrutin public au point 3, mais n’est pas présente.',
      ],
    ]);
    const secret = swap(
      '        - scrutin: public\n          groupe',
      '        - scrutin: secret\n          groupe',
    );
    expect((await codes(secret)).map((d) => d[2])).toEqual([
      'Point 3 : le scrutin secret est demandé par 4 membres présents ; il faut le tiers des 13 membres présents, soit 5 (CGCT L. 2121-21).',
    ]);
  });

  it('checks a ballot request against the collectivité’s own shares (« seuils_scrutin »)', async () => {
    const codes = async (text: string) =>
      (await load(text)).diagnostics.filter((d) => d.code === 'rule.ballot-request').map((d) => d.message);
    const own = (shares: string) => swap('collectivite:\n', `collectivite:\n  seuils_scrutin: ${shares}\n`);
    // 13 present: a sixth is 3, asked by 4 (no warning); a third asked by 4 falls short of 5.
    expect(await codes(own('{ public: 6 }'))).toEqual([]);
    expect(await codes(own('{ public: 3 }'))).toEqual([
      'Point 3 : le scrutin public est demandé par 4 membres présents ; il faut le tiers des 13 membres présents, soit 5 (« seuils_scrutin »).',
    ]);
    expect(await codes(own('{ public: 2 }'))).toEqual([
      'Point 3 : le scrutin public est demandé par 4 membres présents ; il faut la moitié des 13 membres présents, soit 7 (« seuils_scrutin »).',
    ]);
    // A share only for the public ballot leaves the secret one at the law's third.
    const secret = swap(
      '        - scrutin: public\n          groupe',
      '        - scrutin: secret\n          groupe',
    ).replace('collectivite:\n', 'collectivite:\n  seuils_scrutin: { public: 6 }\n');
    expect(await codes(secret)).toEqual([
      'Point 3 : le scrutin secret est demandé par 4 membres présents ; il faut le tiers des 13 membres présents, soit 5 (CGCT L. 2121-21).',
    ]);
  });

  it('places a séance incident after the point it followed, and checks that point exists', async () => {
    const { seance } = await load(base);
    if (!seance) throw new Error('invalid');
    const pv = text(seance, 'proces-verbal');
    const at = pv.indexOf('À 21 h 40 : Une coupure de courant');
    expect(at).toBeGreaterThan(pv.indexOf('Délibération n° 2024_09_05 –'));
    expect(at).toBeLessThan(pv.indexOf('Point n° 6 –'));
    const { diagnostics } = await load(swap('      apres_point: 5\n', '      apres_point: 9\n'));
    const d = diagnostics.find((x) => x.code === 'rule.record');
    expect([d?.path, d?.message]).toEqual([
      '/deroulement/incidents/0/apres_point',
      'Aucun point ne porte le numéro 9.',
    ]);
    expect(d?.line).toBeGreaterThan(0);
  });
});
