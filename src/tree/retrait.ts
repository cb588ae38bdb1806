/**
 * A clerk's one block in rich text, an indented (retrait) block: `:::retrait` and `:::` on lines of
 * their own. The clerk's text is checked with these lines (from-mdast.ts, rich-text mode), then
 * templated with the pair turned into the leaf directives below (template/register-helpers.ts),
 * which close nothing of the template around them.
 *
 * @example
 * RETRAIT_OPEN.test(':::retrait') // true
 */
export const RETRAIT_OPEN = /^:::retrait[ \t]*$/;
export const RETRAIT_CLOSE = /^:::[ \t]*$/;

/** The template's leaf directives around a clerk's retrait block: `::debut-retrait`, `::fin-retrait`. */
export const RETRAIT_START = 'debut-retrait';
export const RETRAIT_END = 'fin-retrait';
