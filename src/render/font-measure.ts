/**
 * Text widths straight from the parsed faces (fontkit, with loadFonts' glyph fix), for code that
 * measures without a pdfkit document: the DOCX's table columns. pdfkit measures with the same
 * `layout` of the same faces, so both give the same widths (to rounding).
 *
 * @example
 * fontMeasurer(loadFonts()).width('Bonjour', 'bold', 11) // 38.9…
 */

import { perObject } from '../per-object.ts';
import type { FontFiles } from './font-files.ts';
import { type LoadedFonts, loadFonts } from './fonts.ts';
import type { Measurer } from './pdf/measure.ts';

/** Advances (1 000 units an em) by parsed face, shared by every document of the thread. */
const advanceCache = perObject<object, string, number>(200_000);

export function fontMeasurer(fonts: LoadedFonts): Measurer {
  return {
    width(text, face, size) {
      if (text === '') return 0;
      const font = fonts[face];
      const widths = advanceCache(font);
      let advance = widths.get(text);
      if (advance === undefined) {
        advance = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
        widths.set(text, advance);
      }
      return advance * (size / 1000);
    },
  };
}

/** A measurer that parses the faces (once a process, loadFonts) only when it first measures. */
export function lazyFontMeasurer(files?: FontFiles): Measurer {
  let measurer: Measurer | undefined;
  return {
    width(text, face, size) {
      measurer ??= fontMeasurer(files === undefined ? loadFonts() : loadFonts(files));
      return measurer.width(text, face, size);
    },
  };
}
