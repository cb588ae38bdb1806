/**
 * Checks shared by the output folder fault tests: a bundle's files against its manifest, what a
 * failed build may leave beside its target, and the shape of a French failure.
 *
 * @example
 * expectFrenchFailure(await cli(['build', 'seance.yaml', '-o', 'ro/sortie'], work), 'output.not-writable');
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Manifest } from '../../src/bundle/manifest.ts';
import { listing, STACK_FRAME } from '../hostile/run.ts';

/** File name → SHA-256 of every file of a bundle folder. */
export function hashes(folder: string): Record<string, string> {
  return Object.fromEntries(
    listing(folder).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(folder, f)))
        .digest('hex'),
    ]),
  );
}

/** The bundle's files are exactly those of its manifest, with the hashes it lists. */
export function expectConsistent(folder: string): void {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const files = hashes(folder);
  expect(Object.keys(files).sort()).toEqual(
    ['manifest.json', ...manifest.documents.map((d) => d.path)].sort(),
  );
  for (const d of manifest.documents) expect(files[d.path], d.path).toBe(d.sha256);
}

/** Temporary folders, old bundles and locks delib may leave beside `target`. */
export function leftovers(parent: string): string[] {
  return existsSync(parent) ? readdirSync(parent).filter((f) => f.includes('.delib-')) : [];
}

export function expectFrenchFailure(
  run: { code: number; stdout: string; stderr: string },
  code: string,
): void {
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).not.toContain('Erreur interne');
}
