/**
 * The column widths of a data table, the one computation both renderers read: the PDF draws its
 * cells at these widths, the DOCX writes them as the table's grid (`w:gridCol`, `w:tcW`), so Word
 * and LibreOffice lay the table out as the PDF does (a named-vote or financial table keeps the
 * same line breaks, and what follows it the same page).
 *
 * @example
 * tableColumnWidths(table, measurer, 453.5) // [310.2, 71.6, 71.7]: the objet wide, the figures narrow
 */
import type { Table } from '../tree/types.ts';
import { inlineRuns, type Run } from './pdf/inlines.ts';
import { breakLines, type Line } from './pdf/line-break.ts';
import { faceOf, type Measurer } from './pdf/measure.ts';
import { theme } from './theme.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function lineWidth(line: Line | undefined): number {
  const last = line?.pieces[line.pieces.length - 1];
  return last ? last.x + last.width : 0;
}

function longestWord(runs: readonly Run[], bold: boolean, measure: Measurer): number {
  let longest = 0;
  for (const run of runs) {
    if (run.kind !== 'text') continue;
    const face = faceOf(bold || run.style.bold, run.style.italic);
    for (const word of run.text.replaceAll('\u00AD', '').split(/[ \n\t]+/)) {
      longest = Math.max(longest, measure.width(word, face, theme.table.fontSize));
    }
  }
  return longest;
}

/** Number of columns of a table: its alignments, or its longest row. */
export function tableColumnCount(block: Table): number {
  return Math.max(block.align.length, ...[block.head, ...block.body].map((row) => row.children.length));
}

/** Each row's cells as runs (the header row first), every row as wide as the table. */
export function tableRuns(block: Table): Run[][][] {
  const columns = tableColumnCount(block);
  return [block.head, ...block.body].map((row) =>
    Array.from({ length: columns }, (_, c) => inlineRuns(row.children[c]?.children ?? [])),
  );
}

/**
 * Auto layout as browsers do it: every column gets at least its longest word; what is left goes to
 * the columns whose content is wider than that, in proportion to the difference; when everything
 * fits on one line, the spare room is shared in proportion to the natural widths.
 */
export function distribute(natural: readonly number[], minimum: readonly number[], total: number): number[] {
  const naturalSum = sum(natural);
  if (naturalSum <= total) return natural.map((w) => w + ((total - naturalSum) * w) / naturalSum);
  const minimumSum = sum(minimum);
  if (minimumSum >= total) return minimum.map((w) => (w * total) / minimumSum);
  const wants = natural.map((w, c) => Math.max(0, w - (minimum[c] ?? 0)));
  const wantsSum = sum(wants);
  return minimum.map((w, c) => w + ((total - minimumSum) * (wants[c] ?? 0)) / wantsSum);
}

/**
 * Column widths in points filling `total`, proportional to each column's natural width (its
 * longest line unbroken, cell padding included), never below its longest word; the header row in bold.
 */
export function columnWidths(
  rows: readonly (readonly Run[][])[],
  measure: Measurer,
  total: number,
): number[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const pad = 2 * theme.table.cellPadding;
  const size = theme.table.fontSize;
  const natural = new Array<number>(columns).fill(pad + 12);
  const minimum = new Array<number>(columns).fill(pad + 12);
  rows.forEach((row, r) => {
    const bold = r === 0;
    row.forEach((runs, c) => {
      const format = { width: 1e6, size, bold, align: 'left' as const };
      const single = breakLines(runs, format, measure);
      natural[c] = Math.max(natural[c] ?? 0, pad + Math.max(...single.map(lineWidth)));
      minimum[c] = Math.max(minimum[c] ?? 0, pad + longestWord(runs, bold, measure));
    });
  });
  return distribute(natural, minimum, total);
}

/** The column widths of `block` in points, for a text column `total` points wide. */
export function tableColumnWidths(block: Table, measure: Measurer, total: number): number[] {
  return columnWidths(tableRuns(block), measure, total);
}
