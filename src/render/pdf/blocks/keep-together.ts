/**
 * Keep-together → its blocks as one group, moved whole to the next page when it does not fit
 * (laid out block by block only if it is taller than a page).
 *
 * @example
 * keepTogether({ type: 'keepTogether', children: [closing, signatures] }, ctx)
 */
import type { KeepTogether } from '../../../tree/types.ts';
import { group } from '../flow.ts';
import type { BlockHandler } from './context.ts';

export const keepTogether: BlockHandler<KeepTogether> = (block, ctx) => {
  const members = ctx.layout(block.children, ctx).filter((f) => !f.pageBreak);
  return members.length === 0 ? [] : [group(members)];
};
