/**
 * The structure tree of the dossier (tagged PDF): Document → Part (a point) → Sect (a part of the
 * dossier) → the copied structure of that part; and the parent tree that maps each page's marked
 * content back to its elements, renumbered as parts are appended.
 *
 * @example
 * const structure = createStructure(out);
 * const sect = structure.section(structure.group('Point n° 1 – Budget'), 'Note de présentation');
 */
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPageLeaf,
  type PDFRef,
} from 'pdf-lib';

/** A structure element being filled: its reference and its kids. */
export interface StructNode {
  readonly ref: PDFRef;
  readonly kids: PDFArray;
}

export interface Structure {
  /** The Document element. */
  readonly root: StructNode;
  /** A Part element under the Document, titled (a point). */
  group(title: string): StructNode;
  /** A Sect element under `parent`, titled (a note, an annex). */
  section(parent: StructNode, title: string): StructNode;
  /** Reserves `count` keys for a copied parent tree; returns the first. */
  reserveKeys(count: number): number;
  setParentEntry(key: number, value: PDFObject): void;
  /**
   * Tags the whole content of a page (marked `/Figure <</MCID 0>> BDC … EMC` by the caller) as one
   * figure under `parent`, with an alternative text.
   */
  figure(parent: StructNode, page: PDFPageLeaf, pageRef: PDFRef, alt: string): void;
  /** Role map entries of copied parts (a custom type → a standard one). */
  readonly roleMap: PDFDict;
  /** Writes the StructTreeRoot, MarkInfo and the parent tree into the catalog. */
  finish(): void;
}

/** The dossier's own elements: numbered at once, written by `finish` (their kids grow until then). */
type Pending = [PDFRef, PDFDict][];

function element(
  context: PDFContext,
  pending: Pending,
  type: string,
  parent: PDFRef,
  title?: string,
): StructNode {
  const kids = context.obj([]);
  const dict = context.obj({ Type: 'StructElem', S: type, P: parent, K: kids });
  if (title !== undefined) dict.set(PDFName.of('T'), PDFHexString.fromText(title));
  const ref = context.nextRef();
  pending.push([ref, dict]);
  return { ref, kids };
}

export function createStructure(out: PDFDocument): Structure {
  const { context } = out;
  const rootRef = context.nextRef();
  const pending: Pending = [];
  const root = element(context, pending, 'Document', rootRef);
  const entries = new Map<number, PDFObject>();
  const roleMap = context.obj({});
  let nextKey = 0;
  return {
    root,
    roleMap,
    group(title) {
      const node = element(context, pending, 'Part', root.ref, title);
      root.kids.push(node.ref);
      return node;
    },
    section(parent, title) {
      const node = element(context, pending, 'Sect', parent.ref, title);
      parent.kids.push(node.ref);
      return node;
    },
    figure(parent, page, pageRef, alt) {
      const dict = context.obj({ Type: 'StructElem', S: 'Figure', P: parent.ref, Pg: pageRef, K: 0 });
      dict.set(PDFName.of('Alt'), PDFHexString.fromText(alt));
      const figure = context.register(dict);
      parent.kids.push(figure);
      const key = nextKey++;
      entries.set(key, context.obj([figure]));
      page.set(PDFName.of('StructParents'), PDFNumber.of(key));
    },
    reserveKeys(count) {
      const first = nextKey;
      nextKey += count;
      return first;
    },
    setParentEntry(key, value) {
      entries.set(key, value);
    },
    finish() {
      for (const [ref, dict] of pending) context.assign(ref, dict);
      const nums = context.obj([]);
      for (const key of [...entries.keys()].sort((a, b) => a - b)) {
        nums.push(PDFNumber.of(key));
        nums.push(entries.get(key) as PDFObject);
      }
      const treeRoot = context.obj({
        Type: 'StructTreeRoot',
        K: root.ref,
        ParentTree: context.obj({ Nums: nums }),
        ParentTreeNextKey: nextKey,
      });
      if (roleMap.entries().length > 0) treeRoot.set(PDFName.of('RoleMap'), roleMap);
      context.assign(rootRef, treeRoot);
      out.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
      out.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    },
  };
}

/** Every `[key, value]` of a number tree (`/Nums` and `/Kids`), in order. */
export function numberTreeEntries(tree: PDFDict | undefined, depth = 0): [number, PDFObject][] {
  if (!tree || depth > 32) return [];
  const out: [number, PDFObject][] = [];
  const nums = tree.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
    }
  }
  const kids = tree.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) out.push(...numberTreeEntries(kid, depth + 1));
    }
  }
  return out;
}
