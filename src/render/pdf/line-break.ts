/**
 * Line breaking: styled runs → lines of positioned pieces, for one paragraph and one width.
 *
 * Breaks only at plain spaces, soft hyphens (drawn as « - » at the line end), after a hyphen
 * between letters, and at hard breaks; never at U+00A0, U+202F or U+2011. Justified lines stretch
 * only the plain spaces, so French narrow spaces stay narrow.
 *
 * @example
 * const lines = breakLines(runs, { width: 450, size: 11, bold: false, align: 'justify' }, measurer);
 */
import type { Align } from '../theme.ts';
import type { Run, RunStyle } from './inlines.ts';
import { type Face, faceOf, type Measurer } from './measure.ts';

export interface Piece {
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  /** Baseline shift upwards (superscript). */
  readonly rise: number;
  readonly link?: string;
  /** This piece is the mark of the footnote with this label. */
  readonly note?: string;
  readonly width: number;
}

export interface PlacedPiece extends Piece {
  /** Offset from the line's left edge. */
  readonly x: number;
  /** A plain space follows on the same line (drawn so that extracted text keeps it). */
  readonly space: boolean;
}

export interface Line {
  readonly pieces: readonly PlacedPiece[];
}

export interface LineFormat {
  readonly width: number;
  readonly size: number;
  readonly bold: boolean;
  readonly italic?: boolean;
  readonly align: Align;
}

interface Chunk {
  readonly pieces: Piece[];
  /** The « - » drawn when the line breaks after this chunk at a soft hyphen. */
  hyphen?: Piece;
}

interface Word {
  readonly chunks: Chunk[];
  /** Width of the plain space before the word (0 at a paragraph or hard-break start). */
  gap: number;
  /** Hard breaks before this word. */
  newlines: number;
}

type Token =
  | { readonly t: 'text'; readonly text: string; readonly style: RunStyle }
  | { readonly t: 'space'; readonly style: RunStyle }
  | { readonly t: 'soft'; readonly style: RunStyle }
  | { readonly t: 'after-hyphen' }
  | { readonly t: 'newline' };

const LETTER = /\p{L}/u;

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    if (run.kind === 'newline') {
      tokens.push({ t: 'newline' });
      continue;
    }
    const { text, style } = run;
    let buffer = '';
    const flush = () => {
      if (buffer !== '') tokens.push({ t: 'text', text: buffer, style });
      buffer = '';
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        flush();
        tokens.push({ t: 'space', style });
      } else if (ch === '\u00AD') {
        flush();
        tokens.push({ t: 'soft', style });
      } else if (ch === '-' && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '')) {
        buffer += ch;
        flush();
        tokens.push({ t: 'after-hyphen' });
      } else {
        buffer += ch;
      }
    }
    flush();
  }
  return tokens;
}

interface PieceMaker {
  piece(text: string, style: RunStyle): Piece;
  spaceWidth(style: RunStyle): number;
}

function pieceMaker(format: LineFormat, measure: Measurer): PieceMaker {
  const faceFor = (style: RunStyle) =>
    faceOf(format.bold || style.bold, (format.italic ?? false) !== style.italic);
  const sizeFor = (style: RunStyle) => (style.superscript ? format.size * 0.65 : format.size);
  return {
    piece(text, style) {
      const face = faceFor(style);
      const size = sizeFor(style);
      const rise = style.superscript ? format.size * 0.33 : 0;
      const piece: Piece = { text, face, size, rise, width: measure.width(text, face, size) };
      const linked = style.link ? { ...piece, link: style.link } : piece;
      return style.note ? { ...linked, note: style.note } : linked;
    },
    spaceWidth(style) {
      return measure.width(' ', faceFor(style), sizeFor(style));
    },
  };
}

function toWords(tokens: readonly Token[], maker: PieceMaker): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let gap = 0;
  let newlines = 0;
  const lastChunk = (word: Word) => word.chunks[word.chunks.length - 1] as Chunk;
  for (const token of tokens) {
    switch (token.t) {
      case 'text': {
        if (!current) {
          current = { chunks: [{ pieces: [] }], gap, newlines };
          gap = 0;
          newlines = 0;
        }
        lastChunk(current).pieces.push(maker.piece(token.text, token.style));
        break;
      }
      case 'space':
        if (current) words.push(current);
        if (current || (words.length > 0 && newlines === 0)) gap = maker.spaceWidth(token.style);
        current = undefined;
        break;
      case 'soft':
      case 'after-hyphen':
        if (current && lastChunk(current).pieces.length > 0) {
          if (token.t === 'soft') lastChunk(current).hyphen = maker.piece('-', token.style);
          current.chunks.push({ pieces: [] });
        }
        break;
      case 'newline':
        if (current) words.push(current);
        current = undefined;
        gap = 0;
        newlines++;
        break;
    }
  }
  if (current) words.push(current);
  for (const word of words) {
    if (lastChunk(word).pieces.length === 0) word.chunks.pop();
    const last = word.chunks[word.chunks.length - 1];
    if (last) delete last.hyphen;
  }
  return words.filter((word) => word.chunks.length > 0);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const chunkWidth = (chunk: Chunk) => sum(chunk.pieces.map((p) => p.width));

type Item =
  | { readonly kind: 'piece'; readonly piece: Piece }
  | { readonly kind: 'gap'; readonly width: number };

interface OpenLine {
  items: Item[];
  width: number;
}

/** No glyph is narrower than this share of the font size: bounds the characters a line can hold. */
const NARROWEST_EM = 0.05;

