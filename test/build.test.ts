import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/bundle/manifest.ts';
import { KIND_NAMES, kindSpec } from '../src/compose/kinds.ts';
import { BIN, type CliResult, ROOT, runDelib, spawnDelib } from './support/cli.ts';
import { readPdfOutline } from './support/pdf.ts';

const delib = (args: readonly string[], env: Record<string, string> = {}) => runDelib(args, { env });

const EPOCH = '1679529600';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'delib-build-'));

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Every entry beside the bundle folder: no temporary or lock files may stay. */
function siblings(dir: string): string[] {
  return readdirSync(join(dir, '..')).sort();
}

/** What delib left beside a bundle folder (temporary folders, locks): must be nothing. */
function leftovers(dir: string): string[] {
  return siblings(dir).filter((f) => f.includes('.delib-'));
}

/** Each fixture built once with SOURCE_DATE_EPOCH into `work/NAME`, on first use. */
const bundles = new Map<string, Promise<CliResult>>();
function bundle(name: string): Promise<CliResult> {
  let built = bundles.get(name);
  if (!built) {
    built = delib(['build', `fixtures/${name}.yaml`, '-o', join(work, name), '--quiet'], {
      SOURCE_DATE_EPOCH: EPOCH,
    });
    bundles.set(name, built);
  }
  return built;
}

/** A copy of a fixture's bundle at `out`: a previous bundle for the tests that write over one. */
async function previousBundle(name: string, out: string): Promise<void> {
  const built = await bundle(name);
  expect(built.code, built.stderr).toBe(0);
  cpSync(join(work, name), out, { recursive: true });
}

describe.each([
  ['sceaux-2023-03-23', 1],
  ['conseil-2024-06-27', 4],
] as const)('delib build %s', (name, minPoints) => {
  const out = join(work, name);
  let manifest: Manifest;
  let first: CliResult;

  beforeAll(async () => {
    first = await bundle(name);
    manifest = manifestOf(out);
  }, 120_000);

  it('exits 0 and lists exactly the files it wrote, with their hashes and sizes', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const listed = manifest.documents.map((d) => d.path).sort();
    expect(filesOf(out)).toEqual([...listed, 'manifest.json'].sort());
    for (const doc of manifest.documents) {
      const bytes = readFileSync(join(out, doc.path));
      expect(doc.sha256, doc.path).toBe(sha(bytes));
      expect(doc.bytes, doc.path).toBe(bytes.byteLength);
      expect([...KIND_NAMES, 'annexe', 'dossier']).toContain(doc.kind);
      if (doc.format === 'pdf') expect(doc.pages).toBeGreaterThan(0);
    }
    expect(manifest.generator.name).toBe('delib');
    expect(manifest.source).toEqual({
      file: `${name}.yaml`,
      sha256: sha(readFileSync(join(ROOT, 'fixtures', `${name}.yaml`))),
    });
    expect(leftovers(out)).toEqual([]);
  });

  it('builds a note in both formats for every point, and a dossier', () => {
    const notes = manifest.documents.filter((d) => d.kind === 'note');
    expect(notes.length).toBeGreaterThanOrEqual(minPoints * 2);
    expect(new Set(notes.map((d) => d.format))).toEqual(new Set(['pdf', 'docx']));
    expect(manifest.documents.filter((d) => d.kind === 'dossier')).toHaveLength(1);
    expect(manifest.documents.filter((d) => d.kind === 'ordre-du-jour')).toHaveLength(2);
  });

  it('makes a dossier with one bookmark per point and the pages of its parts', async () => {
    const dossier = manifest.documents.find((d) => d.kind === 'dossier');
    if (!dossier) throw new Error('no dossier');
    const pdf = await readPdfOutline(readFileSync(join(out, dossier.path)));
    const points = [...new Set(manifest.documents.filter((d) => d.point !== null).map((d) => d.point))];
    const titles = pdf.outline.map((o) => o.title);
    expect(titles.slice(0, 2)).toEqual(['Convocation', 'Ordre du jour']);
    expect(titles.filter((t) => t.startsWith('Point n'))).toHaveLength(points.length);
    // The registry says which kinds go into the dossier.
    const parts = manifest.documents.filter(
      (d) =>
        d.format === 'pdf' &&
        d.kind !== 'dossier' &&
        d.kind !== 'annexe' &&
        kindSpec(d.kind).dossier !== null,
    );
    expect(pdf.pageCount).toBe(parts.reduce((sum, d) => sum + (d.pages ?? 0), 0));
    expect(dossier.pages).toBe(pdf.pageCount);
  });

  // One fixture is built again by a real second process (the installed entry point, in another
  // time zone); the other again in this process: same bytes either way.
  const crossProcess = name === 'conseil-2024-06-27';
  it(`gives byte-identical files and manifest ${crossProcess ? 'in a second process, another time zone' : 'when built again'}, with SOURCE_DATE_EPOCH`, async () => {
    const again = join(work, `${name}-again`);
    const args = ['build', `fixtures/${name}.yaml`, '-o', again, '--quiet'];
    const second = crossProcess
      ? await spawnDelib(args, { env: { SOURCE_DATE_EPOCH: EPOCH, TZ: 'America/Los_Angeles' } })
      : await delib(args, { SOURCE_DATE_EPOCH: EPOCH });
    expect(second.code, second.stderr).toBe(0);
    expect(filesOf(again)).toEqual(filesOf(out));
    for (const file of filesOf(out)) {
      expect(sha(readFileSync(join(again, file))), file).toBe(sha(readFileSync(join(out, file))));
    }
  });
});

