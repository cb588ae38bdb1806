/**
 * Runs the real `delib` command in a child process, as a user or CI would, and returns its exit
 * code and output (never throws on a non-zero exit).
 *
 * @example
 * const { code, stderr } = await runDelib(['validate', 'fixtures/sceaux-2023-03-23.yaml']);
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/delib.js');

export interface CliResult {
  /** Exit code, or -1 when the process was killed. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runDelib(
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
