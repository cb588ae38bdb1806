/**
 * Block specs → docx Paragraphs and Tables.
 *
 * @example
 * buildBlocks(resolvePageBreaks(specs), theme) // [Paragraph, Table, …]
 */
import {
  BorderStyle,
  type ITableCellBorders,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { Theme } from '../theme.ts';
import type { BlockSpec, TableSpec } from './specs.ts';
import { eighths, twips } from './units.ts';

/** Width of the text column in twips. */
export function textWidth(theme: Theme): number {
  return twips(theme.page.width - theme.page.marginLeft - theme.page.marginRight);
}

function borders(spec: TableSpec, theme: Theme): ITableCellBorders {
  const side =
    spec.variant === 'grid'
      ? { style: BorderStyle.SINGLE, size: eighths(theme.table.borderWidth), color: '000000' }
      : { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return { top: side, bottom: side, left: side, right: side };
}

function buildTable(spec: TableSpec, theme: Theme): Table {
  const columns = Math.max(1, spec.columns?.length ?? 0, ...spec.rows.map((row) => row.cells.length));
  const total = textWidth(theme);
  const even = Math.floor(total / columns);
  const widths = Array.from({ length: columns }, (_, i) => spec.columns?.[i] ?? even);
  const pad = spec.variant === 'grid' ? twips(theme.table.cellPadding) : 0;
  const side = spec.gutter === undefined ? pad : twips(spec.gutter);
  const fill = theme.table.headerFill.replace('#', '');
  const sides = borders(spec, theme);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...sides, insideHorizontal: sides.top, insideVertical: sides.top },
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: true,
          // Ragged rows get empty cells: every row spans the grid, as Word expects.
          children: [
            ...row.cells,
            ...Array.from({ length: columns - row.cells.length }, () => ({ paragraphs: [] })),
          ].map(
            (cell, c) =>
              new TableCell({
                width: { size: widths[c] ?? even, type: WidthType.DXA },
                margins: { top: pad, bottom: pad, left: side, right: side },
                borders: sides,
                ...(row.header && spec.variant === 'grid'
                  ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } }
                  : {}),
                // A cell holds at least one paragraph.
                children:
                  cell.paragraphs.length === 0
                    ? [new Paragraph({})]
                    : cell.paragraphs.map((p) => new Paragraph(p.options)),
              }),
          ),
        }),
    ),
  });
}

/** The document body's children. Page-break markers must be resolved first. */
export function buildBlocks(specs: readonly BlockSpec[], theme: Theme): (Paragraph | Table)[] {
  return specs.flatMap((spec): (Paragraph | Table)[] => {
    switch (spec.kind) {
      case 'paragraph':
        return [new Paragraph(spec.options)];
      case 'table':
        return [buildTable(spec, theme)];
      default: // pageBreak, resolved before
        return [];
    }
  });
}
