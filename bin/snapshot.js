// The V8 start-up snapshot of `delib build`: a heap in which the whole CLI is loaded and has built
// the packaged example séance once (modules compiled, fonts parsed, templates and validator ready,
// the bytecode of every function a build runs), so that a build starts warm instead of compiling
// and interpreting everything cold. A snapshot only works with the exact node binary and flags
// that made it, so it cannot ship in the package: the first `delib build` runs without it and then
// makes it, in a detached process, into the user's cache folder (bin/cache-folder.js), keyed by
// node's version, binary, arch, NODE_OPTIONS and dist/bin/snapshot.cjs; written under a temporary
// name, tried (`build --help` from it) and renamed; a failure is remembered and never retried for
// that key. Later builds replace their process by `node --snapshot-blob …` (`process.execve`, Node
// ≥ 22.15 and 24: same pid, streams, signals and exit code). DELIB_NO_SNAPSHOT=1 turns it off;
// so do node flags on the command line (`node --cpu-prof bin/delib.js …`, except those bin/delib.js
// adds to a big build) and CI (the CI variable).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFolder } from './cache-folder.js';

const SCRIPT = fileURLToPath(new URL('../dist/bin/snapshot.cjs', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** A snapshot being made for longer than this was abandoned (its maker was killed). */
const STALE_MS = 10 * 60_000;

/** The files of this node's snapshot, or undefined when none applies here. */
export function snapshotPlace(env = process.env) {
  if (env.DELIB_NO_SNAPSHOT === '1' || typeof process.execve !== 'function') return undefined;
  // A CI job starts from a clean machine: a snapshot made there would be lost, after costing a
  // process of its own.
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return undefined;
  // Except the heap flags bin/delib.js re-executed a big build with (DELIB_BIG_BUILD_FLAGS names
  // them): the snapshot's own process, started for a small séance, does not need them.
  const flags = process.execArgv.join(' ');
  if (flags !== '' && flags !== env.DELIB_BIG_BUILD_FLAGS) return undefined;
  const folder = cacheFolder(env);
  if (!folder) return undefined;
  let script;
  try {
    script = statSync(SCRIPT);
  } catch {
    return undefined;
  }
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        process.version,
        process.execPath,
        process.arch,
        process.platform,
        env.NODE_OPTIONS ?? '',
        SCRIPT,
        script.size,
        script.mtimeMs,
      ]),
    )
    .digest('hex')
    .slice(0, 20);
  const dir = join(folder, 'snapshot');
  const file = (suffix) => join(dir, `${key}${suffix}`);
  return {
    dir,
    key,
    built: script.mtimeMs,
    blob: file('.blob'),
    size: file('.size'),
    failed: file('.failed'),
    lock: file('.lock'),
  };
}

/** The snapshot is complete: its size is the one written once it was tried. */
function ready(place) {
  try {
    return statSync(place.blob).size === Number(readFileSync(place.size, 'utf8'));
  } catch {
    return false;
  }
}

function exists(file) {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function busy(lock) {
  try {
    return Date.now() - statSync(lock).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

/**
 * V8 options of the process started from the snapshot. Its heap starts at ≈ 25 MB (the
 * deserialized CLI) and V8 started a full collection of it a few megabytes later, midway through
 * a one-point séance (Node 24: ≈ 12 ms on the main thread plus the marking threads, ≈ 50 ms of CPU
 * in all); a first limit of 64 MB lets a small séance end before it. Node 22 keeps its own limit
 * for a deserialized heap (the option changes nothing there). A séance big enough to need more
 * leaves this process for one without the snapshot (src/cli/threads-hand-over.ts).
 */
const SNAPSHOT_V8_OPTIONS = ['--initial-old-space-size=64'];

/** Becomes the process started from the snapshot when it is ready (returns otherwise). */
export function runFromSnapshot(place, args) {
  if (!ready(place)) return;
  try {
    const argv = [process.execPath, '--snapshot-blob', place.blob, ...SNAPSHOT_V8_OPTIONS, ...args];
    process.execve(process.execPath, argv, process.env);
  } catch {
    // execve refused (an unreadable binary?): run as without a snapshot.
  }
}

/** After a build without it: makes the snapshot in a detached process that outlives this one. */
export function prepareSnapshot(place) {
  if (ready(place) || exists(place.failed) || busy(place.lock)) return;
  try {
    spawn(process.execPath, [SELF, '--make'], { detached: true, stdio: 'ignore', env: process.env }).unref();
  } catch {
    // No process can be started: no snapshot, as before.
  }
}

/** Makes, tries and installs the snapshot of `place` (run by `node bin/snapshot.js --make`). */
function make(place) {
  mkdirSync(place.dir, { recursive: true });
  try {
    closeSync(openSync(place.lock, 'wx'));
  } catch {
    if (busy(place.lock)) return;
    rmSync(place.lock, { force: true });
    closeSync(openSync(place.lock, 'wx'));
  }
  const temporary = `${place.blob}.${process.pid}`;
  try {
    const options = { stdio: ['ignore', 'pipe', 'pipe'], timeout: 5 * 60_000, encoding: 'utf8' };
    execFileSync(process.execPath, ['--snapshot-blob', temporary, '--build-snapshot', SCRIPT], options);
    const help = execFileSync(process.execPath, ['--snapshot-blob', temporary, 'build', '--help'], options);
    if (!help.includes('delib build')) throw new Error(`delib build --help depuis l’instantané :\n${help}`);
    // Snapshots of an older dist/ are of no use any more.
    for (const name of readdirSync(place.dir)) {
      const path = join(place.dir, name);
      if (!name.startsWith(place.key) && statSync(path).mtimeMs < place.built) rmSync(path, { force: true });
    }
    renameSync(temporary, place.blob);
    writeFileSync(`${place.size}.${process.pid}`, String(statSync(place.blob).size));
    renameSync(`${place.size}.${process.pid}`, place.size);
  } catch (error) {
    rmSync(temporary, { force: true });
    writeFileSync(place.failed, `${error?.stderr || error?.message || error}\n`);
  } finally {
    rmSync(place.lock, { force: true });
  }
}

if (process.argv[1] === SELF && process.argv[2] === '--make') {
  const place = snapshotPlace();
  if (place) make(place);
}
