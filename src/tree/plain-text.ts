/**
 * Whether a clerk's text is surely free of anything the rich-text subset rejects, told without
 * parsing it: `delib validate` then skips the Markdown parser for that field (its first run is
 * most of a small séance's rich-text check). Conservative: any character or line shape that could
 * open a rejected construct (HTML, image, link, footnote, code, quote, separator line, directive,
 * character reference, list nested beyond one level) sends the text to the parser, which decides.
 *
 * @example
 * surelyPlain('Le conseil **approuve** la convention.') // true
 * surelyPlain('Voir [ici](https://exemple.fr).') // false: parsed
 */

/** Characters that open HTML, quotes, links, images, footnotes, definitions, code and fences. */
const OPENERS = /[<>[`~]|::/;
/** A character reference (`&lt;`, `&#60;`) can decode to `<`. */
const REFERENCE = /&(?:#|[A-Za-z][A-Za-z0-9]*;)/;
/** A list marker on an indented line, or a second marker right after the first: a nested list. */
const NESTED_LIST =
  /^(?:[ \t]+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/m;
/**
 * Three separator characters once spaces are removed: the line may be a separator (« - - - »),
 * unless it holds a « | » (a table's delimiter row « |---|--:| » is no separator).
 */
const SEPARATOR = /-{3}|\*{3}|_{3}/;

/** True when parsing `text` in the rich-text mode surely reports no problem. */
export function surelyPlain(text: string): boolean {
  if (OPENERS.test(text) || REFERENCE.test(text) || NESTED_LIST.test(text)) return false;
  for (const line of text.split('\n')) {
    if (!line.includes('|') && SEPARATOR.test(line.replace(/\s+/g, ''))) return false;
  }
  return true;
}
