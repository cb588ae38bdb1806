// The paginator on its own: blocks of known heights that record where they are drawn, on a
// 100-unit page, so that every rule of flow.ts (spaces, keep-with-next, splits, page breaks) is
// checked by position without laying out text.
import { describe, expect, it } from 'vitest';
import { type DrawContext, type Flowable, type Frame, group, pageBreakFlowable, paginate } from './flow.ts';
import { createPdfKitDocument } from './pdfkit.ts';

interface Drawn {
  readonly name: string;
  readonly page: number;
  readonly y: number;
}

interface BlockOptions {
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  readonly keepWithNext?: boolean;
  /** A heading of this level (keepWithNext). */
  readonly heading?: number;
  /** Height of each line when the block may split between lines (at least two on each side). */
  readonly line?: number;
}

/** A block `height` tall that writes its name, page and top into `out` when drawn. */
function block(out: Drawn[], name: string, height: number, options: BlockOptions = {}): Flowable {
  const line = options.line;
  return {
    height,
    spaceBefore: options.spaceBefore ?? 0,
    spaceAfter: options.spaceAfter ?? 0,
    keepWithNext: options.keepWithNext ?? options.heading !== undefined,
    ...(options.heading === undefined ? {} : { headingLevel: options.heading }),
    minHeight: line === undefined ? height : 2 * line,
    firstBaseline: 0,
    split(available) {
      if (line === undefined) return undefined;
      const lines = Math.floor(available / line);
      const total = Math.round(height / line);
      if (lines < 2 || total - lines < 2) return undefined;
      return [
        block(out, `${name}/1`, lines * line, { ...options, spaceAfter: 0 }),
        block(out, `${name}/2`, height - lines * line, { ...options, spaceBefore: 0 }),
      ];
    },
    draw(ctx, y) {
      out.push({ name, page: ctx.page(), y });
    },
  };
}

/** Lays out `make(out)` on 100-unit pages and returns what was drawn where, and the page count. */
function layout(make: (out: Drawn[]) => Flowable[]): { drawn: Drawn[]; pages: number } {
  const drawn: Drawn[] = [];
  let page = 0;
  const frame: Frame = { top: () => 0, bottom: 100, fullHeight: 100, newPage: () => void page++ };
  const ctx: DrawContext = {
    doc: createPdfKitDocument({ autoFirstPage: false }),
    page: () => page,
    outline: () => undefined,
    anchor: () => undefined,
    signature: () => undefined,
  };
  paginate(make(drawn), frame, ctx);
  return { drawn, pages: page + 1 };
}

describe('paginate', () => {
  it('stacks blocks with the larger of nothing and spaceAfter + spaceBefore between them', () => {
    const { drawn } = layout((out) => [
      block(out, 'a', 20, { spaceBefore: 5, spaceAfter: 4 }),
      block(out, 'b', 20, { spaceBefore: 6 }),
    ]);
    // The first block's spaceBefore is dropped at the page top.
    expect(drawn).toEqual([
      { name: 'a', page: 0, y: 0 },
      { name: 'b', page: 0, y: 30 },
    ]);
  });

  it('moves a block that does not fit to the next page, without its space before', () => {
    const { drawn, pages } = layout((out) => [block(out, 'a', 70), block(out, 'b', 40, { spaceBefore: 8 })]);
    expect(drawn).toEqual([
      { name: 'a', page: 0, y: 0 },
      { name: 'b', page: 1, y: 0 },
    ]);
    expect(pages).toBe(2);
  });

  it('takes a heading marked keepWithNext to the page of the block that follows it', () => {
    const { drawn } = layout((out) => [
      block(out, 'texte', 75),
      block(out, 'titre', 10, { keepWithNext: true }),
      block(out, 'suite', 30),
    ]);
    expect(drawn.map((d) => [d.name, d.page])).toEqual([
      ['texte', 0],
      ['titre', 1],
      ['suite', 1],
    ]);
  });

  it('does not move a run of empty headings as one block: each stays where it fits', () => {
    // Point headings without text, one after the other, then a point with its text: only the last
    // heading keeps with that text. Taken as one chain they all went to page 2, leaving page 1
    // half blank.
    const { drawn } = layout((out) => [
      block(out, 'texte', 40),
      ...['1', '2', '3', '4', '5'].map((n) => block(out, `point ${n}`, 10, { heading: 1 })),
      block(out, 'point 6', 10, { heading: 1 }),
      block(out, 'texte 6', 30),
    ]);
    expect(drawn.map((d) => [d.name, d.page])).toEqual([
      ['texte', 0],
      ['point 1', 0],
      ['point 2', 0],
      ['point 3', 0],
      ['point 4', 0],
      ['point 5', 0],
      ['point 6', 1],
      ['texte 6', 1],
    ]);
  });

  it('still keeps a heading with its sub-headings and their text (a deeper level is content)', () => {
    const { drawn } = layout((out) => [
      block(out, 'texte', 60),
      block(out, 'TITRE', 10, { heading: 2 }),
      block(out, 'Chapitre', 10, { heading: 3 }),
      block(out, 'Article', 10, { heading: 4 }),
      block(out, 'alinéa', 20),
    ]);
    expect(drawn.map((d) => [d.name, d.page])).toEqual([
      ['texte', 0],
      ['TITRE', 1],
      ['Chapitre', 1],
      ['Article', 1],
      ['alinéa', 1],
    ]);
  });

  it('splits a paragraph between lines, leaving at least two lines on each side', () => {
    const { drawn } = layout((out) => [block(out, 'a', 64), block(out, 'p', 60, { line: 10 })]);
    expect(drawn).toEqual([
      { name: 'a', page: 0, y: 0 },
      { name: 'p/1', page: 0, y: 64 },
      { name: 'p/2', page: 1, y: 0 },
    ]);
    const orphan = layout((out) => [block(out, 'a', 85), block(out, 'p', 60, { line: 10 })]).drawn;
    expect(orphan.map((d) => [d.name, d.page])).toEqual([
      ['a', 0],
      ['p', 1],
    ]);
  });

  it('breaks the page at an explicit break, but never leaves an empty page for it', () => {
    const { drawn, pages } = layout((out) => [
      pageBreakFlowable,
      block(out, 'a', 10),
      pageBreakFlowable,
      pageBreakFlowable,
      block(out, 'b', 10),
    ]);
    expect(drawn.map((d) => [d.name, d.page])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(pages).toBe(2);
  });

  it('keeps a group together, and lays out its members one by one when it is taller than a page', () => {
    const kept = layout((out) => [
      block(out, 'a', 50),
      group([block(out, 'g1', 30), block(out, 'g2', 30)]),
    ]).drawn;
    expect(kept.map((d) => [d.name, d.page, d.y])).toEqual([
      ['a', 0, 0],
      ['g1', 1, 0],
      ['g2', 1, 30],
    ]);
    const tall = layout((out) => [group([block(out, 'g1', 60), block(out, 'g2', 60)])]).drawn;
    expect(tall.map((d) => [d.name, d.page])).toEqual([
      ['g1', 0],
      ['g2', 1],
    ]);
  });

  it('draws a block taller than a page alone on its page rather than looping', () => {
    const { drawn, pages } = layout((out) => [
      block(out, 'a', 10),
      block(out, 'géant', 150),
      block(out, 'b', 10),
    ]);
    expect(drawn.map((d) => [d.name, d.page])).toEqual([
      ['a', 0],
      ['géant', 1],
      ['b', 2],
    ]);
    expect(pages).toBe(3);
  });
});
