/**
 * The dossier's bookmarks (outline), written from a tree of titles and destinations.
 *
 * @example
 * writeOutline(out, [{ title: 'Ordre du jour', dest: out.context.obj([pageRef, PDFName.of('Fit')]), children: [] }]);
 */
import { type PDFArray, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

export interface OutlineNode {
  readonly title: string;
  /** An explicit destination: `[page /XYZ left top zoom]` or `[page /Fit]`. */
  readonly dest: PDFArray;
  readonly children: readonly OutlineNode[];
  /** Children shown (default: only for the dossier's own levels). */
  readonly open?: boolean;
}

/** Number of items shown below `node` when it is open. */
function visible(node: OutlineNode): number {
  return node.children.reduce((sum, child) => sum + 1 + (child.open ? visible(child) : 0), 0);
}

function writeItems(out: PDFDocument, nodes: readonly OutlineNode[], parent: PDFRef): PDFRef[] {
  const { context } = out;
  const refs = nodes.map(() => context.nextRef());
  nodes.forEach((node, i) => {
    const dict = context.obj({
      Title: PDFHexString.fromText(node.title),
      Parent: parent,
      Dest: node.dest,
    });
    const ref = refs[i] as PDFRef;
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    if (node.children.length > 0) {
      const kids = writeItems(out, node.children, ref);
      dict.set(PDFName.of('First'), kids[0] as PDFRef);
      dict.set(PDFName.of('Last'), kids.at(-1) as PDFRef);
      dict.set(PDFName.of('Count'), PDFNumber.of(node.open ? visible(node) : -node.children.length));
    }
    context.assign(ref, dict);
  });
  return refs;
}

/** Writes the outline and asks readers to show it when the file opens. */
export function writeOutline(out: PDFDocument, nodes: readonly OutlineNode[]): void {
  if (nodes.length === 0) return;
  const { context } = out;
  const rootRef = context.nextRef();
  const items = writeItems(out, nodes, rootRef);
  const count = nodes.reduce((sum, n) => sum + 1 + (n.open ? visible(n) : 0), 0);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: items[0] as PDFRef, Last: items.at(-1) as PDFRef, Count: count }),
  );
  out.catalog.set(PDFName.of('Outlines'), rootRef);
  out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
