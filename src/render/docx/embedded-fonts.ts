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
import { makePartsReproducible } from './determinism.ts';
import { defaultFamily, embeddedFonts } from './fonts.ts';
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

let cached: Promise<FontPackage> | undefined;

async function makeFontPackage(): Promise<FontPackage> {
  const document = new Document({
    fonts: embeddedFonts(),
    sections: [{ children: [] }],
  });
  // Uncompressed parts: the fonts are deflated once, by the zip writer, which then keeps them.
  const parts = makePartsReproducible(documentParts(document), new Date(0));
  const fontTable = text(parts, FONT_TABLE);
  const fontRels = text(parts, FONT_RELS);
  if (fontTable === undefined || fontRels === undefined || !fontTable.includes(defaultFamily())) {
    throw new Error('docx did not embed the default fonts');
  }
  const fonts = new Map([...parts].filter(([name]) => name.startsWith('word/fonts/')));
  return { fontTable, fontRels, fonts };
}

/** The parts to splice, made once per process (and thread). */
export function fontPackage(): Promise<FontPackage> {
  cached ??= makeFontPackage();
  return cached;
}

/** Splices the embedded fonts into a package made without them. */
export async function embedFonts(parts: Parts): Promise<void> {
  const pkg = await fontPackage();
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
