/**
 * Table → Table > TR > TH/TD, full column width, columns sized by their content; splits between
 * rows only, and the header row is drawn again (as an artifact) at the top of each next page.
 *
 * @example
 * table({ type: 'table', align: ['left', 'right'], head, body }, ctx)
 */
import type { CellAlign, Table, TableRow } from '../../../tree/types.ts';
import { columnWidths, tableRuns } from '../../table-columns.ts';
import { theme } from '../../theme.ts';
import { drawLine } from '../draw-text.ts';
import type { Flowable } from '../flow.ts';
import { breakLines, type Line } from '../line-break.ts';
import { baselineOffset, lineHeight } from '../measure.ts';
import type { PdfDoc } from '../pdfkit.ts';
import { childParent, marked, type Tag, tag } from '../tagging.ts';
import type { BlockHandler } from './context.ts';
import { noteFlowables } from './paragraph.ts';

const LINE_HEIGHT = 1.2;

interface CellLayout {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly Line[];
  readonly tag: Tag;
}

interface RowLayout {
  readonly height: number;
  readonly header: boolean;
  readonly cells: readonly CellLayout[];
  /** Footnotes called in the row's cells: printed at the foot of the page the row is drawn on. */
  readonly notes: readonly Flowable[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function drawRow(doc: PdfDoc, row: RowLayout, y: number, asArtifact: boolean): void {
  const { cellPadding: pad, fontSize: size, borderWidth, headerFill } = theme.table;
  marked(doc, 'layout', () => {
    for (const cell of row.cells) {
      if (row.header) doc.rect(cell.x, y, cell.width, row.height).fill(headerFill);
      doc.lineWidth(borderWidth).strokeColor('#000000').rect(cell.x, y, cell.width, row.height).stroke();
    }
    doc.fillColor('#000000');
  });
  const step = lineHeight(size, LINE_HEIGHT);
  const baseline = baselineOffset(size, LINE_HEIGHT);
  for (const cell of row.cells) {
    marked(doc, asArtifact ? 'artifact' : cell.tag, () => {
      cell.lines.forEach((line, i) => {
        drawLine(doc, line, cell.x + pad, y + pad + i * step + baseline);
      });
    });
  }
}

function tableFlowable(head: RowLayout, rows: readonly RowLayout[], continued: boolean): Flowable {
  const height = head.height + sum(rows.map((r) => r.height));
  // The header drawn again on a next page does not call its notes again.
  const notes = [...(continued ? [] : head.notes), ...rows.flatMap((r) => r.notes)];
  return {
    height,
    ...(notes.length > 0 ? { notes } : {}),
    minHeight: head.height + (rows[0]?.height ?? 0),
    spaceBefore: 0,
    spaceAfter: theme.table.spaceAfter,
    keepWithNext: false,
    firstBaseline: theme.table.cellPadding + baselineOffset(theme.table.fontSize, LINE_HEIGHT),
    split(available) {
      let used = head.height;
      let fit = 0;
      while (fit < rows.length && used + (rows[fit] as RowLayout).height <= available + 0.01) {
        used += (rows[fit] as RowLayout).height;
        fit++;
      }
      if (fit < 1 || fit >= rows.length) return undefined;
      return [tableFlowable(head, rows.slice(0, fit), continued), tableFlowable(head, rows.slice(fit), true)];
    },
    draw(ctx, y) {
      drawRow(ctx.doc, head, y, continued);
      let top = y + head.height;
      for (const row of rows) {
        drawRow(ctx.doc, row, top, false);
        top += row.height;
      }
    },
  };
}

export const table: BlockHandler<Table> = (block, ctx) => {
  const t = tag(ctx.doc, ctx.parent, 'Table');
  const all: readonly TableRow[] = [block.head, ...block.body];
  const runs = tableRuns(block);
  const widths = columnWidths(runs, ctx.measure, ctx.width);
  const pad = theme.table.cellPadding;
  const step = lineHeight(theme.table.fontSize, LINE_HEIGHT);
  const layouts: RowLayout[] = runs.map((row, r) => {
    const tr = tag(ctx.doc, childParent(t), 'TR');
    let x = ctx.x;
    const cells = row.map((cellRuns, c) => {
      const width = widths[c] ?? 0;
      const align: CellAlign = block.align[c] ?? 'left';
      const lines = breakLines(
        cellRuns,
        { width: width - 2 * pad, size: theme.table.fontSize, bold: r === 0, align },
        ctx.measure,
      );
      const cell: CellLayout = { x, width, lines, tag: tag(ctx.doc, childParent(tr), r === 0 ? 'TH' : 'TD') };
      x += width;
      return cell;
    });
    const height = Math.max(1, ...cells.map((cell) => cell.lines.length)) * step + 2 * pad;
    const source = all[r]?.children ?? [];
    const notes = source.flatMap((cell) => [...(noteFlowables(cell.children, ctx)?.values() ?? [])]);
    return { height, header: r === 0, cells, notes };
  });
  const [head, ...body] = layouts;
  return head ? [tableFlowable(head, body, false)] : [];
};
