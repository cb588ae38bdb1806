/**
 * Title block → centred title lines, kept together and with what follows. Headings take the
 * theme's `title` style, paragraphs its `titleLine` style; no bookmark (the document's title is
 * the PDF Title, and in a dossier its section bookmark).
 *
 * @example
 * titleBlock({ type: 'titleBlock', children: [heading, paragraph] }, ctx)
 */
import type { TitleBlock } from '../../../tree/types.ts';
import { theme } from '../../theme.ts';
import { group } from '../flow.ts';
import type { BlockHandler } from './context.ts';
import { headingFlowable } from './heading.ts';
import { styledText } from './paragraph.ts';

export const titleBlock: BlockHandler<TitleBlock> = (block, ctx) => {
  const members = block.children.map((child) =>
    child.type === 'heading'
      ? headingFlowable(child, theme.title, ctx, false)
      : styledText(child.children, theme.titleLine, ctx, { type: 'P', splittable: false }),
  );
  return members.length === 0 ? [] : [group(members, true)];
};
