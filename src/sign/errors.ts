/**
 * Signing and verification problems as delib diagnostics (French message and hint, exit 1).
 *
 * @example
 * throw signError('sign.password', 'Mot de passe incorrect.', 'certificat.p12', 'Vérifiez DELIB_P12_PASSWORD.');
 */
import { type DiagnosticCode, DiagnosticError, diagnostic } from '../diagnostics.ts';
import { DerError } from './der.ts';
import { PdfSyntaxError } from './pdf-syntax.ts';

/** A DiagnosticError with one error. */
export function signError(code: DiagnosticCode, message: string, file: string, hint = ''): DiagnosticError {
  return new DiagnosticError([diagnostic(code, 'erreur', message, { file, hint })]);
}

/**
 * The message of an error raised by delib's own readers (DER, PDF syntax: French, with a byte
 * offset), or `fallback` for any other (node:crypto, node-forge, zlib, the engine), whose English
 * message must not reach the user.
 *
 * @example
 * frenchReason(new Error('error:03000072:digital envelope routines::decode error'), 'clé illisible') // 'clé illisible'
 */
export function frenchReason(error: unknown, fallback: string): string {
  return error instanceof DerError || error instanceof PdfSyntaxError || error instanceof FrenchError
    ? error.message
    : fallback;
}

/** An error of delib's own code whose message is French (a reason, not a whole diagnostic). */
export class FrenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrenchError';
  }
}
