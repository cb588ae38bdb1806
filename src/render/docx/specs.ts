/**
 * Plain descriptions of the blocks to write, before docx objects exist: block handlers return
 * them, `keepTogether` and page breaks adjust them (keep-with-next, page break before), and
 * `buildBlocks` turns them into docx Paragraphs and Tables at the end.
 *
 * @example
 * const spec: BlockSpec = { kind: 'paragraph', options: { style: 'CorpsDeTexte', children: [] } };
 */
import type { IParagraphOptions } from 'docx';

export interface ParagraphSpec {
  readonly kind: 'paragraph';
  readonly options: IParagraphOptions;
}

export interface CellSpec {
  readonly paragraphs: readonly ParagraphSpec[];
}

export interface RowSpec {
  /** A header row, repeated at the top of every page. */
  readonly header: boolean;
  readonly cells: readonly CellSpec[];
}

export interface TableSpec {
  readonly kind: 'table';
  /** `grid`: ruled data table; `signatures`: borderless, one column per signatory. */
  readonly variant: 'grid' | 'signatures';
  readonly rows: readonly RowSpec[];
  /** Widths of the columns in twips; by default the text width shared equally. */
  readonly columns?: readonly number[];
  /** Left and right margin of each cell in points, for a borderless table (a column's gutter). */
  readonly gutter?: number;
}

/** A page break: the next block starts a new page. */
export interface PageBreakSpec {
  readonly kind: 'pageBreak';
}

export type BlockSpec = ParagraphSpec | TableSpec | PageBreakSpec;

function withParagraphOptions(spec: ParagraphSpec, extra: Partial<IParagraphOptions>): ParagraphSpec {
  return { kind: 'paragraph', options: { ...spec.options, ...extra } };
}

function keepRows(spec: TableSpec, allRows: boolean): TableSpec {
  return {
    ...spec,
    rows: spec.rows.map((row, i) =>
      allRows || i < spec.rows.length - 1
        ? {
            ...row,
            cells: row.cells.map((cell) => ({
              paragraphs: cell.paragraphs.map((p) => withParagraphOptions(p, { keepNext: true })),
            })),
          }
        : row,
    ),
  };
}

/**
 * Keeps blocks on one page the way Word does it: keep-with-next on every paragraph but the last
 * (rows of tables cannot split, and their paragraphs keep with the next row).
 */
export function keepWithNext(specs: readonly BlockSpec[]): BlockSpec[] {
  const last = specs.findLastIndex((s) => s.kind !== 'pageBreak');
  return specs.map((spec, i) => {
    switch (spec.kind) {
      case 'paragraph':
        return i < last ? withParagraphOptions(spec, { keepNext: true }) : spec;
      case 'table':
        return keepRows(spec, i < last);
      default: // pageBreak
        return spec;
    }
  });
}

/**
 * A block kept whole, as the PDF moves its group whole: keep-with-next as `keepWithNext`, and no
 * paragraph of it split across pages (keep-lines), the last one included.
 */
export function keepWhole(specs: readonly BlockSpec[]): BlockSpec[] {
  return keepWithNext(specs).map((spec) =>
    spec.kind === 'paragraph' ? withParagraphOptions(spec, { keepLines: true }) : spec,
  );
}

/** Turns page-break markers into « page break before » on the next paragraph. */
export function resolvePageBreaks(specs: readonly BlockSpec[]): BlockSpec[] {
  const out: BlockSpec[] = [];
  let pending = false;
  for (const spec of specs) {
    if (spec.kind === 'pageBreak') {
      pending = out.length > 0;
      continue;
    }
    if (pending && spec.kind === 'paragraph') {
      out.push(withParagraphOptions(spec, { pageBreakBefore: true }));
    } else {
      // A table cannot carry « page break before »: an empty paragraph does it for the table.
      if (pending)
        out.push({ kind: 'paragraph', options: { pageBreakBefore: true, spacing: { before: 0, after: 0 } } });
      out.push(spec);
    }
    pending = false;
  }
  return out;
}
