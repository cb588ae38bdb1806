/**
 * The library API of delib: the same stages the CLI runs, for tools that embed them.
 *
 * @example
 * import { buildBundle, listDocuments, loadAndValidate, renderDocument } from 'delib';
 *
 * const { seance, diagnostics } = await loadAndValidate('seance.yaml');
 * if (!seance) throw new Error(diagnostics.map((d) => d.message).join('\n'));
 * const [ordreDuJour] = listDocuments(seance);
 * const { pdf } = await renderDocument(seance, ordreDuJour!, { formats: ['pdf'] });
 */

import type { Format } from './bundle/manifest.ts';
import { type RenderedDocument, renderDocument as renderWithJob } from './bundle/render-documents.ts';
import type { DocumentRef } from './compose/documents.ts';
import type { Seance } from './schema/seance.ts';

export { type BuildOptions, type BuildResult, buildBundle } from './bundle/build.ts';
export { buildDate } from './bundle/clock.ts';
export type { Format, Manifest, ManifestDocument, ManifestKind } from './bundle/manifest.ts';
export { type ComposeOptions, composeDocument, documentMarkdown } from './compose/compose.ts';
export { type DocumentRef, listDocuments } from './compose/documents.ts';
export {
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  DiagnosticError,
  hasErrors,
  type Severity,
} from './diagnostics.ts';
export { type LoadOptions, type LoadResult, loadSeance } from './load/load-seance.ts';
export { toCsv } from './publish/csv.ts';
export { type CtesAct, ctesDiagnostics } from './publish/ctes.ts';
export { SCDL_COLUMNS, scdlRows } from './publish/scdl.ts';
export { type DocxRenderOptions, renderDocx } from './render/docx/index.ts';
// From the modules themselves, not the folder's index: the declarations stay free of pdfkit's.
export { type DossierSection, renderPdf, renderPdfDossier } from './render/pdf/render.ts';
export type { PdfRenderOptions, PdfResult } from './render/pdf/types.ts';
export type * from './schema/seance.ts';
export { templateEnv } from './template/env.ts';
export { foldSpaces, treeText } from './tree/text.ts';
export type * from './tree/types.ts';
export { loadAndValidate, type ValidationResult, validate } from './validate/validate.ts';

export interface RenderDocumentOptions {
  /** Formats to render (default: both). */
  readonly formats?: readonly Format[];
  /** Date written in the documents (default: now; use `buildDate(process.env)` for SOURCE_DATE_EPOCH). */
  readonly creationDate?: Date;
  /** A collectivité's own templates, overriding the defaults file by file. */
  readonly templatesDir?: string;
  readonly referenceDocx?: Uint8Array;
  /** PDF/A-3b, with this source attached. */
  readonly pdfa?: { readonly name: string; readonly data: Uint8Array };
  /** Logo bytes by the path written in the séance. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
}

/** One rendered document: its tree, and each format asked for as `{ bytes }` (PDF: with its page count). */
export interface RenderedDocumentResult {
  readonly ref: DocumentRef;
  readonly tree: RenderedDocument['tree'];
  readonly pdf?: { readonly bytes: Uint8Array; readonly pages: number };
  readonly docx?: { readonly bytes: Uint8Array };
}

/**
 * Renders one document of a validated séance: its tree, and its PDF and DOCX bytes.
 *
 * @example
 * const note = listDocuments(seance).find((d) => d.kind === 'note' && d.point === 1)!;
 * const { tree, pdf, docx } = await renderDocument(seance, note, { creationDate: new Date(0) });
 * // pdf.bytes, pdf.pages, docx.bytes
 */
export async function renderDocument(
  seance: Seance,
  ref: DocumentRef,
  options: RenderDocumentOptions = {},
): Promise<RenderedDocumentResult> {
  const rendered = await renderWithJob(
    {
      seance,
      formats: options.formats ?? ['pdf', 'docx'],
      ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
      ...(options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
      pdfa: options.pdfa !== undefined,
      source: options.pdfa ?? { name: 'seance.yaml', data: new Uint8Array() },
      assets: options.assets ?? new Map(),
      creationDate: options.creationDate ?? new Date(),
    },
    ref,
  );
  return {
    ref: rendered.ref,
    tree: rendered.tree,
    ...(rendered.pdf ? { pdf: rendered.pdf } : {}),
    ...(rendered.docx ? { docx: { bytes: rendered.docx } } : {}),
  };
}
