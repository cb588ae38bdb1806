/**
 * What the dossier assembler takes: parts already rendered (PDF bytes) or joined files (PDF,
 * PNG, JPEG), each under its bookmark, read one at a time.
 *
 * @example
 * const part: DossierPart = { title: 'Note de présentation', group: 'Point n° 1 – Budget',
 *   label: 'point-01-note.pdf', load: async () => ({ kind: 'pdf', bytes }) };
 */
import type { LoadedFonts } from '../render/fonts.ts';
import type { DocumentMeta } from '../tree/types.ts';

export type PartSource =
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array }
  | { readonly kind: 'image'; readonly bytes: Uint8Array; readonly format: 'png' | 'jpeg' };

export interface DossierPart {
  /** Bookmark of the part. */
  readonly title: string;
  /** Parent bookmark (« Point n° 3 – … »): consecutive parts with the same group share it. */
  readonly group?: string;
  /** How a message names the part: its file (« annexes/plan.pdf »). */
  readonly label: string;
  /** Alternative text of the part when it is not tagged (an image, a scanned PDF). */
  readonly alt?: string;
  /** Read when its turn comes, so that one part at a time is held in memory. */
  readonly load: () => Promise<PartSource>;
}

export interface DossierOptions {
  readonly meta: DocumentMeta;
  /** Fixed by SOURCE_DATE_EPOCH for reproducible bytes. */
  readonly creationDate: Date;
  /** For the page stamps; default: the default family. */
  readonly fonts?: LoadedFonts;
  /** PDF/A-3b when every part is PDF/A, with the séance YAML attached as its source. */
  readonly pdfa?: { readonly source?: { readonly name: string; readonly data: Uint8Array } };
  /** Checked before each part is read. */
  readonly signal?: AbortSignal;
}

export interface DossierResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** Parts that kept the dossier from being PDF/A although it was asked (their labels). */
  readonly notPdfa: readonly string[];
  /** Parts without a structure tree, tagged as one figure a page with their alternative text. */
  readonly untagged: readonly string[];
}
