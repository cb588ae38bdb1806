/**
 * What a block handler needs to lay out a block: measuring, the column it sits in, and where its
 * structure element goes.
 *
 * @example
 * const flowables = layoutBlocks(doc.children, ctx);
 */
import type { Block } from '../../../tree/types.ts';
import type { Flowable } from '../flow.ts';
import type { Measurer } from '../measure.ts';
import type { PdfDoc } from '../pdfkit.ts';
import type { StructParent } from '../tagging.ts';

export interface LayoutContext {
  readonly doc: PdfDoc;
  readonly measure: Measurer;
  /** Left edge and width of the column. */
  readonly x: number;
  readonly width: number;
  readonly parent: StructParent;
  /** Inside a list item: paragraphs get the list's item spacing. */
  readonly compact?: boolean;
  /** Lists around the block (0 outside lists): the label's format depends on it. */
  readonly listDepth?: number;
  /** The document's list markers by depth (`DocumentTree.bullets`); absent: the theme's. */
  readonly bullets?: readonly string[];
  /** Lays out nested blocks (list items, kept-together groups) with the same handler map. */
  readonly layout: (blocks: readonly Block[], ctx: LayoutContext) => Flowable[];
}

export type BlockHandler<T extends Block> = (block: T, ctx: LayoutContext) => Flowable[];
