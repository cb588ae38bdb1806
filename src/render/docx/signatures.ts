/**
 * Signatures → borderless tables with fixed column widths, laid out as the PDF draws them
 * (pdf/blocks/signatures.ts): at most three signatories side by side, a short last row centred;
 * in each row of signatories, their headings and qualités in one table row and their names in
 * the next, so that the names line up however many lines a qualité takes (Word and LibreOffice
 * both honour fixed widths and rows; a name under its qualité in one cell did not line up).
 *
 * @example
 * signatureTables(node, theme) // [{ kind: 'table', variant: 'signatures', columns: [3118, 3118, 3118], rows: [top, names] }]
 */
import { SIGNATORIES_PER_ROW, signatureRows } from '../../tree/signature-rows.ts';
import type { Signatory, Signatures } from '../../tree/types.ts';
import type { Theme } from '../theme.ts';
import { textWidth } from './build.ts';
import { inlineRuns } from './inlines.ts';
import type { CellSpec, ParagraphSpec, RowSpec, TableSpec } from './specs.ts';
import { extraStyles } from './styles.ts';
import { cleanText } from './text.ts';
import { twips } from './units.ts';

const ROW_GAP = 14;
/** Room left and right of each column's text, as the PDF leaves it. */
const GUTTER = 6;

/** An empty signature paragraph (a signatory without heading or qualité, a centring cell). */
function blank(before: number): ParagraphSpec {
  return {
    kind: 'paragraph',
    options: {
      style: extraStyles.signature.id,
      ...(before > 0 ? { spacing: { before: twips(before) } } : {}),
    },
  };
}

function line(text: string, style: string, before: number): ParagraphSpec {
  return {
    kind: 'paragraph',
    options: {
      style,
      children: inlineRuns([{ type: 'text', value: cleanText(text) }]),
      ...(before > 0 ? { spacing: { before: twips(before) } } : {}),
    },
  };
}

/** Heading and qualité of a signatory, the first line with the row's space before. */
function topCell(s: Signatory, before: number): CellSpec {
  const top = [s.heading, s.qualite].filter((t) => t !== '');
  if (top.length === 0) return { paragraphs: [blank(before)] };
  return { paragraphs: top.map((t, i) => line(t, extraStyles.signature.id, i === 0 ? before : 0)) };
}

/** The former layout of one signatory alone: heading, qualité and name in one cell. */
function singleColumn(node: Signatures, theme: Theme): TableSpec {
  const rows: RowSpec[] = node.children.map((s, i) => {
    const before = i === 0 ? theme.signatures.spaceBefore : ROW_GAP;
    const top = [s.heading, s.qualite].filter((t) => t !== '');
    return {
      header: false,
      cells: [
        {
          paragraphs: [
            ...top.map((t, j) => line(t, extraStyles.signature.id, j === 0 ? before : 0)),
            line(s.nom, extraStyles.signatureName.id, 0),
          ],
        },
      ],
    };
  });
  return { kind: 'table', variant: 'signatures', rows };
}

/** The tables of a signatures block, one per row of signatories (one in all for a single column). */
export function signatureTables(node: Signatures, theme: Theme): TableSpec[] {
  const perRow = Math.max(1, Math.min(SIGNATORIES_PER_ROW, node.children.length));
  if (perRow === 1) return [singleColumn(node, theme)];
  const width = Math.floor(textWidth(theme) / perRow);
  const tables: TableSpec[] = [];
  for (const [index, slice] of signatureRows(node.children).entries()) {
    const before = index === 0 ? theme.signatures.spaceBefore : ROW_GAP;
    // A short row is centred, as in the PDF: half the missing columns on each side.
    const side = Math.floor(((perRow - slice.length) * width) / 2);
    const pad: CellSpec[] = side > 0 ? [{ paragraphs: [blank(0)] }] : [];
    const columns = [...(side > 0 ? [side] : []), ...slice.map(() => width), ...(side > 0 ? [side] : [])];
    const top: RowSpec = { header: false, cells: [...pad, ...slice.map((s) => topCell(s, before)), ...pad] };
    const names: RowSpec = {
      header: false,
      cells: [
        ...pad,
        ...slice.map((s) => ({ paragraphs: [line(s.nom, extraStyles.signatureName.id, 0)] })),
        ...pad,
      ],
    };
    tables.push({ kind: 'table', variant: 'signatures', columns, gutter: GUTTER, rows: [top, names] });
  }
  return tables;
}
