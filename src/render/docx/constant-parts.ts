/**
 * The parts of a DOCX package that do not depend on the document (styles, theme, settings, font
 * table before embedding): docx builds and formats them for every package, about as long as the
 * document's own text takes. Here they are formatted and deflated once per process and options,
 * and their bytes reused by every later package: the same bytes as formatting them again. Those
 * of the default family are formatted at build time too (bin/build-dist.js writes them beside
 * this module): a new process then does not run docx's styles and theme code at all, cold.
 *
 * @example
 * const parts = partsWithConstants(key, (known) => new Document({ styles: known ? {} : styles, … }));
 */
import { writeFileSync } from 'node:fs';
import type { Document } from 'docx';
import { readJsonOnce } from '../read-once.ts';
import { documentParts } from './package-parts.ts';
import { compressedPart, type Parts, primeCompressed } from './zip.ts';

/** Each constant part and the object of docx's Document it is formatted from. */
const CONSTANT: readonly (readonly [string, (document: Document) => object])[] = [
  ['word/styles.xml', (d) => d.Styles],
  ['word/theme/theme1.xml', (d) => d.Theme],
  ['word/settings.xml', (d) => d.Settings],
  ['word/fontTable.xml', (d) => d.FontTable.View],
];

/** Bytes of the constant parts, by the options they come from (styles and settings, as text). */
const known = new Map<string, ReadonlyMap<string, Uint8Array>>();

/** The constant parts formatted at build time: by key, each part's name and UTF-8 text. */
type Stored = readonly { readonly key: string; readonly parts: readonly (readonly [string, string])[] }[];

const FILE = new URL('./default-constant-parts.json', import.meta.url);
/** Where the parts formatted at build time are read from (tests point it elsewhere). */
let prebuiltFile = FILE;

function keep(key: string, parts: ReadonlyMap<string, Uint8Array>): ReadonlyMap<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  for (const [name] of CONSTANT) {
    const data = parts.get(name);
    if (data === undefined) continue;
    // Deflated once too: the zip writer finds these very arrays again in every package.
    primeCompressed(data, compressedPart(data));
    kept.set(name, data);
  }
  known.set(key, kept);
  return kept;
}

/** The parts formatted at build time for `key`, if any (none from the sources). */
function prebuilt(key: string): ReadonlyMap<string, Uint8Array> | undefined {
  const entry = readJsonOnce<Stored>(prebuiltFile)?.find((e) => e.key === key);
  if (entry === undefined) return undefined;
  const encoder = new TextEncoder();
  return keep(key, new Map(entry.parts.map(([name, text]) => [name, encoder.encode(text)])));
}

/**
 * The parts of the Document `make` builds, whose constant parts depend on nothing but `key`.
 * The first time for a key, docx formats them and their bytes are kept; afterwards `make` is told
 * they are known (it may then leave out the styles, which nothing else reads) and they are reused.
 */
export function partsWithConstants(key: string, make: (constantsKnown: boolean) => Document): Parts {
  const bytes = known.get(key) ?? prebuilt(key);
  if (bytes === undefined) {
    const parts = documentParts(make(false));
    keep(key, parts);
    return parts;
  }
  const document = make(true);
  const parts = documentParts(document, new Set(CONSTANT.map(([, of]) => of(document))));
  for (const [name, data] of bytes) parts.set(name, data);
  return parts;
}

/**
 * Forgets the kept parts (tests compare a package made with them to one docx formats whole), and
 * reads those formatted at build time from `prebuiltFrom` afterwards (default: beside this module).
 */
export function forgetConstantParts(prebuiltFrom: URL = FILE): void {
  known.clear();
  prebuiltFile = prebuiltFrom;
}

/**
 * Writes the constant parts formatted so far in this process (bin/build-dist.js renders a package
 * of the default family first) where partsWithConstants finds them in a new process.
 */
export function writePrebuiltConstantParts(file: URL = FILE): void {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const stored: Stored = [...known].map(([key, parts]) => ({
    key,
    parts: [...parts].map(([name, data]) => [name, decoder.decode(data)] as const),
  }));
  writeFileSync(file, `${JSON.stringify(stored)}\n`);
}
