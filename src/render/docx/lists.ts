/**
 * Lists of a tree in reading order, nested lists included: each one is a Word numbering instance.
 *
 * @example
 * listsInOrder(doc.children).length // 2
 */
import type { Block, List } from '../../tree/types.ts';

export function listsInOrder(blocks: readonly Block[]): List[] {
  return blocks.flatMap((block): List[] => {
    switch (block.type) {
      case 'list':
        return [block, ...block.children.flatMap((item) => listsInOrder(item.children))];
      case 'titleBlock':
      case 'keepTogether':
        return listsInOrder(block.children);
      default:
        return [];
    }
  });
}
