/**
 * Flowables and the paginator: laid-out blocks that know their height, whether they may be split
 * at a page end and how, and how to draw themselves; the paginator places them page after page.
 *
 * Rules: spaceBefore is dropped at a page top; a block marked keepWithNext moves to the next page
 * unless the start of the following block (its `minHeight`) fits after it; a block that does not
 * fit is split if it can be (paragraphs: at least two lines on each side; tables: between rows),
 * otherwise moved whole to the next page.
 *
 * @example
 * paginate(flowables, frame, ctx);
 */

import type { HeadingLevel } from '../../tree/types.ts';
import type { PdfDoc } from './pdfkit.ts';
import type { SignatureBox } from './types.ts';

/** What a flowable may do while drawing, besides drawing. */
export interface DrawContext {
  readonly doc: PdfDoc;
  /** Zero-based index of the page being drawn. */
  page(): number;
  /** Adds a bookmark for a heading on the current page, under the last one of a lower level. */
  outline(level: HeadingLevel, title: string): void;
  signature(box: Omit<SignatureBox, 'page'>): void;
  /** Records that the heading with this anchor starts on the current page (page-refs.ts). */
  anchor(name: string): void;
}

export interface Flowable {
  /** Height of the drawn content, without the spaces around it. */
  readonly height: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Stay on the same page as the start of the next flowable (headings, title blocks). */
  readonly keepWithNext: boolean;
  /** A heading's level (1 to 6): a heading followed by one of its level or above is empty. */
  readonly headingLevel?: number;
  /** An explicit page break (draws nothing). */
  readonly pageBreak?: boolean;
  /** Height of the smallest first part this flowable can leave at a page end (its whole height if it cannot split). */
  readonly minHeight: number;
  /** Offset of the first baseline from the top, for list labels. */
  readonly firstBaseline: number;
  /** A first part that fits `available` and the rest, or undefined when no allowed split fits. */
  split(available: number): readonly [Flowable, Flowable] | undefined;
  draw(ctx: DrawContext, y: number): void;
  /** For a kept-together group taller than a page: its members, to be laid out one by one. */
  readonly parts?: readonly Flowable[];
  /** Footnotes called in this flowable: drawn at the foot of the page it is placed on. */
  readonly notes?: readonly Flowable[];
}

/** Space between the text and the footnotes of a page, where the separator rule is drawn. */
export const NOTES_GAP = 10;

function notesHeight(notes: readonly Flowable[]): number {
  if (notes.length === 0) return 0;
  let h = NOTES_GAP;
  notes.forEach((n, i) => {
    h += n.height + (i > 0 ? n.spaceBefore : 0);
  });
  return h;
}

/** Draws a page's footnotes above `bottom`, under a short rule. */
function drawNotes(notes: readonly Flowable[], bottom: number, ctx: DrawContext, left: number): void {
  if (notes.length === 0) return;
  let y = bottom - notesHeight(notes);
  ctx.doc
    .save()
    .lineWidth(0.5)
    .moveTo(left, y + NOTES_GAP / 2)
    .lineTo(left + 120, y + NOTES_GAP / 2)
    .stroke()
    .restore();
  y += NOTES_GAP;
  notes.forEach((n, i) => {
    if (i > 0) y += n.spaceBefore;
    n.draw(ctx, y);
    y += n.height;
  });
}

/** The page area the paginator fills. */
export interface Frame {
  /** Top of the content area of the current page. */
  top(): number;
  readonly bottom: number;
  /** Height of the content area of a page without header. */
  readonly fullHeight: number;
  /** Left edge of the text, where footnotes start. */
  readonly left?: number;
  newPage(): void;
}

const EPSILON = 0.01;

/** An empty heading: the next flowable is a heading of its level or above, not its content. */
function emptyHeading(current: Flowable, next: Flowable): boolean {
  return (
    current.headingLevel !== undefined &&
    next.headingLevel !== undefined &&
    next.headingLevel <= current.headingLevel
  );
}

/**
 * Extra height needed after `queue[0]` to honour a chain of keepWithNext. The chain ends at an
 * empty heading (points without text, one heading after the other): it has nothing of its own to
 * keep with, and a run of them taken as one block left half a page blank before it.
 */
function keepExtra(queue: readonly Flowable[]): number {
  let extra = 0;
  for (let i = 0; i + 1 < queue.length; i++) {
    const current = queue[i] as Flowable;
    const next = queue[i + 1] as Flowable;
    if (!current.keepWithNext || next.pageBreak || emptyHeading(current, next)) break;
    extra += current.spaceAfter + next.spaceBefore + (next.keepWithNext ? next.height : next.minHeight);
  }
  return extra;
}

/** Whether the rest of a document, from its first flowable on, fits in `room` (no page break). */
function restFits(queue: readonly Flowable[], firstGap: number, room: number): boolean {
  let total = firstGap;
  for (let i = 0; i < queue.length; i++) {
    const f = queue[i] as Flowable;
    if (f.pageBreak) return false;
    if (i > 0) total += (queue[i - 1] as Flowable).spaceAfter + f.spaceBefore;
    total += f.height;
    // Stops early: the loop reads at most a page's worth of flowables.
    if (total > room + EPSILON) return false;
  }
  return true;
}

