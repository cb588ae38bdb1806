/**
 * Copies the pages of one PDF into the dossier: pages copied as they are (content streams, fonts
 * and images are not laid out again), with the part's structure tree moved under its section and
 * its bookmarks kept below the part's own. Annotations are dropped (form fields, signature
 * widgets and links belong to the file itself, which the bundle keeps byte for byte).
 *
 * @example
 * const copied = copyPdfPart(out, await PDFDocument.load(bytes), structure, sect, 'Plan de situation');
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPageLeaf,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { OutlineNode } from './outline.ts';
import { numberTreeEntries, type StructNode, type Structure } from './structure.ts';

export interface CopiedPart {
  readonly pages: readonly PDFRef[];
  /** The part's own bookmarks, their destinations pointing at the copied pages. */
  readonly outline: readonly OutlineNode[];
  /** Whether the part brought its structure tree (else each page is one tagged figure). */
  readonly tagged: boolean;
}

const name = (n: string) => PDFName.of(n);

function isTagged(src: PDFDocument): boolean {
  const mark = src.catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.get(name('Marked'));
  return src.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict) !== undefined && String(mark) === 'true';
}

function textOf(value: PDFObject | undefined): string {
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : '';
}

/** A bookmark's destination as an explicit array (`/Dest [page /XYZ …]` or a GoTo action). */
function explicitDest(item: PDFDict): PDFArray | undefined {
  const dest = item.lookup(name('Dest'));
  if (dest instanceof PDFArray) return dest;
  const action = item.lookupMaybe(name('A'), PDFDict);
  const d = action?.lookup(name('D'));
  return d instanceof PDFArray ? d : undefined;
}

function readOutline(
  first: PDFDict | undefined,
  copyDest: (dest: PDFArray) => PDFArray | undefined,
  depth = 0,
): OutlineNode[] {
  const out: OutlineNode[] = [];
  const seen = new Set<PDFDict>();
  for (let item = first; item && !seen.has(item) && depth < 16; ) {
    seen.add(item);
    const dest = explicitDest(item);
    const copied = dest ? copyDest(dest) : undefined;
    const children = readOutline(item.lookupMaybe(name('First'), PDFDict), copyDest, depth + 1);
    if (copied) out.push({ title: textOf(item.lookup(name('Title'))), dest: copied, children });
    else out.push(...children);
    item = item.lookupMaybe(name('Next'), PDFDict);
  }
  return out;
}

function kidsOf(value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  if (value instanceof PDFArray) return value.asArray();
  return [value];
}

/** Moves the part's structure tree under `sect`; returns the offset added to its parent tree keys. */
function copyStructure(
  src: PDFDocument,
  out: PDFDocument,
  copy: <T extends PDFObject>(o: T) => T,
  structure: Structure,
  sect: StructNode,
): number {
  const root = src.catalog.lookup(name('StructTreeRoot'), PDFDict);
  for (const kid of kidsOf(root.get(name('K')))) {
    const dict = kid instanceof PDFRef ? src.context.lookup(kid) : kid;
    // The top elements point at the part's own root: cut that link so that it is not copied.
    if (dict instanceof PDFDict) dict.delete(name('P'));
    const copied = copy(kid);
    const copiedDict = copied instanceof PDFRef ? out.context.lookup(copied) : copied;
    if (copiedDict instanceof PDFDict) copiedDict.set(name('P'), sect.ref);
    sect.kids.push(copied);
  }
  const roles = root.lookupMaybe(name('RoleMap'), PDFDict);
  for (const [key, value] of roles?.entries() ?? []) {
    if (!structure.roleMap.has(key)) structure.roleMap.set(key, copy(value));
  }
  const entries = numberTreeEntries(root.lookupMaybe(name('ParentTree'), PDFDict));
  const next = root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
  const count = Math.max(next, ...entries.map(([key]) => key + 1));
  const offset = structure.reserveKeys(count);
  for (const [key, value] of entries) structure.setParentEntry(offset + key, copy(value));
  return offset;
}

/** Tags an untagged page as one figure with an alternative text. */
function tagAsFigure(
  out: PDFDocument,
  page: PDFPageLeaf,
  ref: PDFRef,
  structure: Structure,
  sect: StructNode,
  alt: string,
): void {
  const { context } = out;
  const before = context.register(context.stream('/Figure <</MCID 0>> BDC\n'));
  const after = context.register(context.stream('\nEMC\n'));
  const contents = page.get(name('Contents'));
  const list = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  page.set(name('Contents'), context.obj([before, ...list, after]));
  structure.figure(sect, page, ref, alt);
}

export function copyPdfPart(
  out: PDFDocument,
  src: PDFDocument,
  structure: Structure,
  sect: StructNode,
  alt: string,
): CopiedPart {
  const copier = PDFObjectCopier.for(src.context, out.context);
  const copy = <T extends PDFObject>(o: T): T => copier.copy(o);
  const srcPages = src.getPages();
  for (const page of srcPages) page.node.delete(name('Annots'));
  const tagged = isTagged(src);
  const offset = tagged ? copyStructure(src, out, copy, structure, sect) : 0;
  const pages: PDFRef[] = [];
  srcPages.forEach((srcPage, index) => {
    const ref = copy(srcPage.ref);
    const leaf = out.context.lookup(ref);
    if (!(leaf instanceof PDFPageLeaf)) throw new Error('copied page is not a page');
    // Listed in the page tree by the assembler, which writes it at the end.
    leaf.set(name('Parent'), out.catalog.get(name('Pages')) as PDFRef);
    pages.push(ref);
    const key = leaf.lookupMaybe(name('StructParents'), PDFNumber);
    if (tagged && key) leaf.set(name('StructParents'), PDFNumber.of(key.asNumber() + offset));
    else if (tagged) leaf.delete(name('StructParents'));
    else
      tagAsFigure(out, leaf, ref, structure, sect, srcPages.length > 1 ? `${alt}, page ${index + 1}` : alt);
  });
  const pageRefs = new Set(srcPages.map((p) => p.ref));
  const copyDest = (dest: PDFArray) => {
    const target = dest.get(0);
    return target instanceof PDFRef && pageRefs.has(target) ? copy(dest) : undefined;
  };
  const outlines = src.catalog.lookupMaybe(name('Outlines'), PDFDict);
  const outline = readOutline(outlines?.lookupMaybe(name('First'), PDFDict), copyDest);
  return { pages, outline, tagged };
}
