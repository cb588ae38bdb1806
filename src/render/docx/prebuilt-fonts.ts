/**
 * The default family's DOCX font package (Source Sans 3 cut down to DOCX_CHARACTERS), made once at
 * build time (bin/build-dist.js) and read from dist/ at run time: a séance whose text stays within
 * what a clerk types then needs neither HarfBuzz (a 680 KB WebAssembly module to compile) nor the
 * docx package that carries the fonts, ≈ 0.3 s of this thread and ≈ 0.6 s of V8's background
 * compilers a process (and a worker). The package is recorded with the SHA-256 of the four faces
 * and of the character list it was made for, and used only when both match: the bytes are those
 * HarfBuzz gives at run time. From the sources (no such file) the package is always made.
 *
 * @example
 * const pkg = prebuiltFontPackage(defaultFontFiles(), DOCX_CHARACTERS); // undefined from src/
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { type FontFace, type FontFiles, fontBytes } from '../font-files.ts';
import { readJsonOnce } from '../read-once.ts';
import { type Compressed, compressedPart, primeCompressed } from './zip.ts';

/** What embedded-fonts.ts splices into each package (see FontPackage there). */
export interface FontPackageParts {
  readonly fontTable: string;
  readonly fontRels: string;
  readonly fonts: ReadonlyMap<string, Uint8Array>;
}

interface Stored {
  readonly key: string;
  readonly fontTable: string;
  readonly fontRels: string;
  /** Part name, its deflated bytes (base64, inflated again at run time) and CRC. */
  readonly fonts: readonly { name: string; deflated: string; crc: number }[];
  /** The zlib that deflated them (the zip writer deflates with the running Node's). */
  readonly zlib?: string;
}

const FILE = new URL('./default-font-package.json', import.meta.url);
const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The faces' bytes and the character list, hashed: what the package was made from. */
function packageKey(files: FontFiles, characters: readonly number[]): string {
  const hash = createHash('sha256');
  for (const face of FACES) hash.update(fontBytes(files, face));
  hash.update(String.fromCodePoint(...characters));
  return hash.digest('hex');
}

/**
 * The package made at build time for these faces and characters, or undefined (none written, or
 * made from other bytes). Its font parts come with their deflated bytes for the zip writer.
 */
export function prebuiltFontPackage(
  files: FontFiles,
  characters: readonly number[],
  file: URL = FILE,
): FontPackageParts | undefined {
  const found = readJsonOnce<Stored>(file);
  if (!found || found.key !== packageKey(files, characters)) return undefined;
  const fonts = new Map<string, Uint8Array>();
  for (const font of found.fonts) {
    const deflated = new Uint8Array(Buffer.from(font.deflated, 'base64'));
    // Node's own inflate: fflate's, still cold in a new process, takes ≈ 0.1 s for these 60 KB.
    const data = new Uint8Array(inflateRawSync(deflated));
    // Another zlib may deflate the same bytes otherwise: the zip writer then deflates them itself
    // (once a process), so that a DOCX's bytes depend only on the Node that writes it.
    if (found.zlib === process.versions.zlib) primeCompressed(data, { data: deflated, crc: font.crc });
    fonts.set(font.name, data);
  }
  return { fontTable: found.fontTable, fontRels: found.fontRels, fonts };
}

/** Writes the package made for `files` and `characters` where prebuiltFontPackage reads it. */
export function writePrebuiltFontPackage(
  pkg: FontPackageParts,
  files: FontFiles,
  characters: readonly number[],
  file: URL = FILE,
): void {
  const fonts = [...pkg.fonts].map(([name, data]) => {
    const compressed: Compressed = compressedPart(data);
    return {
      name,
      deflated: Buffer.from(compressed.data).toString('base64'),
      crc: compressed.crc,
    };
  });
  const out: Stored = {
    key: packageKey(files, characters),
    fontTable: pkg.fontTable,
    fontRels: pkg.fontRels,
    fonts,
    zlib: process.versions.zlib,
  };
  writeFileSync(file, `${JSON.stringify(out)}\n`);
}
