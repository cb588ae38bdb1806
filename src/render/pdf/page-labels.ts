/**
 * The catalog's page labels (PDF 32000-1 § 12.4.2): a document that continues a recueil's pages
 * starts at its printed number, so a reader's page box shows « 26 » where the footer prints 26.
 *
 * @example
 * setPageLabels(doc, 26) // /PageLabels << /Nums [0 << /S /D /St 26 >>] >>
 */
import type { PdfDoc } from './pdfkit.ts';

interface DocWithRoot {
  readonly _root: { readonly data: Record<string, unknown> };
}

/** Labels every page with decimal numbers from `start`. */
export function setPageLabels(doc: PdfDoc, start: number): void {
  // pdfkit writes a JavaScript string as a PDF name: 'D' is /D.
  (doc as unknown as DocWithRoot)._root.data.PageLabels = { Nums: [0, { S: 'D', St: start }] };
}
