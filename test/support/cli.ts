/**
 * Runs `delib` for a test and returns its exit code and output (never throws on a non-zero exit).
 *
 * `runDelib` calls `main` in the test's own process, with its own working directory, environment
 * and captured output (no process started: a run costs what the command costs). `spawnDelib`
 * starts the real `bin/delib.js` in a child process, for the few tests that are about the process
 * itself: bin wiring, signals, kill -9, EPIPE, byte identity across processes and time zones.
 *
 * @example
 * const { code, stderr } = await runDelib(['validate', 'fixtures/sceaux-2023-03-23.yaml']);
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/delib.js');

/**
 * Newest modification time of the sources dist/ is built from: the .ts files under src/, unit
 * tests left out (as bin/build-dist.js and bin/delib.js count them).
 */
export function newestDistSource(dir: string = join(ROOT, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestDistSource(path));
    else if (/(?<!\.(d|test))\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export interface CliResult {
  /** Exit code, or -1 when the process was killed. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory of the run (default: the repository). */
  readonly cwd?: string;
  /** Added to the test process's environment (NO_COLOR is set). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The environment a run sees: the test process's, without colours, plus `extra`. */
function runEnv(extra: Readonly<Record<string, string>> | undefined): Record<string, string | undefined> {
  return { ...process.env, NO_COLOR: '1', ...extra };
}

/** Runs `delib ARGS…` in-process with `io` overriding a captured, colourless, non-terminal one. */
export async function runMain(args: readonly string[], io: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: ROOT,
    ...io,
  });
  return { code, stdout, stderr };
}

/** Runs `delib ARGS…` in-process; the environment and folder are the run's only. */
export function runDelib(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runMain(args, { env: runEnv(options.env), cwd: resolve(ROOT, options.cwd ?? '.') });
}

/** Runs `node bin/delib.js ARGS…` in a child process, as a user or CI would. */
export function spawnDelib(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: runEnv(options.env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
