/**
 * The three reporters (`--reporter text|json|github`) behind one function, so that every path
 * that prints diagnostics prints them the same way.
 *
 * @example
 * formatReport('github', [{ fichier: 'seance.yaml', valide: false }], diagnostics, { colour: false })
 */
import { type Diagnostic, hasErrors } from '../../diagnostics.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatText } from './text.ts';

export const REPORTERS = ['text', 'json', 'github'] as const;
export type Reporter = (typeof REPORTERS)[number];

export interface ReportOptions {
  readonly colour: boolean;
  /** Texts of the files the diagnostics point into, for excerpts (text reporter). */
  readonly sources?: ReadonlyMap<string, string>;
}

/** The report of `diagnostics` about `files` in the format of `reporter`. */
export function formatReport(
  reporter: Reporter,
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
  options: ReportOptions,
): string {
  if (reporter === 'json') {
    const valide = !hasErrors(diagnostics);
    return formatJson(
      files.map((fichier) => ({ fichier, valide })),
      diagnostics,
    );
  }
  if (reporter === 'github') return formatGithub(diagnostics);
  return formatText(diagnostics, { colour: options.colour, sources: options.sources ?? new Map() });
}
