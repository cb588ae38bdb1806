/**
 * The block handlers, one per block type, and the function that lays out a list of blocks.
 *
 * @example
 * const flowables = layoutBlocks(doc.children, ctx);
 */
import type { Block } from '../../../tree/types.ts';
import type { Flowable } from '../flow.ts';
import type { BlockHandler, LayoutContext } from './context.ts';
import { heading } from './heading.ts';
import { keepTogether } from './keep-together.ts';
import { list } from './list.ts';
import { pageBreak } from './page-break.ts';
import { paragraph } from './paragraph.ts';
import { signatures } from './signatures.ts';
import { table } from './table.ts';
import { titleBlock } from './title-block.ts';

const handlers = {
  paragraph,
  heading,
  list,
  table,
  titleBlock,
  signatures,
  keepTogether,
  pageBreak,
} satisfies { [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };

function layoutBlock<T extends Block>(block: T, ctx: LayoutContext): Flowable[] {
  return (handlers[block.type] as BlockHandler<T>)(block, ctx);
}

/** Lays out blocks in reading order (creating their structure elements in that order). */
export function layoutBlocks(blocks: readonly Block[], ctx: Omit<LayoutContext, 'layout'>): Flowable[] {
  const full: LayoutContext = { ...ctx, layout: (children, inner) => layoutBlocks(children, inner) };
  return blocks.flatMap((block) => layoutBlock(block, full));
}
