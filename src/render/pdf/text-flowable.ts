/**
 * A flowable of text lines (paragraphs, headings, title lines): splits between lines with at least
 * two lines on each side (no widow, no orphan), marks its content under its structure element.
 *
 * @example
 * const f = textFlowable({ lines, x: 70.9, size: 11, lineHeight: 1.2, spaceBefore: 0, spaceAfter: 8, tag });
 */
import { drawLine } from './draw-text.ts';
import type { DrawContext, Flowable } from './flow.ts';
import type { Line } from './line-break.ts';
import { baselineOffset, lineHeight } from './measure.ts';
import { marked, type Tag } from './tagging.ts';

export interface TextFlowableOptions {
  readonly lines: readonly Line[];
  readonly x: number;
  readonly size: number;
  readonly lineHeight: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly keepWithNext?: boolean;
  /** False for headings and title lines: moved whole, never split. */
  readonly splittable?: boolean;
  readonly tag: Tag | 'artifact';
  /** Called once, when the first line is drawn (bookmarks). */
  readonly onDraw?: (ctx: DrawContext) => void;
  /** Footnotes called in the text, by label: each goes to the page of the line holding its mark. */
  readonly notes?: ReadonlyMap<string, Flowable>;
}

function notesOf(
  lines: readonly Line[],
  notes: ReadonlyMap<string, Flowable> | undefined,
): Flowable[] | undefined {
  if (!notes || notes.size === 0) return undefined;
  const out: Flowable[] = [];
  for (const line of lines)
    for (const piece of line.pieces) {
      const note = piece.note === undefined ? undefined : notes.get(piece.note);
      if (note) out.push(note);
    }
  return out;
}

/** Lines that a paragraph keeps together at a page end or a page top. */
const MIN_LINES = 2;

export function textFlowable(options: TextFlowableOptions): Flowable {
  const step = lineHeight(options.size, options.lineHeight);
  const baseline = baselineOffset(options.size, options.lineHeight);
  const count = options.lines.length;
  const height = count * step;
  const splittable = options.splittable !== false && count >= 2 * MIN_LINES;
  const notes = notesOf(options.lines, options.notes);
  return {
    ...(notes ? { notes } : {}),
    height,
    minHeight: splittable ? MIN_LINES * step : height,
    spaceBefore: options.spaceBefore,
    spaceAfter: options.spaceAfter,
    keepWithNext: options.keepWithNext ?? false,
    firstBaseline: baseline,
    split(available) {
      if (!splittable) return undefined;
      const fit = Math.min(Math.floor((available + 0.01) / step), count - MIN_LINES);
      if (fit < MIN_LINES) return undefined;
      const head = textFlowable({
        ...options,
        lines: options.lines.slice(0, fit),
        spaceAfter: 0,
        splittable: false,
      });
      const { onDraw: _done, ...rest } = options;
      const tail = textFlowable({ ...rest, lines: options.lines.slice(fit), spaceBefore: 0 });
      return [head, tail];
    },
    draw(ctx, y) {
      options.onDraw?.(ctx);
      marked(ctx.doc, options.tag, () => {
        options.lines.forEach((line, i) => {
          drawLine(ctx.doc, line, options.x, y + i * step + baseline);
        });
      });
    },
  };
}
