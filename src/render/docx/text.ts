/**
 * Text that is safe to write in WordprocessingML.
 *
 * XML 1.0 forbids most C0 control characters, U+FFFE, U+FFFF and lone surrogates: one of them in a
 * `w:t` makes Word refuse the whole file. Tabs and newlines are structure (`w:tab`, `w:br`) and are
 * kept for the caller to split on; every other forbidden character is dropped, and a lone surrogate
 * becomes U+FFFD. Soft hyphens (U+00AD) are the tree's hyphenation points: in run text they become
 * `w:softHyphen` (Word's optional hyphen, which LibreOffice reads as U+00AD), the only places
 * Word and LibreOffice may hyphenate, since automatic hyphenation is off (it would cut proper
 * names and quotations, which the tree leaves whole); in one-line properties they are dropped.
 *
 * @example
 * cleanText('a\u0000b\u00ADc') // 'ab\u00ADc'
 * cleanLine('a\u0000b\u00ADc') // 'abc'
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters XML cannot hold; `\r\n` and `\r` become `\n`. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '\uFFFD').replace(FORBIDDEN, '');
}

/**
 * A piece of run content: text (with its soft hyphens, U+00AD, kept for the caller to split on),
 * a tab, or a line break.
 */
export type TextPiece =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tab' }
  | { readonly kind: 'break' };

/** Splits cleaned text on tabs and newlines. */
export function textPieces(value: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const part of cleanText(value).split(/(\t|\n)/)) {
    if (part === '\t') pieces.push({ kind: 'tab' });
    else if (part === '\n') pieces.push({ kind: 'break' });
    else if (part !== '') pieces.push({ kind: 'text', value: part });
  }
  return pieces;
}

/** Cleans a one-line property (title, keywords…): whitespace controls become spaces, soft hyphens go. */
export function cleanLine(value: string): string {
  return cleanText(value)
    .replace(/[\t\n]/g, ' ')
    .replaceAll('\u00AD', '');
}
