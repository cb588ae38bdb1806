// `delib sign -o` onto a read-only file system (a tmpfs mounted read-only; needs root, skipped
// otherwise): French diagnostic, exit 1, no stack, the input untouched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedBase, signedBase } from '../sign-attacks.ts';
import { makeP12 } from '../sign-helpers.ts';
import { runDelib } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-ro-'));
const readOnly = join(dir, 'ro');
const full = join(dir, 'plein');
const mount = (folder: string, options: string) => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mkdir', [folder]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const mounted = mount(readOnly, 'ro,size=1m');
// 40 KiB: room for an earlier output, not for the signed PDF (about 50 KB).
const mountedFull = mount(full, 'size=40k');
let base: SignedBase;

beforeAll(async () => {
  if (mounted || mountedFull) base = await signedBase();
}, 120_000);
afterAll(() => {
  if (mounted) execFileSync('umount', [readOnly]);
  if (mountedFull) execFileSync('umount', [full]);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!mounted)('delib sign onto a read-only file system', () => {
  it('says so in French, exits 1, writes nothing', async () => {
    const pdf = join(dir, 'in.pdf');
    const p12 = join(dir, 'c.p12');
    writeFileSync(pdf, base.unsigned);
    writeFileSync(p12, makeP12({ commonName: 'Patrick Ollier', password: 's' }));
    const r = await runDelib(['sign', pdf, '--p12', p12, '-s', '1', '-o', join(readOnly, 'x.pdf')], {
      env: { DELIB_P12_PASSWORD: 's' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain('système de fichiers en lecture seule');
    expect(r.stdout + r.stderr).toContain('[output.not-writable]');
    expect(r.stderr).not.toContain('Erreur interne');
    expect(Buffer.from(readFileSync(pdf)).equals(Buffer.from(base.unsigned))).toBe(true);
  });
});

describe.skipIf(!mountedFull)('delib sign -o onto a full file system', () => {
  it('keeps the previous output whole and leaves no temporary file (writeOutputFile)', async () => {
    const pdf = join(dir, 'in-plein.pdf');
    const p12 = join(dir, 'c-plein.p12');
    writeFileSync(pdf, base.unsigned);
    writeFileSync(p12, makeP12({ commonName: 'Patrick Ollier', password: 's' }));
    const output = join(full, 'signe.pdf');
    writeFileSync(output, 'ancien contenu');
    const r = await runDelib(['sign', pdf, '--p12', p12, '-s', '1', '-o', output], {
      env: { DELIB_P12_PASSWORD: 's' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain('[output.not-writable]');
    expect(r.stderr).toContain('disque plein');
    expect(r.stderr).not.toContain('Erreur interne');
    expect(readFileSync(output, 'utf8')).toBe('ancien contenu');
    expect(readdirSync(full)).toEqual(['signe.pdf']);
  });
});
