/**
 * The parts of a reference DOCX that `--reference-docx` uses (styles, theme, page setup), read
 * with limits: a zip bomb, a huge or ill-formed part, or too many styles is a
 * `ReferenceDocxError` (a French problem, reported as a diagnostic), never memory or minutes.
 *
 * @example
 * const parts = readReferenceParts(bytes); // Map { 'word/styles.xml' => …, … }
 */
import { unzipSync } from 'fflate';
import { xmlProblem } from './xml-check.ts';
import type { Parts } from './zip.ts';

export const REFERENCE_LIMITS = {
  /** The reference file itself. */
  fileBytes: 32 * 1024 * 1024,
  /** One uncompressed part (a real styles.xml is 30 to 300 KB). */
  partBytes: 16 * 1024 * 1024,
  /** Every part used, uncompressed. */
  totalBytes: 40 * 1024 * 1024,
  styles: 5_000,
} as const;

/** Entries read from the reference; the rest (images, headers…) is never inflated. */
export const REFERENCE_PARTS = ['word/styles.xml', 'word/theme/theme1.xml', 'word/document.xml'] as const;

/** A reference DOCX delib cannot use, with the reason in French. */
export class ReferenceDocxError extends Error {
  readonly problem: string;
  constructor(problem: string) {
    super(problem);
    this.name = 'ReferenceDocxError';
    this.problem = problem;
  }
}

const mo = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;

/**
 * Parts already read, by the reference's bytes: the loader checks the reference, the validator
 * reads its table font and every DOCX document of the thread merges its styles, all from the same
 * bytes, which are unzipped and checked once per thread. A refused reference is refused again
 * with the same problem. Callers only read the parts.
 */
const readParts = new WeakMap<Uint8Array, Parts | ReferenceDocxError>();

/** The used parts of a reference DOCX, each checked to be well-formed XML. */
export function readReferenceParts(bytes: Uint8Array): Parts {
  const known = readParts.get(bytes);
  if (known instanceof ReferenceDocxError) throw known;
  if (known !== undefined) return known;
  try {
    const parts = readUncached(bytes);
    readParts.set(bytes, parts);
    return parts;
  } catch (error) {
    if (error instanceof ReferenceDocxError) readParts.set(bytes, error);
    throw error;
  }
}

function readUncached(bytes: Uint8Array): Parts {
  if (bytes.length > REFERENCE_LIMITS.fileBytes) {
    throw new ReferenceDocxError(`fichier de plus de ${mo(REFERENCE_LIMITS.fileBytes)}`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new ReferenceDocxError('ce n’est pas un fichier Word .docx');
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!(REFERENCE_PARTS as readonly string[]).includes(file.name)) return false;
        // fflate inflates into a buffer of the announced size: a lying size only truncates.
        if (file.originalSize > REFERENCE_LIMITS.partBytes) {
          throw new ReferenceDocxError(
            `la partie ${file.name} dépasse ${mo(REFERENCE_LIMITS.partBytes)} une fois décompressée`,
          );
        }
        total += file.originalSize;
        if (total > REFERENCE_LIMITS.totalBytes) {
          throw new ReferenceDocxError(`plus de ${mo(REFERENCE_LIMITS.totalBytes)} une fois décompressé`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ReferenceDocxError) throw error;
    throw new ReferenceDocxError('archive .docx illisible ou abîmée');
  }
  const parts: Parts = new Map(Object.entries(entries));
  for (const [name, part] of parts) {
    if (name.endsWith('.xml')) {
      let xml: string;
      try {
        xml = new TextDecoder('utf-8', { fatal: true }).decode(part);
      } catch {
        throw new ReferenceDocxError(`la partie ${name} n’est pas en UTF-8`);
      }
      const problem = xmlProblem(xml);
      if (problem) throw new ReferenceDocxError(`la partie ${name} est mal formée (${problem})`);
    }
  }
  return parts;
}
