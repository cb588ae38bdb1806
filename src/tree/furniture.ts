/**
 * The running header and footer of a document's pages: the tree's own lines, or delib's footer
 * (short title on the left, « Page X / Y » on the right) when the tree states none. `{page}` and
 * `{pages}` are the only values left for the renderer; it splits a line's text on them.
 *
 * @example
 * pageFurniture(tree).footer // { left: 'Note de présentation – point n° 1', center: '', right: 'Page {page} / {pages}' }
 * pageText('Page {page} sur {pages}', 2, 9) // 'Page 2 sur 9'
 */
import type { DocumentTree, PageFurniture, PageLine } from './types.ts';

/** delib's own page number, right of the footer. */
export const DEFAULT_PAGE_NUMBER = 'Page {page} / {pages}';
/** delib's own footer title, left of the footer: the document's short title. */
export const DEFAULT_FOOTER_TITLE = '{titre}';

/** The footer delib prints without formulas of the collectivité. */
export function defaultFurniture(shortTitle: string): PageFurniture {
  return { footer: { left: shortTitle, center: '', right: DEFAULT_PAGE_NUMBER } };
}

/** The lines to print on every page of `doc`. */
export function pageFurniture(doc: DocumentTree): PageFurniture {
  return doc.pages ?? defaultFurniture(doc.meta.shortTitle);
}

/** A line is printed when one of its places holds text. */
export function lineOrNothing(line: PageLine): PageLine | undefined {
  return line.left === '' && line.center === '' && line.right === '' ? undefined : line;
}

export type PageSegment = { readonly text: string } | { readonly field: 'page' | 'pages' };

/** The text of one place, cut at `{page}` and `{pages}`. */
export function pageSegments(text: string): PageSegment[] {
  return text
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? { field: 'page' } : part === '{pages}' ? { field: 'pages' } : { text: part },
    );
}

/** The text of one place on page `page` of `pages`. */
export function pageText(text: string, page: number, pages: number): string {
  return pageSegments(text)
    .map((s) => ('text' in s ? s.text : String(s.field === 'page' ? page : pages)))
    .join('');
}
