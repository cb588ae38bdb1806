/**
 * Escaping of plain values for the Markdown that templates produce.
 *
 * A plain field (a rapporteur called `*Dupont*`, an objet holding `# `, `|`, `:::` or `<b>`) must
 * print literally: every ASCII punctuation character gets a backslash, which CommonMark removes,
 * and whitespace that would change the meaning (newlines, tabs, leading or trailing spaces) is
 * folded. Directive attributes need another escaping (`attributeValue`): backslashes are not
 * processed there, character references are.
 *
 * @example
 * escapeMarkdownText('*Dupont* # 1') // '\\*Dupont\\* \\# 1'
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Escapes a plain value for Markdown text: it reads back as exactly the same characters. */
export function escapeMarkdownText(value: string): string {
  return value
    .replace(/[\t\r\n\f\v]+/g, ' ')
    .trim()
    .replace(ASCII_PUNCTUATION, '\\$&');
}

/** Escapes a plain value for a directive attribute between double quotes (`nom="…"`). */
export function escapeAttributeValue(value: string): string {
  return value
    .replace(/[\t\r\n\f\v]+/g, ' ')
    .trim()
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;');
}
