/**
 * Heading → an H1…H6 text flowable kept with the next block and a bookmark nested by level.
 *
 * @example
 * heading({ type: 'heading', level: 2, children: [...] }, ctx)
 */

import { inlineText } from '../../../tree/text.ts';
import type { Heading } from '../../../tree/types.ts';
import { type ParagraphStyle, theme } from '../../theme.ts';
import type { Flowable } from '../flow.ts';
import type { BlockHandler, LayoutContext } from './context.ts';
import { styledText } from './paragraph.ts';

/** Text of a bookmark: the heading's text on one line. */
export function outlineTitle(block: Heading): string {
  return inlineText(block.children).replace(/\s+/g, ' ').trim();
}

export function headingFlowable(
  block: Heading,
  style: ParagraphStyle,
  ctx: LayoutContext,
  bookmark: boolean,
): Flowable {
  const f = styledText(
    block.children,
    style,
    { ...ctx, compact: false },
    {
      type: `H${block.level}`,
      keepWithNext: true,
      splittable: false,
    },
  );
  // A document's title (bookmark false, in a title block) is not one of its sections' headings.
  const leveled: Flowable = bookmark ? { ...f, headingLevel: block.level } : f;
  const level = block.level;
  const anchor = block.anchor;
  if (!bookmark && anchor === undefined) return leveled;
  const title = outlineTitle(block);
  return {
    ...leveled,
    draw(drawCtx, y) {
      if (anchor !== undefined) drawCtx.anchor(anchor);
      if (bookmark) drawCtx.outline(level, title);
      f.draw(drawCtx, y);
    },
  };
}

export const heading: BlockHandler<Heading> = (block, ctx) => [
  headingFlowable(block, theme.headings[block.level], ctx, true),
];
