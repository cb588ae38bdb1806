/**
 * The PDF renderer (pdfkit): document tree → PDF bytes.
 *
 * @example
 * import { renderPdf } from './render/pdf/index.ts';
 * const { bytes, pages } = await renderPdf(tree, { creationDate: new Date('2023-03-23T00:00:00Z') });
 */

export { type DossierSection, renderPdf, renderPdfDossier } from './render.ts';
export type { PdfRenderOptions, PdfResult, SignatureBox } from './types.ts';
