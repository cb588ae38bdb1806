/**
 * `--reference-docx FICHIER`: read once, as a regular file (never a FIFO, which would wait
 * forever) of bounded size, and checked the way the DOCX renderer will use it (zip entries and
 * total uncompressed size bounded, styles well formed): what renders is what was checked.
 *
 * @example
 * const bytes = readReferenceDocx('charte.docx'); // throws DiagnosticError when unusable
 */
import { type DiagnosticCode, DiagnosticError, diagnostic } from '../diagnostics.ts';
import { REFERENCE_LIMITS, ReferenceDocxError, readReferenceParts } from '../render/docx/reference-parts.ts';
import { referenceDocxDiagnostics } from '../validate/reference-docx.ts';
import { describeProblem, problemCode, readRegularFile } from './contained.ts';

/** Reads and checks the reference DOCX at `path`, named `shown` in messages. */
export function readReferenceDocx(path: string, shown = path): Uint8Array {
  const subject = `Le document Word de référence « ${shown} »`;
  const fail = (code: DiagnosticCode, message: string) =>
    new DiagnosticError([
      diagnostic(code, 'erreur', message, {
        file: shown,
        hint: 'Donnez à --reference-docx un document .docx enregistré par Word ou LibreOffice.',
      }),
    ]);
  const read = readRegularFile(path, { maxBytes: REFERENCE_LIMITS.fileBytes });
  if ('problem' in read) {
    const { problem } = read;
    const code = problemCode(problem);
    throw fail(code, `${describeProblem(subject, problem)}.`);
  }
  // A .doc, .odt, RTF or web page is named for what it is (validate/reference-docx.ts).
  const notDocx = referenceDocxDiagnostics(read.bytes, shown);
  if (notDocx.length > 0) throw new DiagnosticError(notDocx);
  try {
    readReferenceParts(read.bytes);
  } catch (error) {
    if (error instanceof ReferenceDocxError)
      throw fail('docx.reference', `${subject} est inutilisable : ${error.problem}.`);
    throw error;
  }
  return read.bytes;
}
