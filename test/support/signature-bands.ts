/**
 * The tree with side-by-side signatures in the DOCX's reading order (src/render/docx/signatures.ts):
 * for each row of at most three signatories, their headings and qualités, then their names. A
 * single signatory keeps its own order (heading, qualité, name).
 *
 * @example
 * treeText({ ...tree, children: withSignatureBands(tree.children) })
 */
import type { Block, DocumentTree } from '../../src/tree/types.ts';

const line = (value: string): Block => ({
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'text', value }],
});

export function withSignatureBands(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.type === 'keepTogether' || b.type === 'titleBlock') {
      return [{ ...b, children: withSignatureBands(b.children) } as Block];
    }
    if (b.type !== 'signatures' || b.children.length < 2) return [b];
    const out: Block[] = [];
    for (let start = 0; start < b.children.length; start += 3) {
      const row = b.children.slice(start, start + 3);
      for (const s of row) for (const t of [s.heading, s.qualite]) if (t !== '') out.push(line(t));
      for (const s of row) if (s.nom !== '') out.push(line(s.nom));
    }
    return out;
  });
}

/** The same, for a whole tree. */
export const signatureBands = (tree: DocumentTree): DocumentTree => ({
  ...tree,
  children: withSignatureBands(tree.children),
});
