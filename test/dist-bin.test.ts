// The bundled CLI, dist/bin/delib.js (what an installed package runs, built by `npm ci` through
// `prepare` or by `npm run build`), started as a user starts it: `bin/delib.js` in its own
// process, dist/ forced (DELIB_DIST=1). It answers like the sources do in-process: same version,
// same report of a valid and of an invalid séance, same exit codes. When dist/ is older than the
// sources (sources edited since the last build), only what no edit changes is compared.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runDelib, spawnDelib } from './support/cli.ts';

const STAMP = join(ROOT, 'dist/.stamp');

/** Newest modification time of the TypeScript sources under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(STAMP) && newestSource(join(ROOT, 'src')) <= statSync(STAMP).mtimeMs;
const dist = (args: readonly string[]) => spawnDelib(args, { env: { DELIB_DIST: '1' } });

describe('the bundled CLI (dist/bin)', () => {
  it('exists: `npm ci` and `npm run build` write it', () => {
    expect(existsSync(join(ROOT, 'dist/bin/delib.js')), 'dist/bin/delib.js : lancez npm run build').toBe(
      true,
    );
  });

  it('prints the version of the package', async () => {
    const [spawned, inProcess] = await Promise.all([dist(['--version']), runDelib(['--version'])]);
    expect(spawned).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    expect(spawned.stdout).toMatch(/^delib \d+\.\d+\.\d+/);
  });

  it('prints the general help as the CLI does, from dist/help.txt alone, on stdout or on stderr with exit 2', async () => {
    const asked = await Promise.all(['--help', '-h', 'aide', 'help'].map((a) => dist([a])));
    const [none, inProcess, noneInProcess] = await Promise.all([
      dist([]),
      runDelib(['--help']),
      runDelib([]),
    ]);
    for (const r of asked) expect(r).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    expect(none).toEqual({ code: 2, stdout: '', stderr: noneInProcess.stderr });
    expect(inProcess.stdout).toMatch(/^delib : documents de séance/);
    if (fresh) expect(readFileSync(join(ROOT, 'dist/help.txt'), 'utf8')).toBe(inProcess.stdout);
  });

  it('validates a séance, and reports an invalid one with exit 1, placed', async () => {
    const valid = ['validate', 'fixtures/sceaux-2023-03-23.yaml'];
    const invalid = ['validate', 'fixtures/invalid/cle-inconnue.yaml'];
    const [ok, bad] = await Promise.all([dist(valid), dist(invalid)]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^fixtures\/invalid\/cle-inconnue\.yaml:\d+:\d+ {2}erreur {2}.*\[schema\./m);
    if (!fresh) return;
    const [okHere, badHere] = await Promise.all([runDelib(valid), runDelib(invalid)]);
    expect(ok).toEqual(okHere);
    expect(bad).toEqual(badHere);
  });
});
