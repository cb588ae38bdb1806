/**
 * The parts of a docx Document, uncompressed.
 *
 * @example
 * const parts = documentParts(new Document({ sections: [] })); // Map { 'word/document.xml' => … }
 */
import { type Document, Packer } from 'docx';
import { strToU8 } from 'fflate';
import type { Parts } from './zip.ts';

/** The formatter docx's compiler turns each part's objects into XML with. */
interface Formatter {
  format(input: object, context: unknown): unknown;
}

/** What docx's Packer uses and keeps to itself: the compiler that gives the package's parts. */
interface PackerInternals {
  readonly compiler: {
    formatter: Formatter;
    compile(
      file: Document,
      prettify: undefined,
      overrides: readonly unknown[],
    ): Map<string, string | Uint8Array>;
  };
}

/** What a part left out is formatted as: its text is replaced afterwards. */
const LEFT_OUT = { 'delib:omis': {} };

/**
 * The package's parts straight from docx's compiler: Packer.toBuffer would deflate every part
 * only for the post-pass to inflate and deflate them again. The objects in `leaveOut` (parts the
 * caller already has the bytes of) are not formatted: their parts hold a placeholder to replace.
 */
export function documentParts(document: Document, leaveOut?: ReadonlySet<object>): Parts {
  const { compiler } = Packer as unknown as PackerInternals;
  const formatter = compiler.formatter;
  if (leaveOut !== undefined) {
    // Only for this synchronous call: the placeholder for the parts left out, the rest as docx does.
    compiler.formatter = {
      format: (input, context) => (leaveOut.has(input) ? LEFT_OUT : formatter.format(input, context)),
    };
  }
  const parts: Parts = new Map();
  try {
    for (const [path, data] of compiler.compile(document, undefined, [])) {
      parts.set(path, typeof data === 'string' ? strToU8(data) : data);
    }
  } finally {
    compiler.formatter = formatter;
  }
  return parts;
}
