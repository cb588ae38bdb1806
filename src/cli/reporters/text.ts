/**
 * Compiler-style report: `fichier:ligne:colonne  erreur  message`, the source line with a
 * caret under the column, then the hint.
 */
import type { Diagnostic } from '../../diagnostics.ts';

export interface TextReportOptions {
  readonly colour: boolean;
  /** Source texts by file name, for the excerpt lines. */
  readonly sources: ReadonlyMap<string, string>;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

function excerpt(d: Diagnostic, text: string | undefined, colour: boolean): string[] {
  if (text === undefined || d.line < 1) return [];
  const line = text.split(/\r?\n/)[d.line - 1];
  if (line === undefined) return [];
  const shown = line.replace(/\t/g, ' ');
  const number = String(d.line);
  const gutter = ' '.repeat(number.length);
  const caretPad = ' '.repeat(Math.max(0, d.column - 1));
  return [
    ` ${paint(colour, '2', `${number} |`)} ${shown}`,
    ` ${paint(colour, '2', `${gutter} |`)} ${caretPad}${paint(colour, d.severity === 'erreur' ? '31;1' : '33;1', '^')}`,
  ];
}

/**
 * Formats diagnostics for a human, followed by a summary line.
 *
 * @example
 * io.stdout(formatText(diagnostics, { colour: false, sources: new Map() }));
 */
export function formatText(diagnostics: readonly Diagnostic[], options: TextReportOptions): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file || 'delib';
    const severity = paint(options.colour, d.severity === 'erreur' ? '31;1' : '33;1', d.severity);
    lines.push(
      `${paint(options.colour, '1', where)}  ${severity}  ${d.message.replace(/\s*\n\s*/g, ' ')}  [${d.code}]`,
    );
    lines.push(...excerpt(d, options.sources.get(d.file), options.colour));
    if (d.hint) lines.push(`  ${paint(options.colour, '36', '→')} ${d.hint}`);
    lines.push('');
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
