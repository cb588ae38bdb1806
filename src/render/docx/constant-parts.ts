/**
 * The parts of a DOCX package that do not depend on the document (styles, theme, settings, font
 * table before embedding): docx builds and formats them for every package, about as long as the
 * document's own text takes. Here they are formatted and deflated once per process and options,
 * and their bytes reused by every later package: the same bytes as formatting them again.
 *
 * @example
 * const parts = partsWithConstants(key, (known) => new Document({ styles: known ? {} : styles, … }));
 */
import type { Document } from 'docx';
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

/**
 * The parts of the Document `make` builds, whose constant parts depend on nothing but `key`.
 * The first time for a key, docx formats them and their bytes are kept; afterwards `make` is told
 * they are known (it may then leave out the styles, which nothing else reads) and they are reused.
 */
export function partsWithConstants(key: string, make: (constantsKnown: boolean) => Document): Parts {
  const bytes = known.get(key);
  if (bytes === undefined) {
    const parts = documentParts(make(false));
    const kept = new Map<string, Uint8Array>();
    for (const [name] of CONSTANT) {
      const data = parts.get(name);
      if (data === undefined) continue;
      // Deflated once too: the zip writer finds these very arrays again in every package.
      primeCompressed(data, compressedPart(data));
      kept.set(name, data);
    }
    known.set(key, kept);
    return parts;
  }
  const document = make(true);
  const parts = documentParts(document, new Set(CONSTANT.map(([, of]) => of(document))));
  for (const [name, data] of bytes) parts.set(name, data);
  return parts;
}

/** Forgets the kept parts (tests compare a package made with them to one docx formats whole). */
export function forgetConstantParts(): void {
  known.clear();
}
