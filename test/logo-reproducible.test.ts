import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runDelib } from './support/cli.ts';
import { jpegLogo, pngLogo } from './support/logos.ts';
import { readPdf } from './support/pdf.ts';

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

describe.each([
  ['RGBA 8-bit', pngLogo({ colorType: 6, bitDepth: 8 }), 'png'],
  ['RGBA 16-bit', pngLogo({ colorType: 6, bitDepth: 16 }), 'png'],
  ['interlaced RGBA', pngLogo({ colorType: 6, bitDepth: 8, interlaced: true }), 'png'],
  ['interlaced RGB', pngLogo({ colorType: 2, bitDepth: 8, interlaced: true }), 'png'],
  ['interlaced 16-bit grey + alpha', pngLogo({ colorType: 4, bitDepth: 16, interlaced: true }), 'png'],
  ['palette + tRNS', pngLogo({ colorType: 3, bitDepth: 8 }), 'png'],
  ['JPEG', jpegLogo(), 'jpg'],
] as const)('a bundle with a %s logo', (kind, logo, extension) => {
  it('has the same bytes in every file in two runs, with --jobs 1 and --jobs 2', async () => {
    const dir = seanceWith(kind.replace(/\W+/g, '-'), logo, extension);
    const runs = ['jobs-1', 'jobs-2'];
    const results = await Promise.all(
      runs.map((out, i) =>
        runDelib(['build', 'seance.yaml', '-o', out, '-q', '--jobs', String(i + 1)], {
          cwd: dir,
          env: { SOURCE_DATE_EPOCH: EPOCH },
        }),
      ),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const [one, two] = runs.map((out) => hashes(join(dir, out)));
    expect(Object.keys(one ?? {})).toContain('dossier-de-seance.pdf');
    expect(two).toEqual(one);

    // Each PDF embeds the logo once (with its soft mask when it has transparency).
    const note = readFileSync(join(dir, 'jobs-1', 'point-01-note.pdf')).toString('latin1');
    const images = note.match(/\/Subtype \/Image\b/g)?.length;
    expect(images).toBe(/\/SMask \d+ 0 R/.test(note) ? 2 : 1);
    const pdf = await readPdf(readFileSync(join(dir, 'jobs-1', 'dossier-de-seance.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(5);
  }, 120_000);
});
