/**
 * Embedding the family in a DOCX cheaply. The docx library embeds fonts by obfuscating and
 * deflating them in every package (1.2 MB of TTF for Source Sans 3, ≈ 0.7 s a document). Instead,
 * one small package with the fonts is made once per process; its font table, font relationships
 * and obfuscated font parts are then spliced into each document's package, and the zip writer
 * reuses their compressed bytes.
 *
 * By default (`subset`) each face is cut down to what a clerk types (DOCX_CHARACTERS) plus the
 * other characters of the séance (or of the document alone): ≈ 15 KB a face instead of ≈ 135 KB.
 * The fonts are not marked `w:subsetted` — LibreOffice would then use them for display only, not
 * for editing — since they hold every character of French and of the keyboard, not only those of
 * the document. LibreOffice keeps the first embedded font of a name for its whole session: the
 * documents of one séance therefore share one subset.
 *
 * @example
 * const parts = readParts(bytes); await embedFonts(parts); // parts now carry word/fonts/font1.odttf…
 */
import { Document } from 'docx';
import { defaultFontFiles, type FontFiles } from '../font-files.ts';
import { makePartsReproducible } from './determinism.ts';
import { DOCX_CHARACTERS, subsetFont } from './font-subset.ts';
import { embeddedFonts, fontFilesKey } from './fonts.ts';
import { documentParts } from './package-parts.ts';
import { type FontPackageParts, prebuiltFontPackage } from './prebuilt-fonts.ts';
import { type Parts, setText, text } from './zip.ts';

const FONT_TABLE = 'word/fontTable.xml';
const FONT_RELS = 'word/_rels/fontTable.xml.rels';
const SETTINGS = 'word/settings.xml';
const EMBED = '<w:embedTrueTypeFonts/>';

/** Obfuscated font parts are the same objects every time (the zip writer caches their deflate). */
type FontPackage = FontPackageParts;

/** How fonts are embedded: cut down to the characters a clerk types, or whole. */
export type FontEmbedding = 'subset' | 'full';

const cache = new Map<string, Promise<FontPackage>>();
/** Bound on the packages kept (one per family and set of characters outside DOCX_CHARACTERS). */
const CACHE_LIMIT = 32;
const FACES = ['data', 'bold', 'italic', 'boldItalic'] as const;

async function makeFontPackage(
  files: FontFiles,
  characters: readonly number[] | undefined,
): Promise<FontPackage> {
  const fonts = embeddedFonts(files);
  const faces = characters
    ? await Promise.all(
        fonts.map(async (font) => {
          const subsets = await Promise.all(
            FACES.map(async (face) => {
              const data = font[face];
              return data === undefined ? undefined : ((await subsetFont(data, characters)) ?? data);
            }),
          );
          return {
            ...font,
            ...Object.fromEntries(FACES.map((face, i) => [face, subsets[i]])),
          } as typeof font;
        }),
      )
    : fonts;
  const document = new Document({ fonts: faces, sections: [{ children: [] }] });
  // Uncompressed parts: the fonts are deflated once, by the zip writer, which then keeps them.
  const parts = makePartsReproducible(documentParts(document), new Date(0));
  const fontTable = text(parts, FONT_TABLE);
  const fontRels = text(parts, FONT_RELS);
  if (fontTable === undefined || fontRels === undefined) {
    throw new Error('docx did not embed the fonts');
  }
  return {
    fontTable,
    fontRels,
    fonts: new Map([...parts].filter(([name]) => name.startsWith('word/fonts/'))),
  };
}

const BASE = new Set(DOCX_CHARACTERS);

/** Characters of `texts` beyond DOCX_CHARACTERS, in code point order. */
export function charactersBeyondBase(texts: Iterable<string>): number[] {
  const found = new Set<number>();
  for (const value of texts) {
    for (const c of value) {
      const code = c.codePointAt(0) ?? 0;
      if (code > 0x7e && !BASE.has(code)) found.add(code);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function* textParts(parts: Parts): Generator<string> {
  for (const name of parts.keys()) {
    if (/^word\/[^/]+\.xml$/.test(name) && name !== FONT_TABLE) yield text(parts, name) ?? '';
  }
}

/** The parts to splice, made once per process (and thread), family and characters. */
export function fontPackage(
  files: FontFiles = defaultFontFiles(),
  characters?: readonly number[],
): Promise<FontPackage> {
  const key = `${fontFilesKey(files)}${characters ? String.fromCodePoint(0, ...characters) : ''}`;
  let pkg = cache.get(key);
  if (pkg === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const prebuilt = characters === undefined ? undefined : prebuiltFontPackage(files, characters);
    pkg = prebuilt ? Promise.resolve(prebuilt) : makeFontPackage(files, characters);
    cache.set(key, pkg);
  }
  return pkg;
}

/**
 * Splices the embedded fonts into a package made without them. A subset holds DOCX_CHARACTERS
 * and `beyond` (default: the other characters of the package's own text).
 */
export async function embedFonts(
  parts: Parts,
  files: FontFiles = defaultFontFiles(),
  embedding: FontEmbedding = 'subset',
  beyond?: readonly number[],
): Promise<void> {
  const pkg = await fontPackage(
    files,
    embedding === 'subset'
      ? [...DOCX_CHARACTERS, ...(beyond ?? charactersBeyondBase(textParts(parts)))]
      : undefined,
  );
  setText(parts, FONT_TABLE, pkg.fontTable);
  setText(parts, FONT_RELS, pkg.fontRels);
  for (const [name, data] of pkg.fonts) parts.set(name, data);
  const settings = text(parts, SETTINGS);
  if (settings !== undefined && !settings.includes(EMBED)) {
    // embedTrueTypeFonts comes right after displayBackgroundShape in CT_Settings' sequence.
    setText(
      parts,
      SETTINGS,
      settings.includes('<w:displayBackgroundShape/>')
        ? settings.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${EMBED}`)
        : settings.replace(/(<w:settings\b[^>]*>)/, `$1${EMBED}`),
    );
  }
}
