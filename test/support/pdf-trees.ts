/**
 * Small trees for the PDF page-end tests: filler paragraphs that push a block to the page end.
 */
import type { Block, DocumentTree, Inline } from '../../src/tree/types.ts';
import { sampleTree } from './sample-tree.ts';

export const t = (value: string): Inline => ({ type: 'text', value });
export const para = (value: string): Block => ({ type: 'paragraph', role: 'body', children: [t(value)] });

/** One-line paragraphs « Ligne de remplissage n° i. ». */
export function fillers(count: number): Block[] {
  return Array.from({ length: count }, (_, i) => para(`Ligne de remplissage n°\u00A0${i + 1}.`));
}

/** Inserts a soft hyphen every three letters inside long words (enough to exercise hyphenation). */
export function softHyphenate(text: string): string {
  return text.replace(/\p{L}{7,}/gu, (word) => word.replace(/(\p{L}{3})(?=\p{L}{3})/gu, '$1\u00AD'));
}

/** The sample tree's meta and header around other blocks. */
export function treeOf(children: readonly Block[]): DocumentTree {
  const base = sampleTree();
  return { ...base, children };
}
