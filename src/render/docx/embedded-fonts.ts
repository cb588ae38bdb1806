/**
 * Embedding the default family in a DOCX cheaply. The docx library embeds fonts by obfuscating and
 * deflating 1.2 MB of TTF in every package (≈ 0.7 s a document). Instead, one small package with
 * the fonts is made once per process; its font table, font relationships and obfuscated font parts
 * are then spliced into each document's package, and the zip writer reuses their compressed bytes.
 *
 * @example
 * const parts = readParts(bytes); embedFonts(parts); // parts now carry word/fonts/font1.odttf…
 */
import { Document } from 'docx';
import { defaultFontFiles, type FontFiles } from '../font-files.ts';
import { makePartsReproducible } from './determinism.ts';
import { embeddedFonts, fontFilesKey } from './fonts.ts';
import { documentParts } from './package-parts.ts';
import { type Parts, setText, text } from './zip.ts';

const FONT_TABLE = 'word/fontTable.xml';
const FONT_RELS = 'word/_rels/fontTable.xml.rels';
const SETTINGS = 'word/settings.xml';
const EMBED = '<w:embedTrueTypeFonts/>';

interface FontPackage {
  readonly fontTable: string;
  readonly fontRels: string;
  /** Obfuscated font parts, the same objects every time (the zip writer caches their deflate). */
  readonly fonts: ReadonlyMap<string, Uint8Array>;
}

const cache = new Map<string, Promise<FontPackage>>();

async function makeFontPackage(files: FontFiles): Promise<FontPackage> {
  const document = new Document({
    fonts: embeddedFonts(files),
    sections: [{ children: [] }],
  });
  // Uncompressed parts: the fonts are deflated once, by the zip writer, which then keeps them.
  const parts = makePartsReproducible(documentParts(document), new Date(0));
  const fontTable = text(parts, FONT_TABLE);
  const fontRels = text(parts, FONT_RELS);
  if (fontTable === undefined || fontRels === undefined) {
    throw new Error('docx did not embed the fonts');
  }
  const fonts = new Map([...parts].filter(([name]) => name.startsWith('word/fonts/')));
  return { fontTable, fontRels, fonts };
}

/** The parts to splice, made once per process (and thread) and family. */
export function fontPackage(files: FontFiles = defaultFontFiles()): Promise<FontPackage> {
  const key = fontFilesKey(files);
  let pkg = cache.get(key);
  if (pkg === undefined) {
    pkg = makeFontPackage(files);
    cache.set(key, pkg);
  }
  return pkg;
}

/** Splices the embedded fonts into a package made without them. */
export async function embedFonts(parts: Parts, files: FontFiles = defaultFontFiles()): Promise<void> {
  const pkg = await fontPackage(files);
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
