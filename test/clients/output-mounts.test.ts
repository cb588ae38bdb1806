// Output folder faults that need mounts (run as root): a read-only bind mount (EROFS) and a full
// tmpfs (ENOSPC). Each time: exit 1 with a French diagnostic, the previous bundle intact, no
// temporary folder or lock left behind. Client suite: it changes the machine's mount table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from '../hostile/base.ts';
import { cli } from '../hostile/run.ts';
import { expectFrenchFailure, hashes, leftovers } from '../support/faults.ts';

let work = '';

function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'delib-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mounts = canMount();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'delib-mounts-'));
  writeFileSync(join(work, 'seance.yaml'), BASE);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('output folder faults on mounted file systems', () => {
  it.skipIf(!mounts)('keeps the previous bundle on a read-only file system (EROFS)', async () => {
    const rw = join(work, 'rw');
    const ro = join(work, 'ro');
    mkdirSync(rw);
    mkdirSync(ro);
    const first = await cli(['build', 'seance.yaml', '-o', 'rw/sortie', '-q', '-f', 'pdf'], work);
    expect(first.code, first.stderr).toBe(0);
    const before = hashes(join(rw, 'sortie'));
    execFileSync('mount', ['--bind', rw, ro]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
      const run = await cli(['build', 'seance.yaml', '-o', 'ro/sortie', '-q', '--force'], work);
      expectFrenchFailure(run, 'output.not-writable');
      expect(run.stderr).toContain('lecture seule');
    } finally {
      execFileSync('umount', [ro]);
    }
    expect(hashes(join(rw, 'sortie'))).toEqual(before);
    expect(leftovers(rw)).toEqual([]);
  });

  it.skipIf(!mounts)('keeps the previous bundle when the disk is full (ENOSPC on a tmpfs)', async () => {
    const first = await cli(['build', 'seance.yaml', '-o', 'ref', '-q', '-f', 'pdf'], work);
    expect(first.code, first.stderr).toBe(0);
    const size = Object.keys(hashes(join(work, 'ref'))).reduce(
      (sum, f) => sum + readFileSync(join(work, 'ref', f)).length,
      0,
    );
    const disk = join(work, 'disque');
    mkdirSync(disk);
    // Room for the previous bundle, not for a second copy beside it.
    execFileSync('mount', [
      '-t',
      'tmpfs',
      '-o',
      `size=${Math.ceil((size * 1.4) / 4096) * 4}k`,
      'tmpfs',
      disk,
    ]);
    try {
      execFileSync('cp', ['-r', join(work, 'ref'), join(disk, 'sortie')]);
      const before = hashes(join(disk, 'sortie'));
      const run = await cli(['build', 'seance.yaml', '-o', 'disque/sortie', '-q', '-f', 'pdf,docx'], work);
      expectFrenchFailure(run, 'output.not-writable');
      expect(run.stderr).toContain('disque plein');
      expect(hashes(join(disk, 'sortie'))).toEqual(before);
      expect(leftovers(disk)).toEqual([]);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
