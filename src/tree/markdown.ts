/**
 * The one Markdown parser of delib: micromark + mdast with GFM tables, GFM footnotes (`[^1]` and
 * `[^1]: texte`) and block directives only.
 *
 * Inline directives are left out on purpose (`:name` would eat « 10:30 », « mailto: »), and so are
 * raw HTML, autolinks and indented code, so that HTML and indentation stay plain text.
 *
 * @example
 * const root = parseMarkdown(':::objet\nOBJET : x\n:::\n');
 */
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';

const flowDirectives = { flow: directive().flow };
const noHtml = { disable: { null: ['htmlFlow', 'htmlText', 'autolink', 'codeIndented'] } };

/** Parses Markdown text into an mdast tree with positions on every node. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [flowDirectives, gfmTable(), gfmFootnote(), noHtml],
    mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()],
  });
}
