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
 * Bounds of one run of a hostile case (issue 14: ≤ 30 s and ≤ 1 GB on this machine for any input
 * under 10 MB). Time is the run's own CPU time (user + system), which does not grow with the load
 * other work puts on the machine, checked when the run had the process to itself (the large
 * inputs run one at a time for that; small ones run concurrently). Memory is the process's peak
 * resident size, which a run may not raise above the bound. `hangMilliseconds` is the wall-clock
 * timeout of a case, a guard against a hang rather than a measure: on this 2-core machine shared
 * by several test runs, a wall-clock bound of 30 s would fail an 8-second case at load 4.
 */
export const LIMITS = {
  cpuMilliseconds: 30_000,
  residentBytes: 1024 ** 3,
  hangMilliseconds: 120_000,
} as const;

/** The test process's peak resident set size so far, in bytes (never decreases). */
const peakResident = () => process.resourceUsage().maxRSS * 1024;

/** CPU time used by the process so far (every thread), in milliseconds. */
const cpuMilliseconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs in flight, and whether another one overlapped each. */
let running = 0;
const overlapped = new Set<{ alone: boolean }>();

/**
 * Runs `work` and fails when it took more CPU time than LIMITS (when it ran alone), or raised the
 * process's peak resident size above LIMITS (a peak reached before, by another test of a shared
 * worker, is not blamed on it).
 *
 * @example
 * await withinLimits(() => cli(['validate', 'seance.yaml'], folder));
 */
export async function withinLimits<T>(work: () => Promise<T>): Promise<T> {
  const run = { alone: running === 0 };
  for (const other of overlapped) other.alone = false;
  overlapped.add(run);
  running++;
  const residentBefore = peakResident();
  const cpuBefore = cpuMilliseconds();
  try {
    const result = await work();
    const cpu = cpuMilliseconds() - cpuBefore;
    const resident = peakResident();
    if (run.alone && cpu > LIMITS.cpuMilliseconds) {
      throw new Error(`${Math.round(cpu)} ms of CPU > ${LIMITS.cpuMilliseconds} ms`);
    }
    if (resident > Math.max(residentBefore, LIMITS.residentBytes)) {
      throw new Error(
        `peak resident memory ${Math.round(resident / 1024 ** 2)} MB > ${LIMITS.residentBytes / 1024 ** 2} MB`,
      );
    }
    return result;
  } finally {
    running--;
    overlapped.delete(run);
  }
}

/** Total size of a case's files, in bytes (links count for nothing). */
export function inputBytes(c: HostileCase): number {
  return Object.values(c.files()).reduce<number>(
    (n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v instanceof Uint8Array ? v.length : 0),
    0,
  );
}

/** Runs the CLI in-process in `cwd`, within LIMITS. */
export function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return withinLimits(() => runDelib(args, { cwd, env: { SOURCE_DATE_EPOCH: '1679529600', ...env } }));
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
