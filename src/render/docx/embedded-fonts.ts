/**
 * Embedding the family in a DOCX cheaply. The docx library embeds fonts by obfuscating and
 * deflating them in every package (1.2 MB of TTF for Source Sans 3, ≈ 0.7 s a document). Instead,
 * the font table, its relationships and the obfuscated font parts are made once per process (and
 * thread), family and set of characters, here rather than by docx (a whole Document built cold
 * for them was ≈ 60 ms of a thread's first document); they are then spliced into each document's
 * package as the same arrays every time, whose deflated bytes the zip writer keeps.
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

import { strFromU8, strToU8 } from 'fflate';
import { defaultFontFiles, type FontFiles } from '../font-files.ts';
import { obfuscatedFont } from './determinism.ts';
import { DOCX_CHARACTERS, subsetFont } from './font-subset.ts';
import { embeddedFonts, fontFilesKey } from './fonts.ts';
import { type FontPackageParts, prebuiltFontPackage } from './prebuilt-fonts.ts';
import { compressedPart, type Parts, primeCompressed, text } from './zip.ts';

const FONT_TABLE = 'word/fontTable.xml';
const FONT_RELS = 'word/_rels/fontTable.xml.rels';
const SETTINGS = 'word/settings.xml';
const EMBED = '<w:embedTrueTypeFonts/>';

/** How fonts are embedded: cut down to the characters a clerk types, or whole. */
export type FontEmbedding = 'subset' | 'full';

/** A package's parts as embedFonts splices them: UTF-8 arrays whose deflate the zip writer keeps. */
interface Spliced {
  readonly parts: FontPackageParts;
  readonly fontTable: Uint8Array;
  readonly fontRels: Uint8Array;
}

const FACES = [
  ['data', 'embedRegular'],
  ['bold', 'embedBold'],
  ['italic', 'embedItalic'],
  ['boldItalic', 'embedBoldItalic'],
] as const;

/** An attribute value as docx escapes it (characters XML forbids are dropped). */
function attribute(value: string): string {
  const escapes: Record<string, string> = {
    '&': '&amp;',
    '"': '&quot;',
    "'": '&apos;',
    '<': '&lt;',
    '>': '&gt;',
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => escapes[c] ?? '');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MS = 'http://schemas.microsoft.com/office/word';
/** The root of word/fontTable.xml, as docx writes it. */
const FONTS_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ` xmlns:w="${W}" xmlns:w14="${MS}/2010/wordml" xmlns:w15="${MS}/2012/wordml"` +
  ` xmlns:w16cex="${MS}/2018/wordml/cex" xmlns:w16cid="${MS}/2016/wordml/cid"` +
  ` xmlns:w16="${MS}/2018/wordml" xmlns:w16sdtdh="${MS}/2020/wordml/sdtdatahash"` +
  ` xmlns:w16se="${MS}/2015/wordml/symex" mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh">`;
/** docx's signature for an embedded font (Unicode and code page ranges of a Latin text font). */
const SIGNATURE =
  '<w:family w:val="auto"/><w:pitch w:val="variable"/><w:sig w:usb0="E0002AFF" w:usb1="C000247B"' +
  ' w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/>';
const RELS_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const FONT_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/**
 * The font table, its relationships and the obfuscated faces of `files` (each cut down to
 * `characters`, or whole), byte for byte what docx writes for them once re-keyed from the fonts'
 * own bytes (determinism.ts): the `n`th face is word/fonts/font`n`.odttf, relationship rId`n`.
 */
async function makeFontPackage(
  files: FontFiles,
  characters: readonly number[] | undefined,
): Promise<FontPackageParts> {
  const [font] = embeddedFonts(files);
  if (font === undefined) throw new Error('no font to embed');
  const faces = (
    await Promise.all(
      FACES.map(async ([option, element]) => {
        const data = font[option];
        if (data === undefined) return [];
        const plain = characters ? ((await subsetFont(data, characters)) ?? data) : data;
        return [{ element, plain: new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength) }];
      }),
    )
  ).flat();
  const fonts = new Map<string, Uint8Array>();
  let table = `${FONTS_OPEN}<w:font w:name="${attribute(font.name)}">${SIGNATURE}`;
  let rels = RELS_OPEN;
  for (const [i, { element, plain }] of faces.entries()) {
    const { key, data } = obfuscatedFont(plain);
    fonts.set(`word/fonts/font${i + 1}.odttf`, data);
    table += `<w:${element} r:id="rId${i + 1}" w:fontKey="${key}"/>`;
    rels += `<Relationship Id="rId${i + 1}" Type="${FONT_TYPE}" Target="fonts/font${i + 1}.odttf"/>`;
  }
  return { fontTable: `${table}</w:font></w:fonts>`, fontRels: `${rels}</Relationships>`, fonts };
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

const cache = new Map<string, Promise<Spliced>>();
/** Bound on the packages kept (one per family and set of characters outside DOCX_CHARACTERS). */
const CACHE_LIMIT = 32;

/** The package's text parts as UTF-8, deflated once: every document then gets these very arrays. */
function splice(parts: FontPackageParts): Spliced {
  const fontTable = strToU8(parts.fontTable);
  const fontRels = strToU8(parts.fontRels);
  for (const data of [fontTable, fontRels]) primeCompressed(data, compressedPart(data));
  return { parts, fontTable, fontRels };
}

function splicedPackage(files: FontFiles, characters: readonly number[] | undefined): Promise<Spliced> {
  const key = `${fontFilesKey(files)}${characters ? String.fromCodePoint(0, ...characters) : ''}`;
  let pkg = cache.get(key);
  if (pkg === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const prebuilt = characters === undefined ? undefined : prebuiltFontPackage(files, characters);
    pkg = prebuilt ? Promise.resolve(splice(prebuilt)) : makeFontPackage(files, characters).then(splice);
    cache.set(key, pkg);
  }
  return pkg;
}

/** The parts to splice, made once per process (and thread), family and characters. */
export async function fontPackage(
  files: FontFiles = defaultFontFiles(),
  characters?: readonly number[],
): Promise<FontPackageParts> {
  return (await splicedPackage(files, characters)).parts;
}

/**
 * Each settings part read and the same with embedTrueTypeFonts, by the array it came as: the
 * settings are a constant part (constant-parts.ts), the same array for every document of a family.
 */
const settingsWithEmbed = new WeakMap<Uint8Array, Uint8Array>();

function withEmbed(settings: Uint8Array): Uint8Array {
  let out = settingsWithEmbed.get(settings);
  if (out === undefined) {
    const xml = strFromU8(settings);
    out = xml.includes(EMBED)
      ? settings
      : strToU8(
          // embedTrueTypeFonts comes right after displayBackgroundShape in CT_Settings' sequence.
          xml.includes('<w:displayBackgroundShape/>')
            ? xml.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${EMBED}`)
            : xml.replace(/(<w:settings\b[^>]*>)/, `$1${EMBED}`),
        );
    if (out !== settings) primeCompressed(out, compressedPart(out));
    settingsWithEmbed.set(settings, out);
  }
  return out;
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
  const pkg = await splicedPackage(
    files,
    embedding === 'subset'
      ? [...DOCX_CHARACTERS, ...(beyond ?? charactersBeyondBase(textParts(parts)))]
      : undefined,
  );
  parts.set(FONT_TABLE, pkg.fontTable);
  parts.set(FONT_RELS, pkg.fontRels);
  for (const [name, data] of pkg.parts.fonts) parts.set(name, data);
  const settings = parts.get(SETTINGS);
  if (settings !== undefined) parts.set(SETTINGS, withEmbed(settings));
}
