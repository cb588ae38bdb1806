/**
 * Draws laid-out lines: each piece at its exact position (one text object for the pieces of a
 * line), a trailing space kept in the text so that extracted text has its spaces, links underlined
 * and clickable.
 *
 * @example
 * drawLine(doc, line, 70.9, 120.5);
 */
import { drawRun, drawRuns, type TextRun } from './draw-run.ts';
import type { Line } from './line-break.ts';
import { fontName } from './measure.ts';
import type { PdfDoc } from './pdfkit.ts';

export const TEXT_COLOR = '#000000';
export const LINK_COLOR = '#1F4E9A';

/**
 * Draws one line whose left edge is `x` and whose baseline is `baseline`: the pieces between links
 * in one text object (drawRuns), a link's piece on its own, in its colour, underlined.
 */
export function drawLine(doc: PdfDoc, line: Line, x: number, baseline: number): void {
  let batch: TextRun[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    doc.fillColor(TEXT_COLOR);
    drawRuns(doc, batch);
    batch = [];
  };
  let linked = false;
  for (const piece of line.pieces) {
    const left = x + piece.x;
    const y = baseline - piece.rise;
    const text = piece.space ? `${piece.text} ` : piece.text;
    if (!piece.link) {
      batch.push({ text, x: left, y, font: fontName(piece.face), size: piece.size });
      continue;
    }
    flush();
    linked = true;
    doc.font(fontName(piece.face)).fontSize(piece.size).fillColor(LINK_COLOR);
    drawRun(doc, text, left, y);
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
  flush();
  if (linked) doc.fillColor(TEXT_COLOR);
}
