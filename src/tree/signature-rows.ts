/**
 * Side-by-side signatures: at most three signatories a row, read row by row (a row's headings and
 * qualités, then its names) in the PDF, the DOCX and the tree's text alike.
 *
 * @example
 * signatureRows([a, b, c, d]) // [[a, b, c], [d]]
 * signatureReadingOrder(rows) // ['Pour la Ville', 'Le Maire', 'Pour l’État', 'Le Préfet', 'M. A', 'M. B']
 */
import type { Signatory } from './types.ts';

/** Signatories side by side in one row. */
export const SIGNATORIES_PER_ROW = 3;

/** The signatories cut into rows of at most three. */
export function signatureRows<T>(signatories: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < signatories.length; start += SIGNATORIES_PER_ROW)
    rows.push(signatories.slice(start, start + SIGNATORIES_PER_ROW));
  return rows;
}

/** The signature lines in reading order: each row's headings and qualités, then its names. */
export function signatureReadingOrder(signatories: readonly Signatory[]): string[] {
  return signatureRows(signatories)
    .flatMap((row) => [...row.flatMap((s) => [s.heading, s.qualite]), ...row.map((s) => s.nom)])
    .filter((line) => line !== '');
}
