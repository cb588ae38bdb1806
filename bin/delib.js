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

/** Relative paths and newest mtime of the .ts files under src/. */
function scan(dir, prefix, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = prefix + entry.name;
    if (entry.isDirectory()) scan(new URL(`${entry.name}/`, dir), `${name}/`, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
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

const args = process.argv.slice(2);
const quick = quickAnswer(args[0]);
if (quick !== undefined) process.exitCode = quick;
else await run();

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
      // (which compiles nothing of dist/: the compile cache is only enabled when it did not).
      if (snapshot) runFromSnapshot(snapshot, args);
    }
    await enableCompileCache();
    // The bundled CLI (bin/build-dist.js), or dist/ file by file when built without it.
    ({ main } = existsSync(new URL('dist/bin/delib.js', root))
      ? await import('../dist/bin/delib.js')
      : await import('../dist/cli/main.js'));
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../src/cli/main.ts'));
  }
  process.exitCode = await main(args);
  // A build that ran without its snapshot makes it, in a process of its own, for the next ones.
  if (snapshot && process.exitCode === 0) (await import('./snapshot.js')).prepareSnapshot(snapshot);
}
