/**
 * Vitest global setup: every test run gets one private temporary folder (TMPDIR, inherited by the
 * test workers and the processes they start), removed at the end, so that no test leaves a
 * `delib-*` folder in the system's temporary folder, even when it fails halfway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'delib-tests-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
