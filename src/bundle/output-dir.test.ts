import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics.ts';
import { type StagedOutput, stageOutput } from './output-dir.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'delib-output-dir-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The diagnostic code a failed stageOutput gives, or 'staged'. */
async function attempt(outDir: string): Promise<{ code: string; staged?: StagedOutput }> {
  try {
    return { code: 'staged', staged: await stageOutput(outDir, { force: false, cwd: work }) };
  } catch (error) {
    if (error instanceof DiagnosticError) return { code: error.diagnostics[0]?.code ?? '?' };
    throw error;
  }
}

describe('stageOutput lock', () => {
  it('lets exactly one of simultaneous stagings into one folder in, the others busy', async () => {
    for (let round = 0; round < 40; round++) {
      const outDir = join(work, `sortie-${round}`);
      const results = await Promise.all([attempt(outDir), attempt(outDir), attempt(outDir)]);
      expect(results.map((r) => r.code).sort(), `round ${round}`).toEqual([
        'output.busy',
        'output.busy',
        'staged',
      ]);
      await results.find((r) => r.staged)?.staged?.abort();
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it('takes the lock again once the holder has released it', async () => {
    const outDir = join(work, 'sortie');
    const first = await attempt(outDir);
    expect((await attempt(outDir)).code).toBe('output.busy');
    await first.staged?.abort();
    const second = await attempt(outDir);
    expect(second.code).toBe('staged');
    await second.staged?.abort();
  });
});

describe('stageOutput lock left by others', () => {
  const lockOf = (name: string) => join(work, `.${name}.delib-lock`);

  it('waits on a lock being written (no owner yet), takes one unreadable for long', async () => {
    writeFileSync(lockOf('sortie'), '');
    expect((await attempt(join(work, 'sortie'))).code).toBe('output.busy');
    const past = new Date(Date.now() - 60_000);
    utimesSync(lockOf('sortie'), past, past);
    const taken = await attempt(join(work, 'sortie'));
    expect(taken.code).toBe('staged');
    expect(readFileSync(lockOf('sortie'), 'utf8')).toBe(String(process.pid));
    await taken.staged?.abort();
  });

  it('takes the lock of a dead process, and refuses one of a live one', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockOf('morte'), dead.stdout.toString());
    const taken = await attempt(join(work, 'morte'));
    expect(taken.code).toBe('staged');
    await taken.staged?.abort();
    writeFileSync(lockOf('vivante'), String(process.ppid));
    expect((await attempt(join(work, 'vivante'))).code).toBe('output.busy');
    rmSync(lockOf('vivante'));
  });

  it('removes what a killed run left while taking the lock', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = dead.stdout.toString();
    writeFileSync(join(work, `.sortie.delib-lock-${pid}-0a1b2c3d`), pid);
    writeFileSync(join(work, `.sortie.delib-lock-stale-${pid}-0a1b2c3d`), '12');
    const taken = await attempt(join(work, 'sortie'));
    expect(taken.code).toBe('staged');
    await taken.staged?.abort();
    expect(readdirSync(work)).toEqual([]);
  });
});
