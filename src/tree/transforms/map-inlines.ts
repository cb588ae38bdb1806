/**
 * Walks the blocks of a document tree and rebuilds every run of inlines (paragraphs, headings,
 * table cells) through one function, without touching the input: the tree transforms share it.
 *
 * @example
 * mapInlines(doc, (inlines, place) => (place.kind === 'heading' ? inlines : shout(inlines)))
 */
import type { Block, DocumentTree, Inline, ListItem, ParagraphRole, TableRow } from '../types.ts';

/** Where a run of inlines sits, for transforms that treat some blocks only. */
export type InlinePlace =
  | { readonly kind: 'paragraph'; readonly role: ParagraphRole; readonly inListItem: boolean }
  | { readonly kind: 'heading'; readonly inListItem: boolean }
  | { readonly kind: 'tableCell' }
  | { readonly kind: 'titleBlock' }
  | { readonly kind: 'footnote' };

/** Rebuilds one run of inlines; returning the same array keeps the block as it was. */
export type InlineMapper = (inlines: readonly Inline[], place: InlinePlace) => readonly Inline[];

function mapRow(row: TableRow, mapper: InlineMapper): TableRow {
  return {
    ...row,
    children: row.children.map((cell) => ({
      ...cell,
      children: mapper(cell.children, { kind: 'tableCell' }),
    })),
  };
}

function mapBlock(block: Block, mapper: InlineMapper, inListItem: boolean): Block {
  switch (block.type) {
    case 'paragraph':
      return {
        ...block,
        children: mapper(block.children, { kind: 'paragraph', role: block.role, inListItem }),
      };
    case 'heading':
      return { ...block, children: mapper(block.children, { kind: 'heading', inListItem }) };
    case 'titleBlock':
      return {
        ...block,
        children: block.children.map((child) => ({
          ...child,
          children: mapper(child.children, { kind: 'titleBlock' }),
        })),
      };
    case 'list':
      return {
        ...block,
        children: block.children.map(
          (item): ListItem => ({
            ...item,
            children: item.children.map((child) => mapBlock(child, mapper, true)),
          }),
        ),
      };
    case 'table':
      return {
        ...block,
        head: mapRow(block.head, mapper),
        body: block.body.map((row) => mapRow(row, mapper)),
      };
    case 'keepTogether':
      return { ...block, children: block.children.map((child) => mapBlock(child, mapper, inListItem)) };
    case 'signatures':
    case 'pageBreak':
      return block;
  }
}

/** The footnotes inside `inlines` with their own text mapped as a run of its own. */
function mapFootnotes(inlines: readonly Inline[], mapper: InlineMapper): readonly Inline[] {
  let changed = false;
  const out = inlines.map((node): Inline => {
    if (node.type === 'footnote') {
      const children = mapFootnotes(mapper(node.children, { kind: 'footnote' }), mapper);
      if (children === node.children) return node;
      changed = true;
      return { ...node, children };
    }
    if (node.type === 'text' || node.type === 'break' || node.type === 'pageRef') return node;
    const children = mapFootnotes(node.children, mapper);
    if (children === node.children) return node;
    changed = true;
    return { ...node, children };
  });
  return changed ? out : inlines;
}

/** A new document whose every run of inlines (footnotes' own included) went through `mapper`. */
export function mapInlines(doc: DocumentTree, mapper: InlineMapper): DocumentTree {
  const withNotes: InlineMapper = (inlines, place) => mapFootnotes(mapper(inlines, place), mapper);
  return { ...doc, children: doc.children.map((block) => mapBlock(block, withNotes, false)) };
}
