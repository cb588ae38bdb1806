/**
 * The three reporters (`--reporter text|json|github`) behind one function, so that every path
 * that prints diagnostics prints them the same way.
 *
 * @example
 * formatReport('github', [{ fichier: 'seance.yaml', valide: false }], diagnostics, { colour: false })
 */
import { isAbsolute, relative } from 'node:path';
import { type Diagnostic, hasErrors } from '../../diagnostics.ts';
import { formatGithub } from './github.ts';
import { formatGitlab } from './gitlab.ts';
import { formatJson } from './json.ts';
import { formatText } from './text.ts';

export const REPORTERS = ['text', 'json', 'github', 'gitlab'] as const;
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
  if (reporter === 'gitlab') return formatGitlab(diagnostics);
  return formatText(diagnostics, { colour: options.colour, sources: options.sources ?? new Map() });
}

/**
 * An absolute path inside the run's working directory is shown relative to it
 * (`modeles/note.hbs`).
 *
 * @example
 * relativeTo('/srv', [d]) // d.file '/srv/modeles/note.hbs' → 'modeles/note.hbs'
 */
export function relativeTo(cwd: string, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return diagnostics.map((d) => {
    if (!isAbsolute(d.file)) return d;
    const rel = relative(cwd, d.file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? d : { ...d, file: rel };
  });
}
