/**
 * List → L > LI > (Lbl, LBody): each item's blocks indented, the label (« • » or « 3. ») drawn
 * on the first line of the item's first block.
 *
 * @example
 * list({ type: 'list', ordered: true, start: 1, children: [...] }, ctx)
 */
import type { List } from '../../../tree/types.ts';
import { listLabel, theme } from '../../theme.ts';
import { drawLine } from '../draw-text.ts';
import { type Flowable, withSpacing } from '../flow.ts';
import type { Line } from '../line-break.ts';
import { baselineOffset, faceOf, lineHeight } from '../measure.ts';
import { childParent, marked, type Tag, tag } from '../tagging.ts';
import type { BlockHandler, LayoutContext } from './context.ts';

function labelled(f: Flowable, label: Line, x: number, lbl: Tag): Flowable {
  return {
    ...f,
    split(available) {
      const parts = f.split(available);
      return parts ? [labelled(parts[0], label, x, lbl), parts[1]] : undefined;
    },
    draw(ctx, y) {
      marked(ctx.doc, lbl, () => drawLine(ctx.doc, label, x, y + f.firstBaseline));
      f.draw(ctx, y);
    },
  };
}

function labelLine(text: string, ctx: LayoutContext): Line {
  const style = theme.paragraphs.body;
  const face = faceOf(style.bold, style.italic);
  const width = ctx.measure.width(text, face, style.fontSize);
  const x = Math.max(0, theme.list.indent - 6 - width);
  return { pieces: [{ text, face, size: style.fontSize, rise: 0, width, x, space: false }] };
}

/** An empty body line, kept with what follows, to carry a label alone. */
function labelOnlyLine(): Flowable {
  const style = theme.paragraphs.body;
  const step = lineHeight(style.fontSize, style.lineHeight);
  return {
    height: step,
    minHeight: step,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: true,
    firstBaseline: baselineOffset(style.fontSize, style.lineHeight),
    split: () => undefined,
    draw: () => undefined,
  };
}

export const list: BlockHandler<List> = (block, ctx) => {
  const l = tag(ctx.doc, ctx.parent, 'L');
  const indent = theme.list.indent;
  const depth = ctx.listDepth ?? 0;
  const flowables: Flowable[] = [];
  // The document's own bullets (`DocumentTree.bullets`), else the theme's: once per list.
  const numbering = ctx.bullets ? { ...theme.list.numbering, bullets: ctx.bullets } : theme.list.numbering;
  block.children.forEach((item, i) => {
    const li = tag(ctx.doc, childParent(l), 'LI');
    const lbl = tag(ctx.doc, childParent(li), 'Lbl');
    const body = tag(ctx.doc, childParent(li), 'LBody');
    const inner = ctx.layout(item.children, {
      ...ctx,
      x: ctx.x + indent,
      width: ctx.width - indent,
      parent: childParent(body),
      compact: true,
      listDepth: depth + 1,
    });
    const text = listLabel(numbering, { ordered: block.ordered, depth, n: block.start + i });
    const label = labelLine(text, ctx);
    // An item that opens with a list (« - - x », « 1. - x ») has its label on a line of its own,
    // the inner list below it: one label per line, as Word numbers one paragraph (docx/blocks.ts).
    if (item.children[0]?.type === 'list') inner.unshift(labelOnlyLine());
    const [first, ...rest] = inner;
    if (first) flowables.push(labelled(first, label, ctx.x, lbl), ...rest);
  });
  const last = flowables.pop();
  if (last) flowables.push(withSpacing(last, { spaceAfter: theme.paragraphs.body.spaceAfter }));
  return flowables;
};
