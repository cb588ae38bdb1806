/**
 * Reading PDFs back with pdf.js for tests: text items with positions and whether they are
 * artifacts (header/footer), page count, outline, metadata, MarkInfo and structure tree.
 *
 * @example
 * const pdf = await readPdf(bytes);
 * expect(dehyphenate(pdf.bodyLines(), softText(tree))).toBe(foldSpaces(treeText(tree)));
 */

import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { signatureReadingOrder } from '../../src/tree/signature-rows.ts';
import type { Block, DocumentTree, Inline } from '../../src/tree/types.ts';
import { getDocument } from './pdfjs.ts';

export interface PdfTextItem {
  readonly str: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly eol: boolean;
  /** Inside an Artifact marked-content sequence (header, footer, repeated table header). */
  readonly artifact: boolean;
  /** The id of the innermost marked-content sequence with one (`p10R_mc6`), which the structure tree names. */
  readonly markedContent?: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
  readonly structTree: unknown;
}

export interface OutlineNode {
  readonly title: string;
  readonly items: readonly OutlineNode[];
}

export interface ReadPdf {
  readonly pages: readonly PdfPage[];
  readonly outline: readonly OutlineNode[];
  readonly info: Readonly<Record<string, unknown>>;
  /** XMP values (pdf.js parses the packet: empty when it is not well-formed). */
  readonly xmp: ReadonlyMap<string, unknown>;
  readonly markInfo: { readonly Marked?: boolean } | null;
  /** The catalog's page labels, one per page, or null without /PageLabels. */
  readonly pageLabels: readonly string[] | null;
  /** Body text lines (artifacts excluded) in content order; a line ends where pdf.js saw a line end. */
  bodyLines(): string[];
  /** Text of the artifacts of a page. */
  artifactText(page: number): string;
}

interface RawOutline {
  title: string;
  items: RawOutline[];
}

const simplify = (nodes: readonly RawOutline[]): OutlineNode[] =>
  nodes.map((n) => ({ title: n.title, items: simplify(n.items) }));

/**
 * The page count and outline alone, for a test that reads nothing else: no page's text is
 * extracted (most of pdf.js's time on a dossier of tens of pages).
 */
export async function readPdfOutline(
  bytes: Uint8Array,
): Promise<{ readonly pageCount: number; readonly outline: readonly OutlineNode[] }> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const outline = simplify(((await doc.getOutline()) ?? []) as RawOutline[]);
  const pageCount = doc.numPages;
  await doc.destroy();
  return { pageCount, outline };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: boolean[] = [];
    const ids: (string | undefined)[] = [];
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          stack.push((item as { tag?: string }).tag === 'Artifact' || (stack[stack.length - 1] ?? false));
          ids.push((item as { id?: string | null }).id ?? ids[ids.length - 1]);
        } else if (item.type === 'endMarkedContent') {
          stack.pop();
          ids.pop();
        }
        continue;
      }
      const text = item as TextItem;
      const [, , , d, e, f] = text.transform as [number, number, number, number, number, number];
      items.push({
        str: text.str,
        x: e,
        y: height - f,
        width: text.width,
        fontSize: Math.abs(d),
        eol: text.hasEOL,
        artifact: stack[stack.length - 1] ?? false,
        ...(ids[ids.length - 1] === undefined ? {} : { markedContent: ids[ids.length - 1] }),
      });
    }
    pages.push({ width, height, items, structTree: await page.getStructTree() });
  }
  const outline = simplify(((await doc.getOutline()) ?? []) as RawOutline[]);
  const meta = await doc.getMetadata();
  const xmp = new Map<string, unknown>(meta.metadata ? [...meta.metadata] : []);
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  const pageLabels = await doc.getPageLabels();
  await doc.destroy();
  return {
    pages,
    outline,
    info: meta.info as Record<string, unknown>,
    xmp,
    markInfo,
    pageLabels,
    bodyLines() {
      const lines: string[] = [];
      let current = '';
      let lastY: number | undefined;
      for (const page of pages) {
        for (const item of page.items) {
          if (item.artifact) continue;
          // A new baseline (beyond a superscript's rise) also ends a line.
          if (lastY !== undefined && Math.abs(item.y - lastY) > item.fontSize * 0.6 && current !== '') {
            lines.push(current);
            current = '';
          }
          if (item.str !== '') lastY = item.y;
          current += item.str;
          if (item.eol) {
            lines.push(current);
            current = '';
          }
        }
      }
      if (current !== '') lines.push(current);
      return lines.filter((l) => l.trim() !== '');
    },
    artifactText(n) {
      return (pages[n]?.items ?? [])
        .filter((i) => i.artifact)
        .map((i) => i.str)
        .join(' ');
    },
  };
}

