/**
 * Machine-readable report: one JSON document `{ valide, fichiers, diagnostics }`.
 */
import type { Diagnostic } from '../../diagnostics.ts';

/**
 * @example
 * formatJson([{ fichier: 'a.yaml', valide: true }], []) // → '{"valide":true,…}\n'
 */
export function formatJson(
  files: readonly { readonly fichier: string; readonly valide: boolean }[],
  diagnostics: readonly Diagnostic[],
): string {
  const valide = files.every((f) => f.valide);
  return `${JSON.stringify({ valide, fichiers: files, diagnostics }, null, 2)}\n`;
}
