/**
 * Draws laid-out lines: one text call per piece at its exact position, a trailing space kept in
 * the text so that extracted text has its spaces, links underlined and clickable.
 *
 * @example
 * drawLine(doc, line, 70.9, 120.5);
 */
import { drawRun } from './draw-run.ts';
import type { Line } from './line-break.ts';
import { fontName } from './measure.ts';
import type { PdfDoc } from './pdfkit.ts';

export const TEXT_COLOR = '#000000';
export const LINK_COLOR = '#1F4E9A';

/** Draws one line whose left edge is `x` and whose baseline is `baseline`. */
export function drawLine(doc: PdfDoc, line: Line, x: number, baseline: number): void {
  for (const piece of line.pieces) {
    const left = x + piece.x;
    const y = baseline - piece.rise;
    doc
      .font(fontName(piece.face))
      .fontSize(piece.size)
      .fillColor(piece.link ? LINK_COLOR : TEXT_COLOR);
    drawRun(doc, piece.space ? `${piece.text} ` : piece.text, left, y);
    if (piece.link) {
      const underline = y + piece.size * 0.12;
      doc
        .save()
        .lineWidth(piece.size * 0.05)
        .strokeColor(LINK_COLOR)
        .moveTo(left, underline)
        .lineTo(left + piece.width, underline)
        .stroke()
        .restore();
      doc.link(left, y - piece.size * 0.9, piece.width, piece.size * 1.15, piece.link);
    }
  }
  doc.fillColor(TEXT_COLOR);
}
