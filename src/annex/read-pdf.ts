/**
 * What annex inspection needs from a PDF, read whole by pdf-lib: loaded by annex/inspect.ts only
 * when a séance joins a PDF, so that `delib validate` of a séance without one never loads pdf-lib.
 *
 * @example
 * const facts = await readPdf(bytes); // undefined: pdf-lib cannot read it
 */
import { PDFDocument } from 'pdf-lib';
import { declaresPdfa, LOAD_OPTIONS, metadataXml } from '../dossier/metadata.ts';

export interface PdfFacts {
  readonly encrypted: boolean;
  readonly pages: number;
  /** Declares PDF/A in its XMP metadata. */
  readonly pdfa: boolean;
}

/** The facts of a PDF, or undefined when pdf-lib cannot read it whole. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts | undefined> {
  let doc: PDFDocument;
  try {
    // Encryption is checked after reading (pdf-lib's own error cannot be told apart: ES5 classes).
    doc = await PDFDocument.load(bytes, {
      ...LOAD_OPTIONS,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
  } catch {
    return undefined;
  }
  if (doc.isEncrypted) return { encrypted: true, pages: 0, pdfa: false };
  return { encrypted: false, pages: doc.getPageCount(), pdfa: declaresPdfa(metadataXml(doc)) };
}