function inlineSoft(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type === 'break') return '\n';
      if (node.type === 'footnote') return node.label;
      if (node.type === 'pageRef') return '';
      return inlineSoft(node.children);
    })
    .join('');
}

function blockSoft(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [inlineSoft(block.children)];
    case 'titleBlock':
    case 'keepTogether':
      return block.children.flatMap(blockSoft);
    case 'list':
      return block.children.flatMap((item) => item.children.flatMap(blockSoft));
    case 'table':
      return [block.head, ...block.body].flatMap((row) => row.children.map((c) => inlineSoft(c.children)));
    case 'signatures':
      // Read row by row, as the DOCX's table: a row's headings and qualités, then its names.
      return signatureReadingOrder(block.children);
    case 'pageBreak':
      return [];
  }
}

/** The tree's text like `treeText`, but keeping soft hyphens (to know which line-end « - » are soft). */
export function softText(doc: DocumentTree): string {
  return doc.children.flatMap(blockSoft).join('\n');
}

const fold = (s: string) =>
  s
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Joins extracted lines into one folded string, removing a line-end « - » where the tree has a
 * soft hyphen and joining without space where the tree has a real hyphen there. List labels
 * (« • », « 1. ») at a line start are dropped when the tree's text does not have them there.
 */
export function dehyphenate(lines: readonly string[], soft: string): string {
  const expected = fold(soft);
  let out = '';
  let j = 0; // position in `expected` matching the end of `out`
  const advance = (text: string) => {
    for (const ch of text) {
      out += ch;
      // Skip soft hyphens in the expected text: they are not drawn mid-line.
      while (expected[j] === '\u00AD') j++;
      if (expected[j] === ch) j++;
    }
  };
  lines.forEach((raw, i) => {
    let line = fold(raw);
    // A list label (« • », « 3. ») is drawn but is not part of the tree's text.
    const label = /^(•|\d+\.) /.exec(line);
    if (label && !expected.slice(j).replace(/^ /, '').startsWith(label[0]))
      line = line.slice(label[0].length);
    if (i > 0 && out !== '') {
      while (expected[j] === '\u00AD') j++;
      if (expected[j] === ' ') {
        out += ' ';
        j++;
      }
    }
    if (line.endsWith('-')) {
      const body = line.slice(0, -1);
      advance(body);
      if (expected[j] === '\u00AD') j++;
      else advance('-');
    } else {
      advance(line);
    }
  });
  return out;
}

interface StructNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructNode[];
}

/**
 * The tagged structure elements of a role (« H3 », « Table », « L »…) in reading order, each with
 * the text of its marked content, read through the structure tree.
 *
 * @example
 * taggedTexts(pdf, /^H[1-6]$/) // [{ role: 'H2', text: 'Les usagers de la salle' }, …]
 */
export function taggedTexts(pdf: ReadPdf, role: RegExp): { role: string; text: string }[] {
  const found: { role: string; text: string }[] = [];
  for (const page of pdf.pages) {
    const textOf = (id: string) =>
      page.items
        .filter((i) => i.markedContent === id)
        .map((i) => i.str)
        .join('');
    const ids = (node: StructNode): string[] =>
      node.type === 'content' && node.id ? [node.id] : (node.children ?? []).flatMap(ids);
    const walk = (node: StructNode) => {
      if (node.role && role.test(node.role))
        found.push({ role: node.role, text: ids(node).map(textOf).join('') });
      else for (const child of node.children ?? []) walk(child);
    };
    walk(page.structTree as StructNode);
  }
  return found;
}
