// Bundles with a logo of every kind have the same bytes in every file from run to run: for each
// kind, two builds at once in this process, of the séance-wide documents and one point: every
// document of a point draws the same header, more points would only repeat it (the dossier copies
// the pages of the written PDFs, logo included). With one kind, the whole séance also with
// --jobs 2 (documents rendered on a worker thread, which starts from fresh module state: the
// docx library numbered drawings with a per-thread counter; this test fails without the fixed
// drawing id of src/render/docx/header-footer.ts). A build draws one logo per pdfkit document:
// the image cache and decoding order of src/render/pdf/pdfkit.ts are tested on pdfkit dossiers
// in test/logo-dossier.test.ts.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, runDelib } from './support/cli.ts';
import { jpegLogo, pngLogo } from './support/logos.ts';
import { readPdfOutline } from './support/pdf.ts';

const EPOCH = '1679529600';
const work = mkdtempSync(join(tmpdir(), 'delib-logo-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((file) => [file, sha(readFileSync(join(dir, file)))]),
  );
}

/** A séance of several points (the dossier has many first pages) with `logo` as its logo. */
function seanceWith(name: string, logo: Buffer, extension: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'fixtures/points'), join(dir, 'points'), { recursive: true });
  cpSync(join(ROOT, 'schema/seance.schema.json'), join(dir, 'seance.schema.json'));
  writeFileSync(join(dir, `logo.${extension}`), logo);
  const yaml = readFileSync(join(ROOT, 'fixtures/conseil-2024-06-27.yaml'), 'utf8').replace(
    /^ {2}departement: "99"$/m,
    `  departement: "99"\n  logo: logo.${extension}`,
  );
  writeFileSync(join(dir, 'seance.yaml'), yaml);
  return dir;
}

/** The build's files and their hashes, after checking it exited 0 and made a dossier. */
function built(result: CliResult, dir: string): Record<string, string> {
  expect(result.code, result.stderr).toBe(0);
  const files = hashes(dir);
  expect(Object.keys(files)).toContain('dossier-de-seance.pdf');
  return files;
}

// DELIB_PARALLEL_FROM=1: --jobs 2 starts a worker even for this séance of fewer than 40 documents.
const build = (dir: string, out: string, ...args: string[]) =>
  runDelib(['build', 'seance.yaml', '-o', out, '-q', ...args], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: EPOCH, DELIB_PARALLEL_FROM: '1' },
  });

describe.each([
  ['RGBA 8-bit', pngLogo({ colorType: 6, bitDepth: 8 }), 'png'],
  ['RGBA 16-bit', pngLogo({ colorType: 6, bitDepth: 16 }), 'png'],
  ['interlaced RGBA', pngLogo({ colorType: 6, bitDepth: 8, interlaced: true }), 'png'],
  ['interlaced RGB', pngLogo({ colorType: 2, bitDepth: 8, interlaced: true }), 'png'],
  ['interlaced 16-bit grey + alpha', pngLogo({ colorType: 4, bitDepth: 16, interlaced: true }), 'png'],
  ['palette + tRNS', pngLogo({ colorType: 3, bitDepth: 8 }), 'png'],
  ['JPEG', jpegLogo(), 'jpg'],
] as const)('a bundle with a %s logo', (kind, logo, extension) => {
  it('has the same bytes in every file in two runs at once', async () => {
    const dir = seanceWith(kind.replace(/\W+/g, '-'), logo, extension);
    const onePoint = ['--jobs', '1', '--points', '1'];
    const [a, b] = await Promise.all([build(dir, 'a', ...onePoint), build(dir, 'b', ...onePoint)]);
    expect(built(b!, join(dir, 'b'))).toEqual(built(a!, join(dir, 'a')));

    // Each PDF embeds the logo once (with its soft mask when it has transparency).
    const note = readFileSync(join(dir, 'a', 'point-01-note.pdf')).toString('latin1');
    const images = note.match(/\/Subtype \/Image\b/g)?.length;
    expect(images).toBe(/\/SMask \d+ 0 R/.test(note) ? 2 : 1);
    const pdf = await readPdfOutline(readFileSync(join(dir, 'a', 'dossier-de-seance.pdf')));
    expect(pdf.outline.map((o) => o.title)).toEqual([
      'Convocation',
      'Ordre du jour',
      expect.stringMatching(/^Point n/),
    ]);
  }, 120_000);
});

// The one test of the suite that renders on two threads (test/build.test.ts relies on it): a worker
// started from the TypeScript sources costs seconds of loading. Another process and time zone are
// in test/build.test.ts (the same bytes for the same séance, its files hashed the same way).
it('a bundle with an RGBA logo has the same bytes with --jobs 1 and --jobs 2', async () => {
  const dir = seanceWith('across', pngLogo({ colorType: 6, bitDepth: 16, interlaced: true }), 'png');
  const [one, two] = await Promise.all([
    build(dir, 'jobs-1', '--jobs', '1'),
    build(dir, 'jobs-2', '--jobs', '2'),
  ]);
  expect(built(two!, join(dir, 'jobs-2'))).toEqual(built(one!, join(dir, 'jobs-1')));
}, 120_000);
