/**
 * Fonts for the renderers: the four faces of one family, parsed once per process by fontkit, with
 * the glyph fix that keeps hyphens and narrow spaces right in the PDF.
 *
 * Why the fix: Source Sans/Serif (and Tinos, Arimo) draw U+00AD and U+2011 with the glyph of « - »,
 * and fontkit remembers, per glyph, the first character it was used for; pdfkit writes that
 * character in the PDF's ToUnicode map, so after one soft hyphen every later « - » extracts as
 * nothing. The wrapped `layout` drops soft hyphens (the PDF renderer draws « - » itself at a line
 * end), draws U+2011 with « - » and U+00A0 with the space where they share a glyph, and draws a
 * missing U+202F with U+2009 (or a space).
 *
 * Shaping: plain Latin runs (no combining accents, no other script) are shaped by shaping/shaper.ts
 * from tables read once per face (shipped in dist/ for the default family), with the glyphs and
 * positions fontkit's layout gives; everything else goes to fontkit.
 *
 * @example
 * const fonts = loadFonts(); // the default family, parsed once
 * const custom = loadFonts({ family: 'Marianne', regular: '/…/Marianne-Regular.ttf', … });
 */
import * as fontkit from 'fontkit';
import { defaultFontFiles, type FontFace, type FontFiles, fontBytes } from './font-files.ts';
import type { FontTables } from './shaping/opentype.ts';
import { shapingTablesFor } from './shaping/prebuilt.ts';
import { fastShaper } from './shaping/shaper.ts';

export { missingCharacters } from './missing-characters.ts';

/** One parsed face: a fontkit font whose `layout` carries the glyph fix. */
export type LoadedFont = fontkit.Font;

/** The four faces of a family, ready for `renderPdf({ fonts })`. */
export interface LoadedFonts {
  readonly family: string;
  readonly regular: LoadedFont;
  readonly bold: LoadedFont;
  readonly italic: LoadedFont;
  readonly boldItalic: LoadedFont;
}

const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const cache = new Map<string, LoadedFonts>();

/**
 * Parses the four faces once per process (cached by file paths) and applies the glyph fix.
 * The collectivité's faces come checked by validation (validate/rules/fonts.ts) with their bytes.
 *
 * @example
 * loadFonts() === loadFonts() // true: parsed once
 */
export function loadFonts(files: FontFiles = defaultFontFiles()): LoadedFonts {
  const key = JSON.stringify([files.family, ...FACES.map((face) => files[face])]);
  const cached = cache.get(key);
  if (cached) return cached;
  const [regular, bold, italic, boldItalic] = FACES.map((face) => loadFace(files, face)) as [
    LoadedFont,
    LoadedFont,
    LoadedFont,
    LoadedFont,
  ];
  const loaded: LoadedFonts = { family: files.family, regular, bold, italic, boldItalic };
  cache.set(key, loaded);
  return loaded;
}

/** A face validation accepted, or the default family: anything else is a bug of delib. */
function parse(path: string, data: Buffer): fontkit.Font {
  const font = fontkit.create(data);
  if (!('layout' in font)) throw new Error(`font collection where one font was expected: ${path}`);
  return font;
}

function loadFace(files: FontFiles, face: FontFace): LoadedFont {
  const path = files[face];
  const data = fontBytes(files, face);
  const font = parse(path, data);
  // A second, throw-away instance answers the coverage questions: asking the drawing instance for
  // U+00AD's glyph would fix that glyph's character to U+00AD (the bug this module avoids).
  const probe = parse(path, data);
  const substitute = glyphSubstitutions(probe);
  const layout = font.layout.bind(font);
  // The fast shaper (shaping/) gives fontkit's own runs for plain Latin text; made on first use.
  let shape: ((text: string) => fontkit.GlyphRun | undefined) | null | undefined;
  font.layout = (text, ...rest) => {
    const substituted = substitute(text);
    if (rest.every((arg) => arg === undefined)) {
      if (shape === undefined) {
        const tables = shapingTablesFor(probe as unknown as FontTables, data);
        shape = tables ? fastShaper(font, tables) : null;
      }
      const run = shape?.(substituted);
      if (run) return run;
    }
    return layout(substituted, ...rest);
  };
  return font;
}

/** The character replacements for one face, decided from a probe instance of it. */
function glyphSubstitutions(probe: fontkit.Font): (text: string) => string {
  const id = (cp: number) => (probe.hasGlyphForCodePoint(cp) ? probe.glyphForCodePoint(cp).id : 0);
  const hyphen = id(0x2d);
  const space = id(0x20);
  const replacements = new Map<string, string>([['\u00AD', '']]);
  const nbHyphen = id(0x2011);
  if (nbHyphen === 0 || nbHyphen === hyphen) replacements.set('\u2011', '-');
  const nbsp = id(0xa0);
  if (nbsp === 0 || nbsp === space) replacements.set('\u00A0', ' ');
  const thin = id(0x2009);
  if (thin === 0) replacements.set('\u2009', ' ');
  const narrow = id(0x202f);
  if (narrow === 0 || (narrow === thin && thin !== 0))
    replacements.set('\u202F', thin === 0 ? ' ' : '\u2009');
  const pattern = new RegExp(`[${[...replacements.keys()].join('')}]`, 'gu');
  return (text) => text.replace(pattern, (c) => replacements.get(c) ?? c);
}
