/**
 * Block handlers: one per block type of the tree, each returning plain block specs.
 *
 * @example
 * blockSpecs(doc.children, context) // [{ kind: 'paragraph', options: { style: 'TitreDuDocument', … } }, …]
 */
import { Bookmark, type IParagraphOptions } from 'docx';
import type { Block, Heading, List, Paragraph } from '../../tree/types.ts';
import type { Measurer } from '../pdf/measure.ts';
import { tableColumnWidths } from '../table-columns.ts';
import type { Theme } from '../theme.ts';
import { textWidth } from './build.ts';
import { inlineRuns } from './inlines.ts';
import { BULLET_REFERENCE, listTextIndent, orderedReference } from './numbering.ts';
import { signatureTables } from './signatures.ts';
import { type BlockSpec, keepWhole, keepWithNext, type ParagraphSpec, type RowSpec } from './specs.ts';
import {
  alignment,
  extraStyles,
  headingStyleId,
  paragraphStyleId,
  titleLineStyleId,
  titleStyleId,
} from './styles.ts';
import { twips, twipsFilling } from './units.ts';

export interface BlockContext {
  readonly theme: Theme;
  /** Widths of texts in the document's faces: a data table's columns are sized as in the PDF. */
  readonly measure: Measurer;
  /** Number of each list of the tree, in reading order: its Word numbering instance. */
  readonly listInstances: ReadonlyMap<List, number>;
  /** Depth of the enclosing lists (0 outside lists). */
  readonly listDepth: number;
  /** Numbering for the first paragraph of the current list item, if any. */
  readonly item?: IParagraphOptions['numbering'];
}

function paragraph(options: IParagraphOptions): ParagraphSpec {
  return { kind: 'paragraph', options };
}

/** Paragraph options shared by paragraphs inside a list item: numbering on the first, indent on the others. */
function listOptions(ctx: BlockContext): Partial<IParagraphOptions> {
  if (ctx.listDepth === 0) return {};
  if (ctx.item) return { numbering: ctx.item };
  return { indent: { left: listTextIndent(ctx.listDepth - 1, ctx.theme) } };
}

function paragraphSpec(node: Paragraph, ctx: BlockContext): ParagraphSpec {
  const inList = ctx.listDepth > 0;
  const style = inList && node.role === 'body' ? extraStyles.list.id : paragraphStyleId(node.role, ctx.theme);
  // An item of a list in another role's text (an article's) keeps that role's style but is as
  // close to the next item as the PDF draws it (pdf/blocks/paragraph.ts: compact spacing).
  const spacing =
    inList && node.role !== 'body' ? { spacing: { after: twips(ctx.theme.list.itemSpacing) } } : {};
  // An indented paragraph (a clerk's retrait block, never inside a list): its role's indent and
  // the theme's, as the PDF draws it.
  const indent = node.indented
    ? { indent: { left: twips(ctx.theme.paragraphs[node.role].indent + ctx.theme.indented) } }
    : {};
  return paragraph({
    style,
    children: inlineRuns(node.children),
    ...listOptions(ctx),
    ...spacing,
    ...indent,
  });
}

function headingSpec(node: Heading, ctx: BlockContext): ParagraphSpec {
  const runs = inlineRuns(node.children);
  return paragraph({
    style: headingStyleId(node.level),
    // A heading page references point to is a bookmark of that name (PAGEREF fields, inlines.ts).
    children: node.anchor === undefined ? runs : [new Bookmark({ id: node.anchor, children: runs })],
    ...listOptions(ctx),
  });
}

/** Word tables have no space after: a one-point empty paragraph gives the theme's. */
function spacer(after: number): ParagraphSpec {
  return paragraph({ spacing: { before: 0, after: twips(after), line: 20, lineRule: 'exact' } });
}

type Handler<T extends Block['type']> = (node: Extract<Block, { type: T }>, ctx: BlockContext) => BlockSpec[];

