/**
 * Layout measuring: string widths in a face and size, and the vertical metrics of a line.
 * Everything that decides where text goes asks this module, so drawing and measuring agree.
 *
 * @example
 * const m = pdfMeasurer(doc);
 * m.width('Bonjour', 'bold', 11) // 38.9…
 */
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

/** Widths measured by pdfkit itself (same fonts, same layout cache as the drawing). */
export function pdfMeasurer(doc: PdfDoc): Measurer {
  return {
    width(text, face, size) {
      if (text === '') return 0;
      return doc.font(fontName(face)).fontSize(size).widthOfString(text);
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
