/**
 * The parts of a docx Document, uncompressed.
 *
 * @example
 * const parts = documentParts(new Document({ sections: [] })); // Map { 'word/document.xml' => … }
 */
import { type Document, Packer } from 'docx';
import { strToU8 } from 'fflate';
import type { Parts } from './zip.ts';

/** What docx's Packer uses and keeps to itself: the compiler that gives the package's parts. */
interface PackerInternals {
  readonly compiler: {
    compile(
      file: Document,
      prettify: undefined,
      overrides: readonly unknown[],
    ): Map<string, string | Uint8Array>;
  };
}

/**
 * The package's parts straight from docx's compiler: Packer.toBuffer would deflate every part
 * only for the post-pass to inflate and deflate them again.
 */
export function documentParts(document: Document): Parts {
  const { compiler } = Packer as unknown as PackerInternals;
  const parts: Parts = new Map();
  for (const [path, data] of compiler.compile(document, undefined, [])) {
    parts.set(path, typeof data === 'string' ? strToU8(data) : data);
  }
  return parts;
}
