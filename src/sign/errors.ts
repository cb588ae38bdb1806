/**
 * Signing and verification problems as delib diagnostics (French message and hint, exit 1).
 *
 * @example
 * throw signError('sign.password', 'Mot de passe incorrect.', 'certificat.p12', 'Vérifiez DELIB_P12_PASSWORD.');
 */
import { type DiagnosticCode, DiagnosticError, diagnostic } from '../diagnostics.ts';

/** A DiagnosticError with one error. */
export function signError(code: DiagnosticCode, message: string, file: string, hint = ''): DiagnosticError {
  return new DiagnosticError([diagnostic(code, 'erreur', message, { file, hint })]);
}
