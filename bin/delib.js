#!/usr/bin/env node
// Entry point of the `delib` command. An installed package (no src/) runs the compiled dist/.
// A checkout runs dist/ (built by `npm run build`, and by `npm ci` through `prepare`) when it is
// up to date with src/; otherwise (a development checkout
// with edited sources, or no dist/) runs the TypeScript sources through tsx's loader. A stale
// dist/ is never used: any source file newer than dist/.stamp, or added or removed since the
// build, or a newer package.json, sends delib to the sources. DELIB_SOURCES=1 forces the sources;
// DELIB_DIST=1 forces dist/ (the benchmark, which builds it just before, sets it so that a source
// saved by someone else during a long run does not switch the measured CLI to tsx).
// `delib --version` and `delib --help` answer before any of that (see quickAnswer): no static
// import here, so that nothing but this file is loaded for them.
const { existsSync, readdirSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');

const root = new URL('../', import.meta.url);

/** Relative paths and newest mtime of the .ts files under src/ that dist/ is built from (no tests). */
function scan(dir, prefix, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = prefix + entry.name;
    if (entry.isDirectory()) scan(new URL(`${entry.name}/`, dir), `${name}/`, out);
    else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !entry.name.endsWith('.test.ts')
    ) {
      out.files.push(name);
      out.newest = Math.max(out.newest, statSync(new URL(entry.name, dir)).mtimeMs);
    }
  }
  return out;
}

function distIsFresh() {
  if (process.env.DELIB_SOURCES === '1') return false;
  if (process.env.DELIB_DIST === '1') return true;
  try {
    const stampUrl = new URL('dist/.stamp', root);
    const stamp = JSON.parse(readFileSync(stampUrl, 'utf8'));
    const built = statSync(stampUrl).mtimeMs;
    const now = scan(new URL('src/', root), '', { files: [], newest: 0 });
    if (now.newest > built || statSync(new URL('package.json', root)).mtimeMs > built) return false;
    const files = now.files.sort();
    return files.length === stamp.files.length && files.every((f, i) => f === stamp.files[i]);
  } catch {
    return false;
  }
}

/**
 * V8's compiled code of dist/ kept between runs (`module.enableCompileCache`, Node ≥ 22.1): a cold
 * start then skips most of the compiling of ≈ 3 MB of JavaScript. In the user's cache folder, never
 * beside the output; Node checks each entry against the file it came from, and an unwritable folder
 * only leaves the cache off. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
async function enableCompileCache() {
  const module = process.getBuiltinModule('node:module');
  if (typeof module.enableCompileCache !== 'function') return;
  const { join } = process.getBuiltinModule('node:path');
  const { cacheFolder } = await import('./cache-folder.js');
  const folder = cacheFolder();
  try {
    if (folder) module.enableCompileCache(join(folder, 'compile-cache'));
  } catch {
    // A cache that cannot be made: delib runs without it.
  }
}

/**
 * `delib --version`, `delib --help` (and `-v`, `-h`, `help`, `aide`, nothing) answered from this
 * file alone, as src/cli/main.ts answers them: the version from package.json, the general help
 * from dist/help.txt (written by bin/build-dist.js from src/cli/help.ts), used when no source of it
 * is newer than the build. Returns the exit code, or undefined to run the CLI.
 */
function quickAnswer(first) {
  if (first === '-v' || first === '--version') {
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    return answer(process.stdout, `delib ${version}\n`, 0);
  }
  const help =
    first === undefined || first === '-h' || first === '--help' || first === 'aide' || first === 'help';
  if (!help || process.env.DELIB_SOURCES === '1') return undefined;
  let text;
  try {
    const file = new URL('dist/help.txt', root);
    if (process.env.DELIB_DIST !== '1' && existsSync(new URL('src/', root))) {
      const built = statSync(new URL('dist/.stamp', root)).mtimeMs;
      for (const source of ['src/cli/help.ts', 'src/cli/commands/index.ts']) {
        if (statSync(new URL(source, root)).mtimeMs > built) return undefined;
      }
    }
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return first === undefined ? answer(process.stderr, text, 2) : answer(process.stdout, text, 0);
}

/** Writes `text`; a reader that goes away (`delib --help | head -1`) is not an error (as processIo). */
function answer(stream, text, code) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(code);
    throw error;
  });
  stream.write(text);
  return code;
}

/**
 * V8 flags a big `delib build` starts its main thread with, as the start-up snapshot's hand-over
 * does (BIG_BUILD_NODE_FLAGS, src/bundle/heap-growth.ts; test/snapshot.test.ts checks both): V8 13
 * (Node 24) lets a main thread's new space grow to 128 MB, and only a flag given at start bounds it.
 */
