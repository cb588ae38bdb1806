/**
 * Paragraph → one text flowable, styled by its role from the theme.
 *
 * @example
 * paragraph({ type: 'paragraph', role: 'body', children: [...] }, ctx)
 */
import type { Footnote, Inline, Paragraph } from '../../../tree/types.ts';
import { type ParagraphStyle, theme } from '../../theme.ts';
import type { Flowable } from '../flow.ts';
import { inlineRuns } from '../inlines.ts';
import { breakLines } from '../line-break.ts';
import { tag } from '../tagging.ts';
import { textFlowable } from '../text-flowable.ts';
import type { BlockHandler, LayoutContext } from './context.ts';

/** A styled run of inlines as a text flowable (shared by paragraphs, headings and title lines). */
export function styledText(
  children: readonly Inline[],
  style: ParagraphStyle,
  ctx: LayoutContext,
  options: {
    readonly type: string;
    readonly keepWithNext?: boolean;
    readonly splittable?: boolean;
    readonly title?: string;
    /** Added to the style's left indent (an indented paragraph's `theme.indented`). */
    readonly indent?: number;
  },
): Flowable {
  const indent = style.indent + (options.indent ?? 0);
  const x = ctx.x + indent;
  const width = ctx.width - indent;
  const notes = noteFlowables(children, ctx);
  const lines = breakLines(
    inlineRuns(children),
    { width, size: style.fontSize, bold: style.bold, italic: style.italic, align: style.align },
    ctx.measure,
  );
  return textFlowable({
    lines,
    x,
    size: style.fontSize,
    lineHeight: style.lineHeight,
    spaceBefore: style.spaceBefore,
    spaceAfter: ctx.compact ? theme.list.itemSpacing : style.spaceAfter,
    keepWithNext: options.keepWithNext ?? false,
    splittable: options.splittable ?? true,
    tag: tag(ctx.doc, ctx.parent, options.type),
    ...(notes ? { notes } : {}),
  });
}

/** The footnotes called in a run of inlines, in reading order. */
function footnotesOf(inlines: readonly Inline[]): Footnote[] {
  return inlines.flatMap((node): Footnote[] => {
    if (node.type === 'footnote') return [node];
    if (node.type === 'text' || node.type === 'break' || node.type === 'pageRef') return [];
    return footnotesOf(node.children);
  });
}

/** Each footnote's text as a flowable: its mark raised, then the note, in the theme's note style. */
export function noteFlowables(
  inlines: readonly Inline[],
  ctx: LayoutContext,
): Map<string, Flowable> | undefined {
  const notes = footnotesOf(inlines);
  if (notes.length === 0) return undefined;
  const style = theme.footnote;
  return new Map(
    notes.map((note) => [
      note.label,
      styledText(
        [
          { type: 'superscript', children: [{ type: 'text', value: note.label }] },
          { type: 'text', value: ' ' },
          ...note.children,
        ],
        style,
        {
          ...ctx,
          x: theme.page.marginLeft,
          width: theme.page.width - theme.page.marginLeft - theme.page.marginRight,
          compact: false,
        },
        { type: 'Note' },
      ),
    ]),
  );
}

export const paragraph: BlockHandler<Paragraph> = (block, ctx) => [
  styledText(block.children, theme.paragraphs[block.role], ctx, {
    type: 'P',
    ...(block.indented ? { indent: theme.indented } : {}),
  }),
];
