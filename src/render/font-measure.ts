/**
 * Text widths straight from the parsed faces (fontkit, with loadFonts' glyph fix), for code that
 * measures without a pdfkit document: the DOCX's table columns. pdfkit measures with the same
 * `layout` of the same faces, so both give the same widths (to rounding).
 *
 * @example
 * fontMeasurer(loadFonts()).width('Bonjour', 'bold', 11) // 38.9…
 */
import type { FontFiles } from './font-files.ts';
import { type LoadedFonts, loadFonts } from './fonts.ts';
import type { Measurer } from './pdf/measure.ts';

export function fontMeasurer(fonts: LoadedFonts): Measurer {
  const widths = new Map<string, number>();
  return {
    width(text, face, size) {
      if (text === '') return 0;
      const key = `${face}\u0000${text}`;
      let advance = widths.get(key);
      if (advance === undefined) {
        const font = fonts[face];
        advance = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
        widths.set(key, advance);
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
