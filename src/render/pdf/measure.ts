/**
 * Layout measuring: string widths in a face and size, and the vertical metrics of a line.
 * Everything that decides where text goes asks this module, so drawing and measuring agree.
 *
 * @example
 * const m = pdfMeasurer(doc);
 * m.width('Bonjour', 'bold', 11) // 38.9…
 */
import { perObject } from '../../per-object.ts';
import type { PdfDoc } from './pdfkit.ts';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The name a face is registered under in a pdfkit document. */
export function fontName(face: Face): string {
  return `delib-${face}`;
}

export function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export interface Measurer {
  width(text: string, face: Face, size: number): number;
}

/** pdfkit's EmbeddedFont: the width of a text at 1 000 units per em, and its fontkit face. */
interface EmbeddedFont {
  readonly font: object;
  layout(text: string, features: undefined, onlyWidth: true): { readonly advanceWidth: number };
}

/** Advance widths of measured texts by fontkit face (at most 200 000 distinct texts a face). */
const advanceCache = perObject<object, string, number>(200_000);

/**
 * Widths measured by pdfkit itself (same fonts, same layout cache as the drawing), each text's
 * advance kept per face: the line breaker asks the same words again and again. The result is
 * computed as `doc.widthOfString` does (same operations, same order: same bits). Each face is
 * selected in the document on its first measurement, as before, so fonts keep their ids.
 */
export function pdfMeasurer(doc: PdfDoc): Measurer {
  const faces = new Map<Face, EmbeddedFont>();
  return {
    width(text, face, size) {
      if (text === '') return 0;
      let font = faces.get(face);
      if (!font) {
        font = (doc.font(fontName(face)) as unknown as { _font: EmbeddedFont })._font;
        faces.set(face, font);
      }
      const cache = advanceCache(font.font);
      let advance = cache.get(text);
      if (advance === undefined) {
        advance = font.layout(text, undefined, true).advanceWidth;
        cache.set(text, advance);
      }
      return ((advance * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
    },
  };
}

/** Height of a line of text of `size` with a line-height factor. */
export function lineHeight(size: number, factor: number): number {
  return size * factor;
}

/** Distance from a line's top to its baseline: the extra leading split above and below the em box. */
export function baselineOffset(size: number, factor: number): number {
  return (size * (factor - 1)) / 2 + size * 0.86;
}
