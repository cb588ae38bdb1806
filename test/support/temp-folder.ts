/**
 * Vitest global setup: every test run gets one private temporary folder (TMPDIR, inherited by the
 * test workers and the processes they start), removed at the end, so that no test leaves a
 * `delib-*` folder in the system's temporary folder, even when it fails halfway. The user cache
 * folder (XDG_CACHE_HOME: V8's compile cache on Node ≥ 22) is inside it too, and no spawned build
 * makes a start-up snapshot (DELIB_NO_SNAPSHOT; test/snapshot.test.ts turns it on with its own cache).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'delib-tests-'));
  process.env.TMPDIR = folder;
  process.env.XDG_CACHE_HOME = join(folder, 'cache');
  process.env.DELIB_NO_SNAPSHOT = '1';
  return () => rmSync(folder, { recursive: true, force: true });
}