/**
 * Splits an over-long chunk by characters so that its first part fits `room` (at least one
 * character). Only the characters that can fit are looked at (binary search on the prefix
 * width), and a long rest is not measured again: the cost per line does not grow with the word,
 * so a 60 000-character word breaks in linear time.
 */
function splitChunk(chunk: Chunk, room: number, measure: Measurer): [Chunk, Chunk] {
  const head: Piece[] = [];
  let used = 0;
  for (let i = 0; i < chunk.pieces.length; i++) {
    const piece = chunk.pieces[i] as Piece;
    if (used + piece.width <= room) {
      head.push(piece);
      used += piece.width;
      continue;
    }
    const most = Math.max(1, Math.ceil((room - used) / (piece.size * NARROWEST_EM)) + 1);
    const window = Array.from(piece.text.slice(0, most * 2)).slice(0, most);
    const widthOf = (n: number) => measure.width(window.slice(0, n).join(''), piece.face, piece.size);
    let lo = 0;
    let hi = window.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (used + widthOf(mid) <= room) lo = mid;
      else hi = mid - 1;
    }
    let n = lo;
    if (n === 0 && head.length === 0) n = 1;
    const headText = window.slice(0, n).join('');
    const restText = piece.text.slice(headText.length);
    const headWidth = measure.width(headText, piece.face, piece.size);
    // A short rest is measured exactly; a long one is only split again, so its width can be
    // derived (the kerning pair at the cut aside).
    const restWidth =
      restText.length <= most * 4
        ? measure.width(restText, piece.face, piece.size)
        : Math.max(0, piece.width - headWidth);
    const tail = [
      ...(restText !== '' ? [{ ...piece, text: restText, width: restWidth }] : []),
      ...chunk.pieces.slice(i + 1),
    ];
    if (n > 0) head.push({ ...piece, text: headText, width: headWidth });
    return [{ pieces: head }, { pieces: tail, ...(chunk.hyphen ? { hyphen: chunk.hyphen } : {}) }];
  }
  return [chunk, { pieces: [] }];
}

/** Breaks runs into lines that fit `format.width`, positioned for `format.align`. */
export function breakLines(runs: readonly Run[], format: LineFormat, measure: Measurer): Line[] {
  const maker = pieceMaker(format, measure);
  const words = toWords(tokenize(runs), maker);
  const lines: Line[] = [];
  let line: OpenLine = { items: [], width: 0 };
  const close = (justify: boolean) => {
    lines.push(place(line.items, format, justify));
    line = { items: [], width: 0 };
  };
  const put = (chunks: readonly Chunk[], gap: number, hyphen?: Piece) => {
    if (line.items.length > 0 && gap > 0) {
      line.items.push({ kind: 'gap', width: gap });
      line.width += gap;
    }
    for (const piece of [...chunks.flatMap((c) => c.pieces), ...(hyphen ? [hyphen] : [])]) {
      line.items.push({ kind: 'piece', piece });
      line.width += piece.width;
    }
  };
  for (const word of words) {
    if (word.newlines > 0 && (line.items.length > 0 || lines.length > 0)) {
      close(false);
      for (let i = 1; i < word.newlines; i++) lines.push({ pieces: [] });
    }
    let chunks = word.chunks;
    let gap = word.gap;
    for (;;) {
      const used = line.items.length > 0 ? line.width + gap : 0;
      if (used + sum(chunks.map(chunkWidth)) <= format.width + 0.01) {
        put(chunks, gap);
        break;
      }
      // The longest prefix of break points that fits, with its hyphen.
      let k = chunks.length - 1;
      let prefixWidth = sum(chunks.slice(0, k).map(chunkWidth));
      while (k > 0) {
        const hyphen = (chunks[k - 1] as Chunk).hyphen;
        if (used + prefixWidth + (hyphen?.width ?? 0) <= format.width + 0.01) break;
        k--;
        prefixWidth -= chunkWidth(chunks[k] as Chunk);
      }
      if (k > 0) {
        put(chunks.slice(0, k), gap, (chunks[k - 1] as Chunk).hyphen);
        close(true);
        chunks = chunks.slice(k);
        gap = 0;
        continue;
      }
      if (line.items.length > 0) {
        close(true);
        gap = 0;
        continue;
      }
      // Alone on its line and still too wide: cut the first chunk by characters.
      const [head, tail] = splitChunk(chunks[0] as Chunk, format.width, measure);
      put([head], 0);
      close(true);
      chunks = tail.pieces.length > 0 ? [tail, ...chunks.slice(1)] : chunks.slice(1);
      if (chunks.length === 0) break;
    }
  }
  if (line.items.length > 0 || lines.length === 0) close(false);
  return lines;
}

function place(items: readonly Item[], format: LineFormat, justify: boolean): Line {
  const natural = sum(items.map((item) => (item.kind === 'gap' ? item.width : item.piece.width)));
  const gaps = items.filter((item) => item.kind === 'gap').length;
  const slack = Math.max(0, format.width - natural);
  let x = 0;
  let extra = 0;
  if (format.align === 'center') x = slack / 2;
  else if (format.align === 'right') x = slack;
  else if (format.align === 'justify' && justify && gaps > 0) extra = slack / gaps;
  const pieces: PlacedPiece[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'gap') {
      x += item.width + extra;
      return;
    }
    pieces.push({ ...item.piece, x, space: items[i + 1]?.kind === 'gap' });
    x += item.piece.width;
  });
  return { pieces };
}
