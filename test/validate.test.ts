// Validation: typed séance with included points, French messages with hints, business rules.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conventionAt } from '../src/compose/annexes.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { closest, loadAndValidate } from '../src/validate/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-validate-'));
const base = readFileSync('fixtures/sceaux-2023-03-23.yaml', 'utf8');

async function check(text: string): Promise<readonly Diagnostic[]> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return (await loadAndValidate(file)).diagnostics;
}

/** Line (1-based) of the first line of the fixture holding `text`, so that edits above it do not matter. */
const lineOf = (text: string): number => base.split('\n').findIndex((l) => l.includes(text)) + 1;

function swap(from: string, to: string): string {
  expect(base).toContain(from);
  return base.replace(from, to);
}

describe('loadAndValidate', () => {
  it('returns the typed séance with the included point resolved in', async () => {
    const { seance, diagnostics } = await loadAndValidate('fixtures/conseil-2024-06-27.yaml');
    expect(diagnostics).toEqual([]);
    expect(seance?.points.map((p) => p.numero)).toEqual([1, 2, 3, 4, 5]);
    expect(seance?.points[1]?.deliberation?.numero).toBe('2024_06_02');
    expect(conventionAt(seance?.points[2], 0)?.parties).toHaveLength(3);
  });

  it('suggests the closest key for a misspelt one', async () => {
    const [d, ...rest] = await check(swap('    rapporteur: Florence', '    rapporteur_: Florence'));
    expect(rest).toEqual([]);
    expect([d?.code, d?.line, d?.column, d?.hint]).toEqual([
      'schema.unknown-key',
      lineOf('    rapporteur: Florence'),
      5,
      'Vouliez-vous dire « rapporteur » ?',
    ]);
  });

  it('asks to quote a number where a text is expected, keeping its original spelling', async () => {
    const [d] = await check(swap('code: "8.4"', 'code: 8.40'));
    expect([d?.code, d?.line, d?.hint]).toEqual([
      'schema.type',
      lineOf('code: "8.4"'),
      'Mettez la valeur entre guillemets : "8.40".',
    ]);
  });

  it('lists allowed values and suggests one', async () => {
    const [d] = await check(swap('nature: commune', 'nature: Comune'));
    expect(d?.code).toBe('schema.enum');
    expect(d?.message).toContain('commune, departement, region');
    expect(d?.hint).toBe('Vouliez-vous dire « commune » ?');
  });

  it('reports the missing field of a detailed vote, not the unanimity branch', async () => {
    const diagnostics = await check(swap('unanimite: true', 'pour: 31'));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['schema.required', expect.stringContaining('« contre »')],
      ['schema.required', expect.stringContaining('« abstentions »')],
    ]);
  });

  it('checks vote arithmetic against the presences (29 + 2 = 31 votants)', async () => {
    const ok = await check(swap('unanimite: true', 'pour: 25\n        contre: 4\n        abstentions: 2'));
    expect(ok).toEqual([]);
    const bad = await check(swap('unanimite: true', 'pour: 25\n        contre: 4\n        abstentions: 1'));
    expect(bad.map((d) => [d.code, d.line])).toEqual([['rule.vote-sum', lineOf('unanimite: true')]]);
  });

  it('reports every problem at once, in file order', async () => {
    const text = swap('nature: commune', 'nature: ville')
      .replace('absents: 2', 'absents: 3')
      .replace('fait_a: Sceaux', 'fait_a: 12');
    const diagnostics = await check(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.enum', 'rule.attendance-sum', 'schema.type']);
    const lines = diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('runs the rules of a section that passed the schema even when another did not', async () => {
    const text = swap('nature: commune', 'nature: ville').replace('absents: 2', 'absents: 3');
    expect((await check(text)).map((d) => d.code)).toEqual(['schema.enum', 'rule.attendance-sum']);
  });

  it('accepts a quorum failure on a second convocation only', async () => {
    const low = swap('presents: 29', 'presents: 10').replace('absents: 2', 'absents: 21');
    expect((await check(low)).map((d) => d.code)).toEqual(['rule.quorum']);
    const second = low.replace(
      '  membres_en_exercice: 33',
      '  seconde_convocation: true\n  membres_en_exercice: 33',
    );
    expect(await check(second)).toEqual([]);
  });

  it('refuses a mandant who is also present, by name', async () => {
    const text = swap('presents: 29', 'presents: [Claire Vigneron, Florence Presson]').replace(
      'absents: 2',
      'absents: 29',
    );
    const codes = (await check(text)).map((d) => d.code);
    expect(codes).toContain('rule.proxy');
  });

  it('warns (without failing) about a visa that repeats « Vu »', async () => {
    const { seance, diagnostics } = await loadAndValidate(
      (() => {
        const file = join(dir, 'vu.yaml');
        writeFileSync(file, swap('        - le Code général', '        - Vu le Code général'));
        return file;
      })(),
    );
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['rule.text', 'avertissement']]);
    expect(seance).toBeDefined();
  });
});

describe('closest', () => {
  it('finds typos and ignores unrelated words', () => {
    expect(closest('raporteur', ['objet', 'rapporteur'])).toBe('rapporteur');
    expect(closest('considérants', ['visas', 'considerants'])).toBe('considerants');
    expect(closest('zzz', ['objet', 'rapporteur'])).toBeUndefined();
  });
});
