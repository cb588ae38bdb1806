/**
 * pdfkit's `doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' })` in one shaping
 * pass. pdfkit's own path shapes every drawn piece three times (`_fragment` measures it, encodes
 * it, then `_line` measures it again to advance `doc.x`) and copies its options twice; delib draws
 * one call per word. This writes the same operators in the same order (`q`, the flip `cm`, `BT`,
 * `Tm`, `Tf`, the `TJ` segments, `ET`, `Q`), records glyphs in the subset, widths and ToUnicode
 * the way pdfkit's `EmbeddedFont.encode` does, and leaves `doc.x`/`doc.y` where pdfkit leaves
 * them: same bytes (pdfkit 0.20; the bundles of the fixtures are compared with `cmp`).
 * `drawRuns` writes the pieces of a line (one a word) in one text object: the same glyphs at the
 * same places, without a `q`/`cm`/`BT`/`Tf`/`ET`/`Q` and a colour for each word.
 *
 * @example
 * doc.font('delib-regular').fontSize(11);
 * drawRun(doc, 'Bonjour ', 70.9, 120.5);
 */
import type { PdfDoc } from './pdfkit.ts';

interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** pdfkit's EmbeddedFont (the only kind delib registers): what its `encode` reads and writes. */
interface EmbeddedFont {
  readonly id: string;
  readonly scale: number;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  layout(
    text: string,
    features?: undefined,
    onlyWidth?: boolean,
  ): { glyphs: Glyph[]; positions: Position[]; advanceWidth: number };
  ref(): unknown;
}

interface DocInternals {
  readonly _font: EmbeddedFont;
  readonly _fontSize: number;
  readonly _textOptions: unknown;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
  x: number;
  y: number;
}

/** pdfkit's `PDFObject.number`: how every coordinate is written. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** Draws `text` (no line break) in the document's current font and size, baseline at `y`. */
export function drawRun(doc: PdfDoc, text: string, x: number, y: number): void {
  const d = doc as unknown as DocInternals;
  // A pending `continued` text would merge its options: pdfkit's own path then.
  if (d._textOptions || text.includes('\n')) {
    doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' });
    return;
  }
  d.x = x;
  d.y = y;
  if (text.length === 0) return;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, d.page.height);
  doc.addContent('BT');
  showRun(doc, text, x, y, undefined);
  doc.addContent('ET');
  doc.restore();
}

/** A piece of text of a line: where its baseline starts, in which registered font and size. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly size: number;
}

/**
 * The pieces of one line in one text object: one `q`/`cm`/`BT` … `ET`/`Q` around them and a `Tf`
 * only where the font or size changes, each piece placed by its own `Tm` at the position
 * `drawRun` gives it (same glyphs, same places), instead of a text object per word (delib draws
 * one piece per word: ≈ 110 bytes of operators each).
 */
export function drawRuns(doc: PdfDoc, runs: readonly TextRun[]): void {
  const d = doc as unknown as DocInternals;
  if (d._textOptions || runs.some((run) => run.text.includes('\n'))) {
    for (const run of runs) drawRun(doc.font(run.font).fontSize(run.size), run.text, run.x, run.y);
    return;
  }
  let open = false;
  let current: string | undefined;
  for (const run of runs) {
    doc.font(run.font).fontSize(run.size);
    d.x = run.x;
    d.y = run.y;
    if (run.text.length === 0) continue;
    if (!open) {
      doc.save();
      doc.transform(1, 0, 0, -1, 0, d.page.height);
      doc.addContent('BT');
      open = true;
    }
    current = showRun(doc, run.text, run.x, run.y, current);
  }
  if (open) {
    doc.addContent('ET');
    doc.restore();
  }
}

/**
 * The operators of one run inside a text object whose matrix flips the page (`Tm`, `Tf` unless
 * `font` already holds, the `TJ` segments); returns the font and size now set.
 */
function showRun(doc: PdfDoc, text: string, x: number, y: number, font: string | undefined): string {
  const d = doc as unknown as DocInternals;
  const face = d._font;
  const size = d._fontSize;
  const { glyphs, positions, advanceWidth } = face.layout(text);
  const top = d.page.height - y - 0;
  if (d.page.fonts[face.id] == null) d.page.fonts[face.id] = face.ref();
  doc.addContent(`1 0 0 1 ${number(x)} ${number(top)} Tm`);
  const set = `/${face.id} ${number(size)} Tf`;
  if (set !== font) doc.addContent(set);
  const encoded: string[] = [];
  for (const glyph of glyphs) {
    const gid = face.subset.includeGlyph(glyph.id);
    encoded.push(`0000${gid.toString(16)}`.slice(-4));
    if (face.widths[gid] == null) face.widths[gid] = glyph.advanceWidth * face.scale;
    if (face.unicode[gid] == null) face.unicode[gid] = glyph.codePoints;
  }
  writeSegments(doc, encoded, positions, x, top, size / 1000);
  // `_line` then advances doc.x by the text's width, as `doc.widthOfString` computes it.
  d.x += ((advanceWidth * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
  return set;
}

/** pdfkit's TJ segments: a new segment after each glyph whose advance differs from its width. */
function writeSegments(
  doc: PdfDoc,
  encoded: readonly string[],
  positions: readonly Position[],
  startX: number,
  y: number,
  scale: number,
): void {
  let x = startX;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const pos = positions[cur - 1] as Position;
      commands.push(`<${hex}> ${number(-(pos.xAdvance - pos.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      doc.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i] as Position;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      doc.addContent(`1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        doc.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
}