const BIG_BUILD_FLAGS = [
  '--max-semi-space-size=8',
  // V8 13 (Node 24): Maglev as the top tier, no TurboFan (why: heap-growth.ts).
  ...(Number.parseInt(process.versions.v8, 10) >= 13 ? ['--no-turbofan'] : []),
];
/**
 * Names the flags in the environment of the process re-executed with them: bin/snapshot.js then
 * knows that these node flags are delib's own, and still makes the snapshot after that build.
 */
const BIG_BUILD_MARK = 'DELIB_BIG_BUILD_FLAGS';
/** The options of `delib build` that take a value (src/cli/commands/build.ts). */
const BUILD_VALUE_OPTIONS = new Set([
  '-o',
  '--sortie',
  '-f',
  '--formats',
  '-p',
  '--points',
  '-t',
  '--templates',
  '--reference-docx',
  '--polices-docx',
  '-j',
  '--jobs',
  '-r',
  '--reporter',
]);

/**
 * Whether `delib build …` renders a séance big enough to start workers, judged as the build
 * command does before loading it (threadsForBytes and handOverIfBig, src/cli/threads-hand-over.ts):
 * one séance file of WARM_UP_BYTES (64 KiB, scaled by DELIB_PARALLEL_FROM) or more, no selection of
 * points, no `--jobs 1`. Anything unclear (stdin, no file, an option it does not know) is small.
 */
function bigBuild(buildArgs, env) {
  let file;
  let jobs;
  for (let i = 0; i < buildArgs.length; i++) {
    const arg = buildArgs[i];
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (arg === '--') return false;
    if (BUILD_VALUE_OPTIONS.has(name)) {
      const value = inline ?? buildArgs[++i];
      if (name === '-p' || name === '--points') return false;
      if (name === '-j' || name === '--jobs') jobs = value;
    } else if (arg.startsWith('-')) {
      if (!/^--?[a-z-]+$/.test(arg) || arg.startsWith('-p') || arg.startsWith('-j')) return false;
    } else if (file === undefined) file = arg;
    else return false;
  }
  if (file === undefined || jobs === '1') return false;
  const parallelFrom = env.DELIB_PARALLEL_FROM ? Number(env.DELIB_PARALLEL_FROM) : 40;
  try {
    return statSync(file).size >= (64 * 1024 * parallelFrom) / 40;
  } catch {
    return false;
  }
}

/**
 * Replaces this process (`process.execve`: same pid, streams, signals and exit code) by the same
 * command with BIG_BUILD_FLAGS when it builds a big séance (V8 13, Node 24, would let its
 * semi-spaces grow to 64 MB; V8 12, Node 22, starts with 16 MB, and 8 MB saves ≈ 25 MB at 500
 * points there too, at no CPU cost) and no semi-space size was given. Returns when none of that
 * holds, or when execve is refused.
 */
function reexecIfBig(buildArgs) {
  if (typeof process.execve !== 'function') return;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((flag) => flag.startsWith('--max-semi-space-size'))) return;
  if (!bigBuild(buildArgs, process.env)) return;
  const argv = [process.execPath, ...process.execArgv, ...BIG_BUILD_FLAGS, process.argv[1], ...args];
  try {
    process.execve(process.execPath, argv, { ...process.env, [BIG_BUILD_MARK]: BIG_BUILD_FLAGS.join(' ') });
  } catch {
    // execve refused: the build runs with V8's own new space.
  }
}

async function run() {
  /** Where `delib build` keeps its start-up snapshot (bin/snapshot.js), when it has one. */
  let snapshot;
  let main;
  // An installed package has no src/: it always runs dist/ (and has no tsx to run sources with).
  if (!existsSync(new URL('src/', root)) || distIsFresh()) {
    if (args[0] === 'build') {
      const { runFromSnapshot, snapshotPlace } = await import('./snapshot.js');
      snapshot = snapshotPlace();
      // Does not return when the snapshot is ready: this process becomes the one started from it
      // (which compiles nothing of dist/: the compile cache is only enabled when it did not), and
      // hands a big séance over to a process started with BIG_BUILD_FLAGS.
      if (snapshot) runFromSnapshot(snapshot, args);
      // Without the snapshot (off, CI, not made yet): a big séance starts with them here.
      reexecIfBig(args.slice(1));
    }
    await enableCompileCache();
    // The bundled CLI (bin/build-dist.js), or dist/ file by file when built without it.
    ({ main } = existsSync(new URL('dist/bin/delib.js', root))
      ? await import('../dist/bin/delib.js')
      : await import('../dist/cli/main.js'));
  } else {
    if (args[0] === 'build') reexecIfBig(args.slice(1));
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../src/cli/main.ts'));
  }
  process.exitCode = await main(args);
  // A build that ran without its snapshot makes it, in a process of its own, for the next ones.
  if (snapshot && process.exitCode === 0) (await import('./snapshot.js')).prepareSnapshot(snapshot);
}

const args = process.argv.slice(2);
const quick = quickAnswer(args[0]);
if (quick !== undefined) process.exitCode = quick;
else await run();
