/**
 * Document tree(s) → PDF bytes: the pdfkit document (fonts, metadata, PDF/A, tags), pages laid out
 * by the paginator, then the running header and footer (« Page X / Y ») once the page count is known.
 *
 * @example
 * const { bytes, pages } = await renderPdf(tree, { creationDate: new Date(0) });
 */
import { pageFurniture } from '../../tree/furniture.ts';
import type { DocumentMeta, DocumentTree, PageFurniture } from '../../tree/types.ts';
import { loadFonts } from '../fonts.ts';
import { theme } from '../theme.ts';
import { layoutBlocks } from './blocks/index.ts';
import type { DrawContext, Frame } from './flow.ts';
import { paginate } from './flow.ts';
import { type Face, fontName, pdfMeasurer } from './measure.ts';
import { drawFirstPageHeader, drawPageLine } from './page.ts';
import { setPageLabels } from './page-labels.ts';
import { hasPageRefs, MAX_LAYOUTS, samePages, withPageNumbers } from './page-refs.ts';
import {
  attachFile,
  createPdfKitDocument,
  endDocument,
  escapeXmpInfo,
  imagesSettled,
  type PdfDoc,
  registerFontObject,
} from './pdfkit.ts';
import { addSignatureFields } from './signature-fields.ts';
import { rootParent, type StructParent, tag } from './tagging.ts';
import type { PdfRenderOptions, PdfResult, SignatureBox } from './types.ts';
import { escapeXml } from './xmp.ts';

const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** A document of the dossier. */
export interface DossierSection {
  /** Bookmark of the section. */
  readonly title: string;
  /**
   * Bookmark this section's bookmark goes under (« Point n° 1 – … »): consecutive sections with the
   * same group share one parent bookmark.
   */
  readonly group?: string;
  readonly doc: DocumentTree;
}

interface Section {
  /** Bookmark of the section (dossier only). */
  readonly title?: string;
  readonly group?: string;
  readonly doc: DocumentTree;
}

function createDocument(meta: DocumentMeta, options: PdfRenderOptions): PdfDoc {
  const pdfa = options.pdfa !== undefined;
  const doc = createPdfKitDocument({
    size: [theme.page.width, theme.page.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    ...(pdfa ? { subset: 'PDF/A-3b' as const } : {}),
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      Creator: 'delib',
      Producer: 'delib (pdfkit)',
      CreationDate: options.creationDate,
    },
  });
  escapeXmpInfo(doc, escapeXml);
  const fonts = options.fonts ?? loadFonts();
  for (const face of FACES) registerFontObject(doc, fontName(face), fonts[face]);
  doc.font(fontName('regular'));
  const source = options.pdfa?.source;
  if (source) {
    attachFile(doc, source.data, {
      name: source.name,
      type: 'application/yaml',
      description: 'Données de la séance (source)',
      relationship: 'Source',
      creationDate: options.creationDate,
      modifiedDate: options.creationDate,
    });
  }
  return doc;
}

interface Laid extends PdfResult {
  /** Per section, the page (from the section's first) each anchored heading starts on. */
  readonly sectionAnchors: readonly ReadonlyMap<string, number>[];
}

