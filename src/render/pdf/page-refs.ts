/**
 * Page references (a table of contents' « p. 12 ») in the PDF: the tree's `pageRef` inlines are
 * written as text with the page their heading was drawn on, and the document is laid out again
 * until every number printed is the page it names (the numbers' own width may move a heading when
 * the table of contents takes more than one page).
 *
 * @example
 * const pages = new Map([['point-1', 3]]);
 * withPageNumbers(tree, pages) // the same tree, each pageRef to « point-1 » now the text « 3 »
 */
import { mapInlines } from '../../tree/transforms/map-inlines.ts';
import type { DocumentTree, Inline } from '../../tree/types.ts';

/** Layouts tried at most: two are enough unless the numbers' width moves a heading. */
export const MAX_LAYOUTS = 4;

/** Width of a number not laid out yet: a two-digit page, as most PVs have. */
const UNKNOWN = '00';

function inlinesHaveRef(nodes: readonly Inline[]): boolean {
  return nodes.some(
    (n) => n.type === 'pageRef' || ('children' in n && n.type !== 'footnote' && inlinesHaveRef(n.children)),
  );
}

/** Whether the document refers to its own pages (only then is it laid out more than once). */
export function hasPageRefs(doc: DocumentTree): boolean {
  let found = false;
  mapInlines(doc, (inlines, place) => {
    if (place.kind !== 'footnote' && inlinesHaveRef(inlines)) found = true;
    return inlines;
  });
  return found;
}

function resolveInlines(nodes: readonly Inline[], pages: ReadonlyMap<string, number> | undefined): Inline[] {
  return nodes.map((n): Inline => {
    if (n.type === 'pageRef') {
      const page = pages?.get(n.target);
      // First layout: a placeholder as wide as a number; later: nothing for a target no heading has.
      return { type: 'text', value: page === undefined ? (pages ? '' : UNKNOWN) : String(page) };
    }
    if (n.type === 'text' || n.type === 'break' || n.type === 'footnote') return n;
    return { ...n, children: resolveInlines(n.children, pages) };
  });
}

/**
 * The tree with each page reference written as its page number (`pages`: anchor → page counted
 * from the document's first page); `undefined` for the first layout, when no page is known.
 */
export function withPageNumbers(
  doc: DocumentTree,
  pages: ReadonlyMap<string, number> | undefined,
): DocumentTree {
  // Footnotes keep their references as they are (a table of contents never sits in one).
  return mapInlines(doc, (inlines, place) =>
    place.kind === 'footnote' ? inlines : resolveInlines(inlines, pages),
  );
}

/** Whether two layouts put every anchor on the same page. */
export function samePages(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number> | undefined,
): boolean {
  return b !== undefined && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
