/**
 * Runs one hostile case through the real CLI, in a fresh folder: writes its files, runs
 * `delib validate` (and `delib build` when asked), and reports exit codes, the diagnostics as
 * `code@line:column`, and every file the runs left behind.
 *
 * @example
 * const result = await runCase(HOSTILE_CASES[0]!, { build: true });
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { type CliResult, runDelib } from '../support/cli.ts';
import type { HostileCase } from './cases.ts';

export type CliRun = CliResult;

/**
 * Runs the CLI in-process in `cwd` (a hang fails the test by its timeout; a blow-up of memory
 * takes the test worker down, which fails the file).
 */
export function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runDelib(args, { cwd, env: { SOURCE_DATE_EPOCH: '1679529600', ...env } });
}

/** `seance.yaml:12:5  erreur  …  [code]` lines → `code@12:5` (other files prefixed `file:`). */
export function reported(
  output: string,
  severity: 'erreur' | 'avertissement',
  main = 'seance.yaml',
): string[] {
  return output.split('\n').flatMap((line) => {
    const m = /^(\S+?)(?::(\d+):(\d+))? {2}(erreur|avertissement) {2}.*\[([a-z.-]+)\]$/.exec(line);
    if (!m || m[4] !== severity) return [];
    const where = m[1] === main ? '' : `${m[1]}:`;
    return [`${where}${m[5]}@${m[2] ?? 0}:${m[3] ?? 0}`];
  });
}

/** Every path under `folder`, relative to it, sorted (symbolic links are not followed). */
export function listing(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      out.push(relative(folder, path));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return out.sort();
}

export interface Prepared {
  /** Holds the séance folder `seance/`, `dehors/` (outside of it) and `modeles/`. */
  readonly root: string;
  readonly folder: string;
  cleanup(): void;
}

/** Writes the files of a case into a fresh temporary folder. */
export function prepare(c: HostileCase): Prepared {
  const root = mkdtempSync(join(tmpdir(), 'delib-hostile-'));
  const folder = join(root, 'seance');
  mkdirSync(folder);
  mkdirSync(join(root, 'dehors'));
  const write = (base: string, files: Readonly<Record<string, unknown>>) => {
    for (const [name, content] of Object.entries(files)) {
      const path = resolve(base, name);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof content === 'object' && content !== null && 'symlink' in content) {
        symlinkSync(String((content as { symlink: string }).symlink), path);
      } else writeFileSync(path, content as string | Uint8Array);
    }
  };
  write(folder, c.files());
  if (c.templates) write(join(root, 'modeles'), c.templates);
  return { root, folder, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A « at …(file:line:col) » frame of a JavaScript stack trace. */
export const STACK_FRAME = /^\s+at .*(\(|\s)\S+:\d+:\d+\)?$/m;