async function renderSections(
  sections: readonly Section[],
  meta: DocumentMeta,
  options: PdfRenderOptions,
  signatureFields: boolean,
  layoutOnly = false,
): Promise<Laid> {
  const sectionAnchors: Map<string, number>[] = [];
  const doc = createDocument(meta, options);
  const measure = pdfMeasurer(doc);
  const signatureBoxes: SignatureBox[] = [];
  /** Running lines of each page, in page order (each section its own). */
  const pageLines: PageFurniture[] = [];
  let pageIndex = -1;
  const { marginTop, marginBottom, marginLeft, marginRight, width, height } = theme.page;
  const bottom = height - marginBottom;

  // A document alone may continue a recueil's pages (`firstPage`); the dossier numbers its own.
  const only = sections.length === 1 ? sections[0] : undefined;
  const start = only !== undefined && only.title === undefined ? (only.doc.firstPage ?? 1) : 1;
  let currentGroup: { title: string; item: PDFKit.PDFOutline } | undefined;
  for (const section of sections) {
    const tree = section.doc;
    const furniture = pageFurniture(tree);
    let top = marginTop;
    const addPage = () => {
      doc.addPage({ size: [width, height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
      pageIndex++;
      pageLines.push(furniture);
      top = marginTop;
    };
    addPage();
    const firstPage = pageIndex;
    const anchors = new Map<string, number>();
    sectionAnchors.push(anchors);
    top = drawFirstPageHeader(doc, tree.header, options.assets, measure);
    // A PNG logo is decoded asynchronously: its objects are numbered here, in document order.
    await imagesSettled(doc);

    let parent: StructParent = rootParent(doc);
    let outlineRoot = doc.outline;
    if (section.group !== undefined) {
      if (!currentGroup || currentGroup.title !== section.group) {
        currentGroup = { title: section.group, item: doc.outline.addItem(section.group, { expanded: true }) };
      }
    } else {
      currentGroup = undefined;
    }
    if (section.title !== undefined) {
      outlineRoot = (currentGroup?.item ?? doc.outline).addItem(section.title, { expanded: true });
      const sect = tag(doc, parent, 'Sect');
      parent = (element) => {
        sect.element.add(element);
      };
    }
    // The bookmarks still open, by level: a heading goes under the last one of a lower level.
    const open: { level: number; item: PDFKit.PDFOutline }[] = [];
    const ctx: DrawContext = {
      doc,
      page: () => pageIndex,
      outline(level, title) {
        while (open.length > 0 && (open.at(-1)?.level ?? 0) >= level) open.pop();
        open.push({ level, item: (open.at(-1)?.item ?? outlineRoot).addItem(title) });
      },
      signature(box) {
        signatureBoxes.push({ ...box, page: pageIndex });
      },
      anchor(name) {
        if (!anchors.has(name)) anchors.set(name, pageIndex - firstPage + start);
      },
    };
    const frame: Frame = {
      top: () => top,
      bottom,
      fullHeight: bottom - marginTop,
      left: marginLeft,
      newPage: addPage,
    };
    const flowables = layoutBlocks(tree.children, {
      doc,
      measure,
      x: marginLeft,
      width: width - marginLeft - marginRight,
      parent,
      ...(tree.bullets ? { bullets: tree.bullets } : {}),
    });
    paginate(flowables, frame, ctx, { absorb: theme.page.absorb });
  }

  const pages = pageLines.length;
  // A layout that only finds the anchors' pages: its bytes are not kept.
  if (layoutOnly) return { bytes: new Uint8Array(), pages, sectionAnchors };
  pageLines.forEach((lines, i) => {
    doc.switchToPage(i);
    const numbers = { page: i + start, pages };
    if (lines.header) drawPageLine(doc, lines.header, 'header', numbers, measure);
    if (lines.footer) drawPageLine(doc, lines.footer, 'footer', numbers, measure);
  });
  if (start !== 1) setPageLabels(doc, start);
  // The dossier gathers documents with the same field names: only single documents get fields.
  if (signatureFields) addSignatureFields(doc, signatureBoxes);
  const bytes = await endDocument(doc);
  return { bytes, pages, signatureBoxes, sectionAnchors };
}

/**
 * Lays the sections out until the page numbers their page references print are the pages their
 * anchors fall on (page-refs.ts): once for a document without references, usually twice with.
 */
async function renderResolved(
  sections: readonly Section[],
  meta: DocumentMeta,
  options: PdfRenderOptions,
  signatureFields: boolean,
): Promise<PdfResult> {
  const referring = sections.map((s) => hasPageRefs(s.doc));
  if (!referring.some(Boolean)) {
    const { sectionAnchors: _, ...result } = await renderSections(sections, meta, options, signatureFields);
    return result;
  }
  let known: readonly (ReadonlyMap<string, number> | undefined)[] = sections.map(() => undefined);
  for (let layout = 1; ; layout++) {
    const resolved = sections.map((s, i) =>
      referring[i] ? { ...s, doc: withPageNumbers(s.doc, known[i]) } : s,
    );
    const first = layout === 1;
    const laid = await renderSections(resolved, meta, options, signatureFields, first);
    const settled = !first && laid.sectionAnchors.every((a, i) => !referring[i] || samePages(a, known[i]));
    if (settled || layout >= MAX_LAYOUTS) {
      const { sectionAnchors, ...result } = laid;
      return { ...result, anchors: sectionAnchors[0] ?? new Map() };
    }
    known = laid.sectionAnchors;
  }
}

/**
 * Renders one document.
 *
 * @example
 * const { bytes, pages, signatureBoxes } = await renderPdf(tree, { creationDate: new Date('2023-03-23') });
 */
export function renderPdf(doc: DocumentTree, options: PdfRenderOptions): Promise<PdfResult> {
  return renderResolved([{ doc }], doc.meta, options, true);
}

/**
 * The dossier de séance: several documents in one PDF, each starting on a new page with its own
 * first-page header, one outline entry per section (with its own headings below it), page numbers
 * continuous « Page X / Y » over the whole file.
 *
 * @example
 * await renderPdfDossier([{ title: 'Ordre du jour', doc: odj }, { title: 'Point 1', doc: note }], meta, options);
 */
export function renderPdfDossier(
  sections: readonly DossierSection[],
  meta: DocumentMeta,
  options: PdfRenderOptions,
): Promise<PdfResult> {
  return renderResolved(sections, meta, options, false);
}
