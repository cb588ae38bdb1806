/**
 * Signatures → one column per signatory, side by side (three at most per row): heading, qualité,
 * blank room to sign, name. Never split; each signing room is reported as a signature box.
 *
 * Read row by row, as the DOCX's borderless table is (its first row the headings and qualités,
 * its second the names, so that Word aligns the names): the content stream draws every column's
 * heading and qualité, then every name, and the structure tree has the same order (a Div per
 * line of the table, its P in column order); the drawn places are those of the columns.
 *
 * @example
 * signatures({ type: 'signatures', children: [maire, president] }, ctx)
 */
import { SIGNATORIES_PER_ROW, signatureRows } from '../../../tree/signature-rows.ts';
import type { Signatory, Signatures } from '../../../tree/types.ts';
import { theme } from '../../theme.ts';
import { drawLine } from '../draw-text.ts';
import type { Flowable } from '../flow.ts';
import { PLAIN } from '../inlines.ts';
import { breakLines, type Line } from '../line-break.ts';
import { baselineOffset, lineHeight } from '../measure.ts';
import { childParent, marked, type Tag, tag } from '../tagging.ts';
import type { BlockHandler, LayoutContext } from './context.ts';

const LINE_HEIGHT = 1.25;
const GUTTER = 6;
const ROW_GAP = 14;

interface Column {
  readonly signatory: Signatory;
  readonly x: number;
  readonly width: number;
  readonly top: readonly { readonly lines: readonly Line[]; readonly tag: Tag }[];
  readonly name: { readonly lines: readonly Line[]; readonly tag: Tag };
}

function lines(text: string, bold: boolean, width: number, ctx: LayoutContext): Line[] {
  if (text.trim() === '') return [];
  const size = theme.signatures.fontSize;
  return breakLines(
    [{ kind: 'text', text, style: PLAIN }],
    { width, size, bold, align: 'center' },
    ctx.measure,
  );
}

function rowFlowable(columns: readonly Column[], first: boolean): Flowable {
  const size = theme.signatures.fontSize;
  const step = lineHeight(size, LINE_HEIGHT);
  const baseline = baselineOffset(size, LINE_HEIGHT);
  const topHeight =
    Math.max(...columns.map((c) => c.top.reduce((n, part) => n + part.lines.length, 0))) * step;
  const nameHeight = Math.max(...columns.map((c) => c.name.lines.length)) * step;
  const signHeight = theme.signatures.signHeight;
  const height = topHeight + signHeight + nameHeight;
  return {
    height,
    minHeight: height,
    spaceBefore: first ? theme.signatures.spaceBefore : ROW_GAP,
    spaceAfter: theme.paragraphs.body.spaceAfter,
    keepWithNext: false,
    firstBaseline: baseline,
    split: () => undefined,
    draw(ctx, y) {
      for (const column of columns) {
        let top = y;
        for (const part of column.top) {
          marked(ctx.doc, part.tag, () => {
            part.lines.forEach((line, i) => {
              drawLine(ctx.doc, line, column.x + GUTTER, top + i * step + baseline);
            });
          });
          top += part.lines.length * step;
        }
      }
      for (const column of columns) {
        ctx.signature({
          id: column.signatory.id,
          x: column.x + GUTTER,
          y: y + topHeight,
          width: column.width - 2 * GUTTER,
          height: signHeight,
          nom: column.signatory.nom,
          qualite: column.signatory.qualite,
        });
        const nameTop = y + topHeight + signHeight;
        marked(ctx.doc, column.name.tag, () => {
          column.name.lines.forEach((line, i) => {
            drawLine(ctx.doc, line, column.x + GUTTER, nameTop + i * step + baseline);
          });
        });
      }
    },
  };
}

export const signatures: BlockHandler<Signatures> = (block, ctx) => {
  const div = tag(ctx.doc, ctx.parent, 'Div');
  const perRow = Math.max(1, Math.min(SIGNATORIES_PER_ROW, block.children.length));
  const width = ctx.width / perRow;
  const rows: Flowable[] = [];
  for (const [index, slice] of signatureRows(block.children).entries()) {
    const offset = ((perRow - slice.length) * width) / 2;
    const inner = width - 2 * GUTTER;
    // Tags made in reading order: the headings and qualités of the row, then its names.
    const topLine = tag(ctx.doc, childParent(div), 'Div');
    const part = (line: Tag, text: string, bold: boolean) => ({
      lines: lines(text, bold, inner, ctx),
      tag: tag(ctx.doc, childParent(line), 'P'),
    });
    const tops = slice.map((signatory) =>
      [part(topLine, signatory.heading, false), part(topLine, signatory.qualite, false)].filter(
        (p) => p.lines.length > 0,
      ),
    );
    const nameLine = tag(ctx.doc, childParent(div), 'Div');
    const columns = slice.map(
      (signatory, i): Column => ({
        signatory,
        x: ctx.x + offset + i * width,
        width,
        top: tops[i] ?? [],
        name: part(nameLine, signatory.nom, true),
      }),
    );
    rows.push(rowFlowable(columns, index === 0));
  }
  return rows;
};
