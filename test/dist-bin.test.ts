// The bundled CLI, dist/bin/delib.js (what an installed package runs, built by `npm ci` through
// `prepare` or by `npm run build`), started as a user starts it: `bin/delib.js` in its own
// process, dist/ forced (DELIB_DIST=1). It answers like the sources do in-process: same version,
// same report of a valid and of an invalid séance, same exit codes. When dist/ is older than the
// sources (sources edited since the last build), only what no edit changes is compared.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestDistSource, ROOT, runDelib, spawnDelib } from './support/cli.ts';

const STAMP = join(ROOT, 'dist/.stamp');

const fresh = existsSync(STAMP) && newestDistSource() <= statSync(STAMP).mtimeMs;
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

// bin/delib.js in a checkout of its own: dist/ (a stand-in main printing « dist ») against the
// sources (tsx, absent here: the run fails). A unit test (*.test.ts) is not a source of dist/.
describe('bin/delib.js: when dist/ is up to date', () => {
  const root = mkdtempSync(join(tmpdir(), 'delib-stamp-'));
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  const t0 = Math.floor(Date.now() / 1000) - 100;
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'src/sign'), { recursive: true });
  mkdirSync(join(root, 'dist/bin'), { recursive: true });
  for (const file of ['delib.js', 'cache-folder.js'])
    copyFileSync(join(ROOT, 'bin', file), join(root, 'bin', file));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "version": "0.0.0" }\n');
  writeFileSync(join(root, 'src/sign/cms.ts'), 'export {};\n');
  writeFileSync(join(root, 'src/sign/cms.test.ts'), 'export {};\n');
  writeFileSync(
    join(root, 'dist/bin/delib.js'),
    "export const main = async () => { console.log('dist'); return 0; };\n",
  );
  writeFileSync(join(root, 'dist/.stamp'), '{"files":["sign/cms.ts"]}\n');
  for (const file of ['package.json', 'src/sign/cms.ts', 'src/sign/cms.test.ts']) at(file, t0 - 10);
  at('dist/.stamp', t0);
  const runs = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(root, 'cache') };
    delete env.DELIB_DIST;
    delete env.DELIB_SOURCES;
    const run = spawnSync(process.execPath, [join(root, 'bin/delib.js'), 'validate'], {
      env,
      encoding: 'utf8',
    });
    return run.stdout.trim() === 'dist' && run.status === 0 ? 'dist' : 'sources';
  };

  it('runs dist/ after a unit test was edited or added, the sources after a source was', () => {
    try {
      expect(runs()).toBe('dist');
      at('src/sign/cms.test.ts', t0 + 10);
      writeFileSync(join(root, 'src/sign/new.test.ts'), 'export {};\n');
      expect(runs()).toBe('dist');
      at('src/sign/cms.ts', t0 + 10);
      expect(runs()).toBe('sources');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
