/**
 * Inline nodes → styled text runs, one handler per inline type.
 *
 * @example
 * inlineRuns([{ type: 'strong', children: [{ type: 'text', value: 'OBJET' }] }], PLAIN)
 * // [{ kind: 'text', text: 'OBJET', style: { bold: true, italic: false, superscript: false } }]
 */
import type { Inline } from '../../tree/types.ts';

export interface RunStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly superscript: boolean;
  readonly link?: string;
  /** Label of the footnote this run is the mark of. */
  readonly note?: string;
}

export type Run =
  | { readonly kind: 'text'; readonly text: string; readonly style: RunStyle }
  | { readonly kind: 'newline' };

export const PLAIN: RunStyle = { bold: false, italic: false, superscript: false };

type InlineHandler<T extends Inline> = (node: T, style: RunStyle) => Run[];

const handlers = {
  text: (node, style) => [{ kind: 'text', text: node.value, style }],
  strong: (node, style) => inlineRuns(node.children, { ...style, bold: true }),
  emphasis: (node, style) => inlineRuns(node.children, { ...style, italic: !style.italic }),
  superscript: (node, style) => inlineRuns(node.children, { ...style, superscript: true }),
  break: () => [{ kind: 'newline' }],
  link: (node, style) => inlineRuns(node.children, { ...style, link: node.url }),
  // The mark only: the note's text is laid out at the page foot by the paragraph that calls it.
  footnote: (node, style) => [
    { kind: 'text', text: node.label, style: { ...style, superscript: true, note: node.label } },
  ],
  // Page numbers are written into the tree as text before layout (page-refs.ts); one left is
  // a target no heading has: nothing is printed.
  pageRef: () => [],
} satisfies { [K in Inline['type']]: InlineHandler<Extract<Inline, { type: K }>> };

function runsOf<T extends Inline>(node: T, style: RunStyle): Run[] {
  return (handlers[node.type] as InlineHandler<T>)(node, style);
}

/** The runs of a list of inlines, in reading order. */
export function inlineRuns(nodes: readonly Inline[], style: RunStyle = PLAIN): Run[] {
  return nodes.flatMap((node) => runsOf(node, style));
}