const handlers = {
  paragraph: (node, ctx) => [paragraphSpec(node, ctx)],
  heading: (node, ctx) => [headingSpec(node, ctx)],
  titleBlock: (node, ctx) =>
    keepWithNext(
      node.children.map((child) => {
        const style = child.type === 'heading' ? titleStyleId(ctx.theme) : titleLineStyleId(ctx.theme);
        return paragraph({
          style,
          children: inlineRuns(child.children),
          // A heading keeps its outline level: the navigation pane and the PDF outline list it.
          ...(child.type === 'heading' ? { outlineLevel: child.level - 1 } : {}),
        });
      }),
    ),
  list: (node, ctx) => {
    const instance = ctx.listInstances.get(node) ?? 0;
    const reference = node.ordered ? orderedReference(node.start) : BULLET_REFERENCE;
    const level = ctx.listDepth;
    const specs = node.children.flatMap((item) => {
      const numbering = { reference, level, instance, custom: true };
      // An item that opens with a list (« - - x ») gets its number on a paragraph of its own, the
      // inner list below, as the PDF draws it (pdf/blocks/list.ts): a paragraph has one number.
      const opensWithList = item.children[0]?.type === 'list';
      const own = opensWithList ? [paragraph({ style: extraStyles.list.id, numbering })] : [];
      return [
        ...own,
        ...item.children.flatMap((child, i) =>
          blockSpec(child, {
            ...ctx,
            listDepth: level + 1,
            item: i === 0 && !opensWithList ? numbering : undefined,
          }),
        ),
      ];
    });
    // Items are close together; the list as a whole is followed by a body paragraph's space.
    const last = specs.findLastIndex((s) => s.kind === 'paragraph');
    return specs.map((spec, i) =>
      i === last && spec.kind === 'paragraph' && level === 0
        ? paragraph({ ...spec.options, spacing: { after: twips(ctx.theme.paragraphs.body.spaceAfter) } })
        : spec,
    );
  },
  table: (node, ctx) => {
    const cellParagraph = (header: boolean, column: number, children: ParagraphSpec['options']['children']) =>
      paragraph({
        style: header ? extraStyles.tableHead.id : extraStyles.tableCell.id,
        alignment: alignment(node.align[column] ?? 'left'),
        children,
      });
    if ([node.head, ...node.body].every((row) => row.children.length === 0)) return [];
    const rows: RowSpec[] = [node.head, ...node.body].map((row, r) => ({
      header: r === 0,
      cells: row.children.map((cell, c) => ({
        paragraphs: [cellParagraph(r === 0, c, inlineRuns(cell.children))],
      })),
    }));
    // The PDF's column widths (table-columns.ts), so that Word breaks the cells' lines as it does;
    // a column as narrow as its longest word gets 1 pt more, else Word's and LibreOffice's rounding
    // of glyph advances may cut that word (« Tau|x »): the widest column gives it.
    const total = ctx.theme.page.width - ctx.theme.page.marginLeft - ctx.theme.page.marginRight;
    const widths = tableColumnWidths(node, ctx.measure, total);
    const columns = twipsFilling(widths, textWidth(ctx.theme), twips(1));
    return [{ kind: 'table', variant: 'grid', rows, columns }, spacer(ctx.theme.table.spaceAfter)];
  },
  signatures: (node, ctx) => {
    // Word rejects a table without rows.
    if (node.children.length === 0) return [];
    // Rows cannot split, and each row keeps with the next: the block stays on one page.
    return [...keepWithNext(signatureTables(node, ctx.theme)), spacer(ctx.theme.table.spaceAfter)];
  },
  keepTogether: (node, ctx) => keepWhole(node.children.flatMap((child) => blockSpec(child, ctx))),
  pageBreak: () => [{ kind: 'pageBreak' }],
} satisfies { readonly [T in Block['type']]: Handler<T> };

/** The specs of one block. */
export function blockSpec(block: Block, ctx: BlockContext): BlockSpec[] {
  return (handlers[block.type] as Handler<Block['type']>)(block, ctx);
}
