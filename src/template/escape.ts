/**
 * Escaping of plain values for the Markdown that templates produce.
 *
 * A plain field (a rapporteur called `*Dupont*`, an objet holding `# `, `|`, `:::` or `<b>`) must
 * print literally, wherever the template puts it: in a paragraph, a heading, a table cell, an
 * emphasis, at the start of a line. A backslash, which CommonMark removes, goes before every
 * character that can open or close a construct anywhere in a line (`ANYWHERE`), and before the
 * value's first character if it is any other ASCII punctuation or ends a run of leading digits
 * (`- `, `+ `, `= `, `: `, `2023. ` would start a list, a heading underline, a directive at the
 * start of a line; a value begins a line at most once, its newlines being folded). Commas, periods,
 * hyphens, colons and parentheses inside a value stay as they are: they mean nothing there, and
 * micromark reads a text with a backslash before each of them 20–30 % slower. Whitespace that would
 * change the meaning (newlines, tabs, leading or trailing spaces) is folded. Not for a link's
 * destination (no template puts a value there). Directive attributes need another escaping
 * (`attributeValue`): backslashes are not processed there, character references are.
 *
 * @example
 * escapeMarkdownText('*Dupont* # 1') // '\\*Dupont\\* \\# 1'
 * escapeMarkdownText('- Budget 2024, section 1.') // '\\- Budget 2024, section 1.'
 */

/**
 * What opens or closes a construct wherever it stands: escapes and code, emphasis, links, notes
 * and images, character references, table cells, headings' closing `#`, and the rest of the
 * characters CommonMark or a directive may read (`<`, `~`, braces), rare in a value.
 */
const ANYWHERE = /[\\`*_[\]<>!&|~{}#]/g;
/** A first character that may start a line's construct, or the `.`/`)` after leading digits. */
const FIRST = /^(?:\d+(?=[.)])|)([!-/:-@[-`{-~])/;

/** Escapes a plain value for Markdown text: it reads back as exactly the same characters. */
export function escapeMarkdownText(value: string): string {
  const folded = value.replace(/[\t\r\n\f\v]+/g, ' ').trim();
  const escaped = folded.replace(ANYWHERE, '\\$&');
  // The first character, unless already escaped (then the text starts with a backslash).
  return escaped.startsWith('\\')
    ? escaped
    : escaped.replace(FIRST, (whole, mark: string) => `${whole.slice(0, -1)}\\${mark}`);
}

/** Escapes a plain value for a directive attribute between double quotes (`nom="…"`). */
export function escapeAttributeValue(value: string): string {
  return value
    .replace(/[\t\r\n\f\v]+/g, ' ')
    .trim()
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;');
}