export interface PaginateOptions {
  /**
   * Room below the bottom margin that the last page may use when the whole rest of the document
   * fits in it: two lines of a mention never go alone onto a new page.
   */
  readonly absorb?: number;
}

/** Places and draws flowables, adding pages through `frame`. */
export function paginate(
  flowables: readonly Flowable[],
  frame: Frame,
  ctx: DrawContext,
  options: PaginateOptions = {},
): void {
  const queue = [...flowables];
  let y = frame.top();
  let atTop = true;
  let pending = 0;
  let bottom = frame.bottom;
  const absorb = options.absorb ?? 0;
  let pageNotes: Flowable[] = [];
  const flushNotes = () => {
    drawNotes(pageNotes, bottom, ctx, frame.left ?? 0);
    pageNotes = [];
  };
  const newPage = () => {
    flushNotes();
    frame.newPage();
    y = frame.top();
    atTop = true;
    pending = 0;
    bottom = frame.bottom;
  };
  const place = (f: Flowable, gap: number) => {
    if (f.notes) pageNotes.push(...f.notes);
    f.draw(ctx, y + gap);
    y += gap + f.height;
    pending = f.spaceAfter;
    atTop = false;
  };
  while (queue.length > 0) {
    const f = queue[0] as Flowable;
    if (f.pageBreak) {
      queue.shift();
      if (!atTop) newPage();
      continue;
    }
    const gap = atTop ? 0 : pending + f.spaceBefore;
    if (absorb > 0 && bottom === frame.bottom && restFits(queue, gap, frame.bottom + absorb - y))
      bottom = frame.bottom + absorb;
    const reserved = notesHeight(pageNotes);
    const withOwn = notesHeight([...pageNotes, ...(f.notes ?? [])]);
    const available = bottom - y - gap - withOwn;
    let extra = keepExtra(queue);
    if (f.height + extra > frame.fullHeight || atTop)
      extra = Math.min(extra, Math.max(0, available - f.height));
    if (f.height + extra <= available + EPSILON) {
      place(f, gap);
      queue.shift();
      continue;
    }
    if (f.height > available + EPSILON) {
      // Split against the notes already on the page; the head must then fit with its own notes.
      const parts = splitWithNotes(f, bottom - y - gap - reserved, pageNotes);
      if (parts) {
        place(parts[0], gap);
        queue[0] = parts[1];
        newPage();
        continue;
      }
    }
    if (!atTop) {
      newPage();
      continue;
    }
    if (f.parts && f.parts.length > 1) {
      queue.splice(0, 1, ...f.parts);
      continue;
    }
    // Alone on a page and still too tall: draw it anyway (clipped by the page).
    place(f, gap);
    queue.shift();
  }
  flushNotes();
}

/** The largest split of `f` whose head fits `room` together with its own footnotes. */
function splitWithNotes(
  f: Flowable,
  room: number,
  pageNotes: readonly Flowable[],
): readonly [Flowable, Flowable] | undefined {
  const base = notesHeight(pageNotes);
  let target = room;
  for (let tries = 0; tries < 8; tries++) {
    const parts = f.split(target);
    if (!parts) return undefined;
    const own = notesHeight([...pageNotes, ...(parts[0].notes ?? [])]) - base;
    if (parts[0].height + own <= room + EPSILON) return parts;
    target = room - own;
  }
  return undefined;
}

/** A flowable with other spaces around it. */
export function withSpacing(f: Flowable, spacing: { spaceBefore?: number; spaceAfter?: number }): Flowable {
  return {
    ...f,
    spaceBefore: spacing.spaceBefore ?? f.spaceBefore,
    spaceAfter: spacing.spaceAfter ?? f.spaceAfter,
    split(available) {
      const parts = f.split(available);
      if (!parts) return undefined;
      return [
        withSpacing(parts[0], { spaceBefore: spacing.spaceBefore ?? parts[0].spaceBefore }),
        withSpacing(parts[1], { spaceAfter: spacing.spaceAfter ?? parts[1].spaceAfter }),
      ];
    },
  };
}

/** Flowables drawn one under the other, never split across pages. */
export function group(members: readonly Flowable[], keepWithNext = false): Flowable {
  const offsets: number[] = [];
  let height = 0;
  members.forEach((member, i) => {
    if (i > 0) height += (members[i - 1] as Flowable).spaceAfter + member.spaceBefore;
    offsets.push(height);
    height += member.height;
  });
  const first = members[0];
  const last = members[members.length - 1];
  return {
    height,
    minHeight: height,
    spaceBefore: first?.spaceBefore ?? 0,
    spaceAfter: last?.spaceAfter ?? 0,
    keepWithNext: keepWithNext || (last?.keepWithNext ?? false),
    firstBaseline: first?.firstBaseline ?? 0,
    parts: members,
    notes: members.flatMap((m) => m.notes ?? []),
    split: () => undefined,
    draw(ctx, y) {
      members.forEach((member, i) => {
        member.draw(ctx, y + (offsets[i] ?? 0));
      });
    },
  };
}

export const pageBreakFlowable: Flowable = {
  height: 0,
  minHeight: 0,
  spaceBefore: 0,
  spaceAfter: 0,
  keepWithNext: false,
  pageBreak: true,
  firstBaseline: 0,
  split: () => undefined,
  draw: () => undefined,
};
