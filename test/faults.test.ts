// Faults around the output folder, with the real things: a file where a folder is expected, two
// builds at once, SIGINT halfway, a reader that goes away (read-only and full file systems, which
// need mounts as root, are in test/clients/output-mounts.test.ts).
// Each time: exit 1 (130 for the signal) with a French diagnostic, the previous bundle intact,
// no temporary folder or lock left behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, point } from './hostile/base.ts';
import { cli, listing, STACK_FRAME } from './hostile/run.ts';
import { BIN } from './support/cli.ts';
import { expectConsistent, expectFrenchFailure, hashes, leftovers } from './support/faults.ts';

let work = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'delib-faults-'));
  writeFileSync(join(work, 'seance.yaml'), BASE);
  // A bigger séance, so that a build lasts long enough to be interrupted.
  writeFileSync(
    join(work, 'grande.yaml'),
    `${BASE}${Array.from({ length: 24 }, (_, i) => point(i + 2)).join('')}`,
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('output folder faults', () => {
  it('refuses an output path under a file with output.not-writable, writing nothing', async () => {
    writeFileSync(join(work, 'fichier'), 'je suis un fichier');
    const before = listing(work);
    const run = await cli(['build', 'seance.yaml', '-o', 'fichier/sortie', '-q'], work);
    expectFrenchFailure(run, 'output.not-writable');
    expect(listing(work)).toEqual(before);
  });

  // BUG (src/bundle/output-dir.ts, not ours): `outputError` maps ENOTDIR but mkdir of a parent
  // that is a file fails with EEXIST, whose English message reaches the user: « Impossible d’écrire
  // le dossier de sortie « fichier/sortie » : EEXIST: file already exists, mkdir '/tmp/…/fichier' ».
  it('says in French that a part of the output path is a file', async () => {
    writeFileSync(join(work, 'fichier2'), 'je suis un fichier');
    const run = await cli(['build', 'seance.yaml', '-o', 'fichier2/sortie', '-q'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/EEXIST|already exists|mkdir/);
  });

  it('lets one of two simultaneous builds into one folder win, the other one refused', async () => {
    const runs = await Promise.all([
      cli(['build', 'grande.yaml', '-o', 'double', '-q', '-j', '1'], work),
      cli(['build', 'grande.yaml', '-o', 'double', '-q', '-j', '1'], work),
    ]);
    for (const run of runs) expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    const codes = runs.map((r) => r.code).sort();
    // Either the second one found the lock (output.busy), or the first had already finished.
    expect([
      [0, 0],
      [0, 1],
    ]).toContainEqual(codes);
    const refused = runs.find((r) => r.code === 1);
    if (refused) expectFrenchFailure(refused, 'output.busy');
    expectConsistent(join(work, 'double'));
    expect(leftovers(work).filter((f) => f.startsWith('.double'))).toEqual([]);
  });

  it('stops on SIGINT halfway with exit 130, the previous bundle intact, nothing left behind', async () => {
    const first = await cli(['build', 'grande.yaml', '-o', 'interrompu', '-q'], work);
    expect(first.code, first.stderr).toBe(0);
    const before = hashes(join(work, 'interrompu'));
    const child = spawn(
      process.execPath,
      [BIN, 'build', 'grande.yaml', '-o', 'interrompu', '-q', '--force'],
      {
        cwd: work,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((done, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (leftovers(work).some((f) => f.startsWith('.interrompu.delib-tmp-'))) {
          clearInterval(poll);
          child.kill('SIGINT');
          done();
        } else if (Date.now() - started > 120_000) {
          clearInterval(poll);
          fail(new Error('the build never started writing'));
        }
      }, 5);
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(130);
    expect(stderr).toContain('Construction interrompue');
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(hashes(join(work, 'interrompu'))).toEqual(before);
    expect(leftovers(work).filter((f) => f.startsWith('.interrompu'))).toEqual([]);
  });

  // BUG (src/cli/io.ts, not ours): `delib validate … | head -1` closes the pipe; the next write
  // raises EPIPE on process.stdout, which has no 'error' listener: Node prints « Error: write
  // EPIPE » with a stack trace (at Object.stdout (src/cli/io.ts…)) instead of stopping quietly.
  it('stops quietly when the reader of its output goes away (EPIPE)', async () => {
    writeFileSync(
      join(work, 'doublons.yaml'),
      `${BASE}${Array.from({ length: 2_000 }, () => point(1)).join('')}`,
    );
    const child = spawn(process.execPath, [BIN, 'validate', 'doublons.yaml'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    await new Promise((done) => child.on('exit', done));
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('init refuses a path under a file and a dangling link, writing nowhere', async () => {
    const folder = join(work, 'init');
    mkdirSync(folder);
    writeFileSync(join(folder, 'fichier'), 'x');
    const underFile = await cli(['init', 'fichier/seance'], folder);
    expectFrenchFailure({ ...underFile, stderr: underFile.stdout + underFile.stderr }, 'output.not-writable');
    mkdirSync(join(folder, 'piege'));
    symlinkSync(join(work, 'dehors-init.yaml'), join(folder, 'piege', 'seance.yaml'));
    const dangling = await cli(['init', 'piege'], folder);
    expectFrenchFailure({ ...dangling, stderr: dangling.stdout + dangling.stderr }, 'output.foreign-files');
    expect(existsSync(join(work, 'dehors-init.yaml'))).toBe(false);
  });

  it('templates export replaces a link without following it, and refuses a path under a file', async () => {
    const folder = join(work, 'export');
    mkdirSync(join(folder, 'modeles'), { recursive: true });
    symlinkSync(join(work, 'dehors-modele.hbs'), join(folder, 'modeles', 'deliberation.hbs'));
    const refused = await cli(['templates', 'export', 'modeles'], folder);
    expectFrenchFailure({ ...refused, stderr: refused.stdout + refused.stderr }, 'output.foreign-files');
    const forced = await cli(['templates', 'export', 'modeles', '--force'], folder);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(join(work, 'dehors-modele.hbs'))).toBe(false);
    writeFileSync(join(folder, 'fichier'), 'x');
    const underFile = await cli(['templates', 'export', 'fichier/modeles'], folder);
    expectFrenchFailure({ ...underFile, stderr: underFile.stdout + underFile.stderr }, 'output.not-writable');
  });
});
