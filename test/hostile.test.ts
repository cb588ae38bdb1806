// The hostile corpus (test/hostile/cases.ts) through the real CLI: each broken séance folder gives
// exactly its diagnostics, in French, placed, without a stack trace, within time and memory
// bounds (30 s of CPU, 1 GB: LIMITS in test/hostile/run.ts), and writes nothing; each acceptable one validates and builds a complete bundle.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/bundle/manifest.ts';
import { foldSpaces } from '../src/tree/text.ts';
import { HOSTILE_CASES, type HostileCase } from './hostile/cases.ts';
import { cli, inputBytes, LIMITS, listing, prepare, reported, STACK_FRAME } from './hostile/run.ts';
import { docxText, readDocx } from './support/docx.ts';

/** Inputs beyond this size run one at a time (their CPU time measured); the others concurrently. */
const LARGE_INPUT = 64 * 1024;
const heavy = HOSTILE_CASES.filter((c) => inputBytes(c) > LARGE_INPUT);
const light = HOSTILE_CASES.filter((c) => !heavy.includes(c));

function expectNoCrash(output: string): void {
  expect(output).not.toMatch(STACK_FRAME);
  expect(output).not.toContain('Erreur interne');
}

/**
 * An invalid séance stops `build` where it stops `validate` (same loading code): building every
 * third one, and each one with files beside it, checks that nothing is written at half the cost.
 * Not the large inputs: `build` would only load and refuse them a second time (3 000 points at
 * the same number: 1.6 s).
 */
function buildsWhenInvalid(c: HostileCase): boolean {
  if (heavy.includes(c)) return false;
  return Object.keys(c.files()).length > 1 || HOSTILE_CASES.indexOf(c) % 3 === 0;
}

async function check(c: HostileCase): Promise<void> {
  const prepared = prepare(c);
  try {
    const before = listing(prepared.root);
    const validated = await cli(['validate', 'seance.yaml'], prepared.folder);
    expectNoCrash(validated.stdout + validated.stderr);
    expect(validated.stderr).toBe('');
    expect(reported(validated.stdout, 'erreur')).toEqual(c.errors);
    expect(reported(validated.stdout, 'avertissement')).toEqual(c.warnings ?? []);
    expect(validated.code).toBe(c.errors.length > 0 ? 1 : 0);
    expect(listing(prepared.root)).toEqual(before);
    if (c.noBuild || (c.errors.length > 0 && !buildsWhenInvalid(c))) return;

    const args = ['build', 'seance/seance.yaml', '-o', 'sortie', '-q', '-j', '1'];
    if (c.templates) args.push('-t', 'modeles');
    const built = await cli(args, prepared.root);
    expectNoCrash(built.stdout + built.stderr);
    const failing = c.errors.length > 0 ? c.errors : (c.buildErrors ?? []);
    if (failing.length > 0) {
      expect(built.code).toBe(1);
      if (c.buildErrors)
        expect(reported(built.stderr, 'erreur', 'seance/seance.yaml')).toEqual(c.buildErrors);
      // Nothing written: no output folder, no temporary folder, no lock.
      expect(listing(prepared.root)).toEqual(before);
      return;
    }
    expect(built.code, built.stderr).toBe(0);
    expect(reported(built.stderr, 'erreur', 'seance/seance.yaml')).toEqual([]);
    const added = listing(prepared.root).filter((p) => !before.includes(p));
    expect(added.every((p) => p === 'sortie' || p.startsWith('sortie/'))).toBe(true);
    const out = join(prepared.root, 'sortie');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const written = added.filter((p) => statSync(join(prepared.root, p)).isFile()).sort();
    const listed = ['manifest.json', ...manifest.documents.map((d) => d.path)].map((p) => `sortie/${p}`);
    expect(written).toEqual(listed.sort());
    expect(manifest.documents.length).toBeGreaterThanOrEqual(3);
    if (c.shows) {
      const text = foldSpaces(docxText(readDocx(readFileSync(join(out, 'point-01-note.docx')))));
      for (const shown of c.shows) expect(text).toContain(foldSpaces(shown));
    }
  } finally {
    prepared.cleanup();
  }
}

describe('hostile corpus', () => {
  it('holds at least 60 cases with distinct names', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it.concurrent.each(light.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      await check(c);
    },
    LIMITS.hangMilliseconds,
  );
});

// Large inputs made to probe the limits run one at a time, so that the CPU time of each run is
// its own and is checked against LIMITS (test/hostile/run.ts).
describe('hostile corpus, large inputs (one at a time, CPU time and memory bounded)', () => {
  it('holds the cases that probe the limits', () => {
    expect(heavy.map((c) => c.name)).toEqual(
      expect.arrayContaining(['10 000 points', '3 000 points au même numéro']),
    );
  });

  it.each(heavy.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      await check(c);
    },
    LIMITS.hangMilliseconds,
  );
});
