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

/** Widest excerpt shown: a minified or 10 000-bracket line must not flood the terminal. */
const EXCERPT_WIDTH = 100;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Control characters of a séance (an ESC, a NUL) would drive the terminal: they are shown as the
 * Unicode « control pictures » (␛, ␀), or « ? » outside C0. One character for one, so carets stay aligned.
 *
 * @example
 * visible('a\u001b[31mb') // 'a␛[31mb'
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '?';
  });
}

/** Lines of each source text, split once per report (10 000 diagnostics on one file stay linear). */
function linesOf(cache: Map<string, readonly string[]>, text: string): readonly string[] {
  const known = cache.get(text);
  if (known) return known;
  const lines = text.split(/\r?\n/);
  cache.set(text, lines);
  return lines;
}

function excerpt(
  d: Diagnostic,
  text: string | undefined,
  colour: boolean,
  cache: Map<string, readonly string[]>,
): string[] {
  if (text === undefined || d.line < 1) return [];
  const line = linesOf(cache, text)[d.line - 1];
  if (line === undefined) return [];
  let start = 0;
  if (line.length > EXCERPT_WIDTH)
    start = Math.max(0, Math.min(d.column - 1 - 40, line.length - EXCERPT_WIDTH));
  const cut = line.slice(start, start + EXCERPT_WIDTH);
  const shown = `${start > 0 ? '…' : ''}${visible(cut.replace(/\t/g, ' '))}${start + EXCERPT_WIDTH < line.length ? '…' : ''}`;
  const number = String(d.line);
  const gutter = ' '.repeat(number.length);
  const caretPad = ' '.repeat(Math.max(0, d.column - 1 - start + (start > 0 ? 1 : 0)));
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
  const cache = new Map<string, readonly string[]>();
  for (const d of diagnostics) {
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file || 'delib';
    const severity = paint(options.colour, d.severity === 'erreur' ? '31;1' : '33;1', d.severity);
    lines.push(
      `${paint(options.colour, '1', where)}  ${severity}  ${visible(d.message.replace(/\s*\n\s*/g, ' '))}  [${d.code}]`,
    );
    lines.push(...excerpt(d, options.sources.get(d.file), options.colour, cache));
    if (d.hint) lines.push(`  ${paint(options.colour, '36', '→')} ${visible(d.hint)}`);
    lines.push('');
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
