/**
 * manifest.json: what a bundle holds, with hashes, so CI can diff and archive it.
 *
 * Fixed key order and no timestamps: the same input gives the same bytes.
 *
 * @example
 * serializeManifest(manifest) // '{\n  "generator": {\n    "name": "delib", …'
 */
import { createHash } from 'node:crypto';
import type { CtesAct } from '../publish/ctes.ts';
import type { DocumentKind } from '../tree/types.ts';

export type ManifestKind = DocumentKind | 'dossier' | 'annexe';
export type Format = 'pdf' | 'docx';
/** Formats of the files in a bundle: the documents, and the annexes copied as they are. */
export type FileFormat = Format | 'png' | 'jpeg';

export interface ManifestDocument {
  readonly kind: ManifestKind;
  readonly point: number | null;
  readonly format: FileFormat;
  /** Relative to the manifest, with forward slashes. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  /** PDFs only. */
  readonly pages?: number;
  readonly title: string;
  /** With `--ctes`, on the PDF of each act: what a transmission tool needs to send it. */
  readonly ctes?: CtesAct;
  /** An annex: the file as named in the séance, copied byte for byte. */
  readonly source?: string;
  /** An annex carrying an electronic signature (kept byte for byte; its copy in the dossier is not signed). */
  readonly signed?: true;
}

export interface Manifest {
  readonly generator: { readonly name: 'delib'; readonly version: string };
  readonly source: { readonly file: string; readonly sha256: string };
  readonly seance: { readonly collectivite: string; readonly instance: string; readonly date: string };
  readonly documents: readonly ManifestDocument[];
}

export const MANIFEST_FILE = 'manifest.json';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