describe('delib build options', () => {
  it('restricts the documents with --points and --formats', async () => {
    const out = join(work, 'restricted');
    const result = await delib([
      'build',
      'fixtures/conseil-2024-06-27.yaml',
      '-o',
      out,
      '-q',
      '--points',
      '2',
      '-f',
      'pdf',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = manifestOf(out);
    expect(new Set(manifest.documents.map((d) => d.format))).toEqual(new Set(['pdf']));
    expect(new Set(manifest.documents.map((d) => d.point))).toEqual(new Set([null, 2]));
  });

  // One thread against two: test/logo-reproducible.test.ts, on this séance with a logo (every file
  // hashed), the suite's one build with a worker thread (loading one from the sources costs seconds).

  it('rejects a bad command line with exit 2', async () => {
    for (const args of [
      ['build'],
      ['build', 'fixtures/sceaux-2023-03-23.yaml', '--formats', 'odt'],
      ['build', 'fixtures/sceaux-2023-03-23.yaml', '--points', 'trois'],
      ['build', 'fixtures/sceaux-2023-03-23.yaml', '--points', '42'],
      ['build', 'fixtures/sceaux-2023-03-23.yaml', '--polices-docx', 'toutes'],
    ]) {
      const result = await delib(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('atomic output', () => {
  function copyFixture(name: string): string {
    const dir = mkdtempSync(join(work, 'fixture-'));
    cpSync(join(ROOT, 'fixtures'), dir, { recursive: true });
    return join(dir, `${name}.yaml`);
  }

  it('leaves the previous bundle intact when a template fails halfway, and writes nothing', async () => {
    const out = join(work, 'atomic-template');
    await previousBundle('sceaux-2023-03-23', out);
    const before = Object.fromEntries(filesOf(out).map((f) => [f, sha(readFileSync(join(out, f)))]));
    // The convention comes after the note and the délibération: this fails after those were written.
    const templates = mkdtempSync(join(work, 'templates-'));
    writeFileSync(
      join(templates, 'convention.hbs'),
      '# {{convention.titre}}\n\n{{convention.champ_absent}}\n',
    );
    const failed = await delib(['build', 'fixtures/sceaux-2023-03-23.yaml', '-o', out, '-t', templates]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('template.missing-field');
    expect(failed.stderr).toContain('convention.hbs:3:');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    const after = Object.fromEntries(filesOf(out).map((f) => [f, sha(readFileSync(join(out, f)))]));
    expect(after).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('writes nothing for an invalid séance', async () => {
    const out = join(work, 'invalid-seance');
    const result = await delib([
      'build',
      `fixtures/invalid/${readdirSync(join(ROOT, 'fixtures/invalid')).find((f) => f.endsWith('.yaml'))}`,
      '-o',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder holding files it did not write, unless --force, which keeps them', async () => {
    const out = join(work, 'foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'rapport.odt'), 'à moi');
    const refused = await delib(['build', 'fixtures/sceaux-2023-03-23.yaml', '-o', out, '-q']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('output.foreign-files');
    expect(filesOf(out)).toEqual(['rapport.odt']);
    const forced = await delib(['build', 'fixtures/sceaux-2023-03-23.yaml', '-o', out, '-q', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(filesOf(out)).toContain('rapport.odt');
    expect(readFileSync(join(out, 'rapport.odt'), 'utf8')).toBe('à moi');
  });

  it('survives a kill halfway: previous bundle intact, the next run cleans up', async () => {
    const out = join(work, 'killed');
    const seance = copyFixture('conseil-2024-06-27');
    await previousBundle('conseil-2024-06-27', out);
    const before = Object.fromEntries(filesOf(out).map((f) => [f, sha(readFileSync(join(out, f)))]));
    const child = spawn(process.execPath, [BIN, 'build', seance, '-o', out, '-q', '--force'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    // Kill it once its temporary folder exists, i.e. in the middle of writing.
    await new Promise<void>((done, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (siblings(out).some((f) => f.includes('.delib-tmp-'))) {
          clearInterval(poll);
          child.kill('SIGKILL');
          done();
        } else if (Date.now() - started > 60_000) {
          clearInterval(poll);
          fail(new Error('the build never started writing'));
        }
      }, 5);
    });
    await new Promise((done) => child.on('exit', done));
    const after = Object.fromEntries(filesOf(out).map((f) => [f, sha(readFileSync(join(out, f)))]));
    expect(after).toEqual(before);
    const again = await delib(['build', seance, '-o', out, '-q']);
    expect(again.code, again.stderr).toBe(0);
    expect(leftovers(out)).toEqual([]);
  });

  it('stops cleanly on SIGTERM with exit 143 and no temporary folder', async () => {
    const out = join(work, 'terminated');
    const child = spawn(
      process.execPath,
      [BIN, 'build', 'fixtures/conseil-2024-06-27.yaml', '-o', out, '-q'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (existsSync(work) && readdirSync(work).some((f) => f.startsWith('.terminated.delib-tmp-'))) {
          clearInterval(poll);
          child.kill('SIGTERM');
          done();
        }
      }, 5);
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(143);
    expect(stderr).toContain('interrompue');
    expect(readdirSync(work).filter((f) => f.startsWith('.terminated.'))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
