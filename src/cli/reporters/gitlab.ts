/**
 * GitLab CI Code Quality report: the JSON array GitLab shows in merge requests, one issue per
 * diagnostic, with a fingerprint stable across runs so fixed problems disappear from the widget.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../diagnostics.ts';

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'minor' | 'major';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * @example
 * formatGitlab(diagnostics) // → '[{"description":"…","check_name":"schema.type",…}]\n'
 */
export function formatGitlab(diagnostics: readonly Diagnostic[]): string {
  const issues: CodeQualityIssue[] = diagnostics.map((d) => ({
    description: d.hint ? `${d.message} ${d.hint}` : d.message,
    check_name: d.code,
    fingerprint: createHash('sha256')
      .update([d.code, d.file, d.line, d.column, d.message].join('\u0000'))
      .digest('hex'),
    severity: d.severity === 'erreur' ? 'major' : 'minor',
    location: { path: d.file, lines: { begin: Math.max(d.line, 1) } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
