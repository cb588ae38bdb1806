/**
 * How a template writes a page reference into its Markdown (inline directives are off, see
 * markdown.ts): the target between two private-use characters, which the Markdown escaping and
 * the typography leave alone, read back as a `pageRef` inline by `from-mdast.ts`.
 *
 * @example
 * pageRefMarker('point-3') // '\uE010point-3\uE011'
 * splitPageRefs('p. \uE010point-3\uE011') // [{ type: 'text', value: 'p. ' }, { type: 'pageRef', target: 'point-3' }]
 */
import type { Inline } from './types.ts';

const OPEN = '\uE010';
const CLOSE = '\uE011';
const MARKER = /\uE010([A-Za-z0-9_-]+)\uE011/g;

/** The text a template writes where the page number of the heading anchored `target` goes. */
export function pageRefMarker(target: string): string {
  return `${OPEN}${target}${CLOSE}`;
}

/** A text with its markers made `pageRef` inlines (the text as one node when it has none). */
export function splitPageRefs(value: string): Inline[] {
  if (!value.includes(OPEN)) return [{ type: 'text', value }];
  const out: Inline[] = [];
  let last = 0;
  for (const m of value.matchAll(MARKER)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({ type: 'pageRef', target: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}
