// Files named by a séance or on the command line, made hostile: broken fonts, huge or sparse
// files, FIFOs, zip bombs, ill-formed styles, links out of their folder. Each is refused with a
// French diagnostic (exit 1, or 2 for a bad command line), without a stack trace, within the
// time and heap bounds of the hostile runs (test/hostile/run.ts), and nothing is written.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { primeCompressed, writeParts } from '../src/render/docx/zip.ts';
import { BASE, edit } from './hostile/base.ts';
import { type CliRun, cli, LIMITS, listing, STACK_FRAME } from './hostile/run.ts';

// Each run within the hostile bounds (30 s of CPU, 1 GB: checked by `cli`); the timeout guards hangs.
vi.setConfig({ testTimeout: LIMITS.hangMilliseconds });

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf');

let root = '';

function expectRefused(run: CliRun, code: string, exit = 1): void {
  expect(run.code, run.stdout + run.stderr).toBe(exit);
  expect(run.stdout + run.stderr).toContain(`[${code}]`);
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stdout + run.stderr).not.toContain('Erreur interne');
}

/** A séance folder whose four font faces are `face` (written as police.ttf) or the real font. */
function seanceWithFont(name: string, face: (folder: string) => void): string {
  const folder = join(root, name);
  mkdirSync(folder);
  for (const other of ['gras', 'italique', 'gras-italique']) copyFileSync(FONT, join(folder, `${other}.ttf`));
  face(folder);
  const polices =
    '  polices:\n    nom: Ma police\n    normal: police.ttf\n    gras: gras.ttf\n    italique: italique.ttf\n    gras_italique: gras-italique.ttf\n';
  writeFileSync(
    join(folder, 'seance.yaml'),
    edit(BASE, ['  departement: "92"\n', `  departement: "92"\n${polices}`]),
  );
  return folder;
}

/** The real font with the bytes of its `glyf` table replaced by noise. */
function scrambledGlyf(): Buffer {
  const font = Buffer.from(readFileSync(FONT));
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) !== 'glyf') continue;
    const offset = font.readUInt32BE(record + 8);
    const length = font.readUInt32BE(record + 12);
    for (let j = 0; j < length; j++) font[offset + j] = (j * 7919 + 13) & 0xff;
  }
  return font;
}

/** A final deflate block of fixed codes holding only its end code. */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

/** A .docx holding `styles` as word/styles.xml (and what a package needs around it). */
function docxWith(styles: Uint8Array | string): Uint8Array {
  const bytes = typeof styles === 'string' ? new TextEncoder().encode(styles) : styles;
  return zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
    'word/document.xml': new TextEncoder().encode('<w:document><w:body/></w:document>'),
    'word/styles.xml': bytes,
  });
}

/**
 * A .docx whose styles part is `size` zero bytes, a real zip bomb: deflated by native zlib (fflate
 * takes seconds on 200 MB) and handed to delib's own zip writer. Deflating 200 MB takes seconds
 * too; zeros compress to the same bytes MiB after MiB, so one fully flushed MiB (its own
 * dictionary, ending on a byte boundary) is repeated, then closed by an empty final block: the
 * stream inflates to the same 200 MB and is as small (≈ 1 KB a MiB).
 */
function bombDocx(size: number): Uint8Array {
  const MIB = 1024 * 1024;
  if (size % MIB !== 0) throw new Error('bombDocx: a whole number of MiB');
  const zeros = new Uint8Array(size);
  const flushed = deflateRawSync(zeros.subarray(0, MIB), { finishFlush: constants.Z_FULL_FLUSH });
  const deflated = Buffer.concat([...Array.from({ length: size / MIB }, () => flushed), FINAL_EMPTY_BLOCK]);
  primeCompressed(zeros, { data: deflated, crc: crc32(zeros) });
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const parts = new Map([
    ['[Content_Types].xml', utf8('<?xml version="1.0"?><Types/>')],
    ['word/document.xml', utf8('<w:document><w:body/></w:document>')],
    ['word/styles.xml', zeros],
  ]);
  return writeParts(parts, new Date(Date.UTC(1980, 0, 1)));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'delib-untrusted-'));
  mkdirSync(join(root, 'base'));
  writeFileSync(join(root, 'base', 'seance.yaml'), BASE);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fonts of the collectivité', () => {
  const cases: readonly (readonly [string, (folder: string) => void, string])[] = [
    [
      'cut in half',
      (f) => writeFileSync(join(f, 'police.ttf'), readFileSync(FONT).subarray(0, 150_000)),
      'abîmé',
    ],
    ['with a scrambled glyf table', (f) => writeFileSync(join(f, 'police.ttf'), scrambledGlyf()), 'abîmé'],
    [
      'a WOFF2 renamed .ttf',
      (f) =>
        writeFileSync(
          join(f, 'police.ttf'),
          Buffer.concat([Buffer.from('wOF2'), readFileSync(FONT).subarray(4)]),
        ),
      'WOFF2',
    ],
    [
      'a sparse 2 GB file',
      (f) => {
        writeFileSync(join(f, 'police.ttf'), '');
        truncateSync(join(f, 'police.ttf'), 2 * 1024 ** 3);
      },
      'au-delà de la limite',
    ],
    ['a FIFO', (f) => execFileSync('mkfifo', [join(f, 'police.ttf')]), 'tube nommé'],
  ];
  it.each(cases)('refuses a font %s at validation, and build writes nothing', async (name, face, message) => {
    const folder = seanceWithFont(name.replace(/\W+/g, '-'), face);
    const before = listing(folder);
    const validated = await cli(['validate', 'seance.yaml'], folder);
    expect(validated.code, validated.stdout).toBe(1);
    expect(validated.stdout).toContain(message);
    // Placed on `normal: police.ttf` (line 10 once `polices` is inserted after line 7).
    expect(validated.stdout).toMatch(/seance\.yaml:10:13 {2}erreur/);
    const built = await cli(['build', 'seance.yaml', '-o', 'sortie', '-q', '-j', '1'], folder);
    expectRefused(
      built,
      name === 'a sparse 2 GB file'
        ? 'file.too-large'
        : name === 'a FIFO'
          ? 'file.unreadable'
          : 'rule.file-missing',
    );
    expect(listing(folder)).toEqual(before);
  });
});

