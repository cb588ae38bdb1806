/**
 * Public types of the PDF renderer.
 *
 * @example
 * const options: PdfRenderOptions = { creationDate: new Date('2023-03-23T00:00:00Z') };
 */
import type { LoadedFonts } from '../fonts.ts';

export interface PdfRenderOptions {
  /**
   * From `loadFonts()`; default: the default family, loaded once per process.
   * @internal Not in the package's declarations: they would need fontkit's types.
   */
  readonly fonts?: LoadedFonts;
  /** Fixed by SOURCE_DATE_EPOCH for reproducible bytes. */
  readonly creationDate: Date;
  /** Logo bytes keyed by `DocumentHeader.logo`. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
  /** PDF/A-3b, with the séance YAML attached as its source. */
  readonly pdfa?: { readonly source?: { readonly name: string; readonly data: Uint8Array } };
}

/** Where a signatory signs: the blank room of its column, in PDF points from the page's top-left. */
export interface SignatureBox {
  /** The signatory's id (`signature-1`), also the future signature field's name. */
  readonly id: string;
  /** Zero-based page index. */
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The signatory's name and qualité, shown by readers as the field's label. */
  readonly nom?: string;
  readonly qualite?: string;
}

export interface PdfResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly signatureBoxes?: readonly SignatureBox[];
  /**
   * The page (from 1) each anchored heading starts on, when the document refers to its pages:
   * the numbers its page references print, and those the DOCX writes in its PAGEREF fields.
   */
  readonly anchors?: ReadonlyMap<string, number>;
}