describe('files named on the command line', () => {
  const build = (args: readonly string[]) =>
    cli(['build', 'seance.yaml', '-o', 'sortie', '-q', '-j', '1', '-f', 'docx', ...args], join(root, 'base'));

  it('refuses --points 99999999999999999999 as a bad command line instead of looping', async () => {
    const run = await build(['--points', '99999999999999999999']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Numéro de point trop grand');
  });

  it('refuses a template that is a FIFO instead of waiting forever', async () => {
    mkdirSync(join(root, 'modeles-fifo'));
    execFileSync('mkfifo', [join(root, 'modeles-fifo', 'deliberation.hbs')]);
    const run = await build(['-t', join(root, 'modeles-fifo')]);
    expectRefused(run, 'file.unreadable');
    expect(run.stderr).toContain('tube nommé');
  });

  it('refuses a reference DOCX that is a FIFO', async () => {
    execFileSync('mkfifo', [join(root, 'reference.docx')]);
    const run = await build(['--reference-docx', join(root, 'reference.docx')]);
    expectRefused(run, 'file.unreadable');
    expect(run.stderr).toContain('tube nommé');
  });

  const references: readonly (readonly [string, () => Uint8Array, string])[] = [
    ['a zip bomb (200 MB of styles in 200 KB)', () => bombDocx(200 * 1024 * 1024), 'une fois décompressée'],
    [
      'tens of thousands of unclosed styles',
      () => docxWith(`<w:styles>${'<w:style w:styleId="a">'.repeat(50_000)}</w:styles>`),
      'mal formée',
    ],
    [
      'tens of thousands of unclosed elements in one style',
      () => docxWith(`<w:styles><w:style w:styleId="a">${'<w:rPr>'.repeat(50_000)}</w:style></w:styles>`),
      'mal formée',
    ],
  ];
  it.each(references)(
    'refuses a reference DOCX with %s, in bounded time and memory',
    async (name, make, message) => {
      const file = join(root, `${name.replace(/\W+/g, '-')}.docx`);
      writeFileSync(file, make());
      const before = listing(join(root, 'base'));
      const run = await build(['--reference-docx', file]);
      expectRefused(run, 'docx.reference');
      expect(run.stderr).toContain(message);
      expect(listing(join(root, 'base'))).toEqual(before);
    },
  );

  it('names a text file given as reference DOCX for what it is', async () => {
    const file = join(root, 'texte.docx');
    writeFileSync(file, 'ceci n’est pas un document Word');
    const run = await build(['--reference-docx', file]);
    expectRefused(run, 'reference.not-docx');
  });
});

describe('links out of the séance folder', () => {
  it('say the same thing whatever lies outside: nothing about the outside file leaks', async () => {
    const messages: string[] = [];
    for (const [name, target] of [
      ['passwd', '/etc/passwd'],
      ['absent', '/nulle-part/absent.yaml'],
      ['dossier', '/etc'],
    ] as const) {
      const folder = join(root, `lien-${name}`);
      mkdirSync(join(folder, 'points'), { recursive: true });
      symlinkSync(target, join(folder, 'points', 'p.yaml'));
      writeFileSync(join(folder, 'seance.yaml'), `${BASE}  - inclure: points/p.yaml\n`);
      const run = await cli(['validate', 'seance.yaml'], folder);
      expect(run.code).toBe(1);
      messages.push(run.stdout.replaceAll(folder, ''));
    }
    expect(messages[0]).toContain('[file.outside-folder]');
    expect(messages[0]).not.toMatch(/octets|UTF|introuvable|dossier, pas/);
    expect(new Set(messages).size).toBe(1);
  });
});
