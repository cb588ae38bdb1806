/**
 * The one place that imports pdfkit, with local types for the few gaps of `@types/pdfkit` 0.17
 * against pdfkit 0.20 (fontkit objects in `registerFont`, attachment relationship, private XMP hook).
 *
 * @example
 * const doc = createPdfKitDocument({ size: [595.28, 841.89], bufferPages: true });
 */
import PDFDocument from 'pdfkit';
import { perObject } from '../../per-object.ts';
import type { LoadedFont } from '../fonts.ts';
import { cacheSubsetGlyphs } from './subset-cache.ts';

export type PdfDoc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

/** Options pdfkit 0.20 accepts beyond what its typings declare. */
interface AttachmentOptions extends PDFKit.Mixins.PDFAttachmentOptions {
  readonly relationship?: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified';
}

interface PdfKitExtras {
  registerFont(name: string, src: LoadedFont): unknown;
  file(src: Buffer, options: AttachmentOptions): unknown;
  _addInfo(): void;
  openImage(src: Buffer): PdfImage;
  image(src: PdfImage, x: number, y: number, options: { height: number }): unknown;
}

/** An image parsed by pdfkit (PNG or JPEG), embedded once when drawn. */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
}

/** pdfkit's PNG image: png-js decodes the pixels asynchronously (zlib on the thread pool). */
interface PngImageInternals {
  readonly image?: { decodePixels?: (fn: (pixels: Uint8Array) => void) => void };
}

/** Images opened in each document, by the bytes they come from: one XObject per logo. */
const openedImages = new WeakMap<PdfDoc, Map<Uint8Array, PdfImage>>();
/** Decodings started in each document and not yet awaited by `imagesSettled`. */
const pendingDecodes = new WeakMap<PdfDoc, Promise<void>[]>();

/**
 * Parses PNG or JPEG bytes (throws on anything else), once per document. pdfkit decodes a PNG
 * with transparency, 16-bit samples or interlacing asynchronously and only then numbers its soft
 * mask and writes the image: with several images in flight (the dossier drew the logo once per
 * section), the object numbers depended on which decoding finished first. Each document now
 * embeds a given logo once, and `imagesSettled` lets the renderer wait for the decoding at a fixed
 * point of its work.
 */
export function openImage(doc: PdfDoc, data: Uint8Array): PdfImage {
  let images = openedImages.get(doc);
  if (!images) {
    images = new Map();
    openedImages.set(doc, images);
  }
  const known = images.get(data);
  if (known) return known;
  const image = (doc as unknown as PdfKitExtras).openImage(
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  );
  trackDecoding(doc, image as PngImageInternals);
  images.set(data, image);
  return image;
}

function trackDecoding(doc: PdfDoc, image: PngImageInternals): void {
  const png = image.image;
  const decode = png?.decodePixels?.bind(png);
  if (!png || !decode) return;
  png.decodePixels = (fn) => {
    const decoded = new Promise<void>((resolve, reject) => {
      decode((pixels) => {
        try {
          fn(pixels);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    const pending = pendingDecodes.get(doc) ?? [];
    pending.push(decoded);
    pendingDecodes.set(doc, pending);
  };
}

/** Resolves once every image drawn so far in `doc` is decoded and written. */
export async function imagesSettled(doc: PdfDoc): Promise<void> {
  const pending = pendingDecodes.get(doc);
  if (!pending?.length) return;
  pendingDecodes.set(doc, []);
  await Promise.all(pending);
}

export function drawImage(doc: PdfDoc, image: PdfImage, x: number, y: number, height: number): void {
  (doc as unknown as PdfKitExtras).image(image, x, y, { height });
}

/** What pdfkit's EmbeddedFont holds that the shared layout cache needs (not in its typings). */
interface EmbeddedFontInternals {
  readonly font?: FontkitInternals;
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string) => unknown;
  layoutCached?: (text: string) => unknown;
  readonly unicode?: (readonly number[] | undefined)[];
  readonly subset?: { readonly glyphs: readonly number[] };
  embed?: () => void;
}

/** fontkit's character map, asked without creating glyph objects (which would fix their text). */
interface FontkitInternals {
  readonly characterSet: readonly number[];
  readonly _cmapProcessor: { lookup(codePoint: number): number };
}

/** Lowest code point of each glyph id in a face's character map, computed once per face. */
const reverseCmaps = new WeakMap<object, Map<number, number>>();

function reverseCmap(font: FontkitInternals): Map<number, number> {
  let map = reverseCmaps.get(font);
  if (!map) {
    map = new Map();
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      const id = font._cmapProcessor.lookup(cp);
      if (id !== 0 && !map.has(id)) map.set(id, cp);
    }
    reverseCmaps.set(font, map);
  }
  return map;
}

/**
 * fontkit gives a glyph the characters of its first use in the process, and some shaping paths
 * create it with none: the glyph then maps to nothing in the PDF's ToUnicode, and which one does
 * depends on what the thread rendered before (1 and N threads gave different bytes). Before
 * pdfkit writes the map, every glyph left without text gets its character from the font's cmap.
 */
function fillEmptyUnicode(embedded: EmbeddedFontInternals): void {
  const embed = embedded.embed?.bind(embedded);
  const { font, unicode, subset } = embedded;
  if (!embed || !font || !unicode || !subset) return;
  embedded.embed = () => {
    for (let gid = 1; gid < unicode.length; gid++) {
      if (unicode[gid]?.length !== 0) continue;
      const cp = reverseCmap(font).get(subset.glyphs[gid] ?? 0);
      if (cp !== undefined) unicode[gid] = [cp];
    }
    embed();
  };
}

/**
 * Shaped runs (fontkit `layout`, scaled by pdfkit) by fontkit font, shared by every document of
 * the process. pdfkit keeps one cache per document; since fonts are parsed once per process
 * (fonts.ts), the same word shaped by the same font gives the same run in every document, and
 * pdfkit reads cached runs without changing them. Output bytes are the same; shaping is done once.
 * The cache is a Map read by a replacement of pdfkit's `layoutCached` (same lookups, same runs),
 * of at most 200 000 distinct words and spaces-delimited runs a font.
 */
const sharedLayoutCache = perObject<object, string, unknown>(200_000);

/** pdfkit's `layoutCached(text)` reading the face's shared cache. */
function shareLayouts(embedded: EmbeddedFontInternals, font: object): void {
  const layoutRun = embedded.layoutRun?.bind(embedded);
  if (!layoutRun) return;
  embedded.layoutCached = (text) => {
    const cache = sharedLayoutCache(font);
    let run = cache.get(text);
    if (!run) {
      run = layoutRun(text);
      cache.set(text, run);
    }
    return run;
  };
}

/** What pdfkit's PDFReference does with stream data (not in its typings). */
interface ReferenceInternals {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/** Characters of content operators gathered before they become one byte array. */
const CONTENT_CHUNK = 16 * 1024;

/**
 * pdfkit turns every content operator into its own Uint8Array (≈ 2 700 a page, ≈ 180 bytes each
 * with their headers); with buffered pages a long dossier held ≈ 0.64 MB a page until the end.
 * Operators are kept as one string per object and converted every 16 K characters, the same way
 * (low byte of each character, then « \n »): same bytes, a third of the memory.
 */
function bufferAsStrings(ref: ReferenceInternals): void {
  const write = ref.write.bind(ref);
  const finalize = ref.finalize.bind(ref);
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    const bytes = Buffer.from(pending, 'latin1');
    pending = '';
    write(bytes);
  };
  ref.write = (chunk) => {
    if (typeof chunk !== 'string') {
      flush();
      write(chunk);
      return;
    }
    pending += `${chunk}\n`;
    if (pending.length >= CONTENT_CHUNK) flush();
  };
  ref.finalize = () => {
    flush();
    finalize();
  };
}

export function createPdfKitDocument(options: PDFKit.PDFDocumentOptions): PdfDoc {
  // No default Helvetica: pdfkit reads and parses its AFM file for every document (≈ 10 ms), and
  // delib never draws with it (an unused font is never written). The font counter is set as if it
  // had been loaded, so the fonts keep their ids (F2…) and the output its bytes.
  const doc = new PDFDocument({ ...options, font: null as unknown as string }); // typings omit null
  (doc as unknown as { _fontCount: number })._fontCount = 1;
  const ref = doc.ref.bind(doc);
  doc.ref = ((data: object = {}) => {
    const created = ref(data);
    bufferAsStrings(created as unknown as ReferenceInternals);
    return created;
  }) as PdfDoc['ref'];
  const font = doc.font.bind(doc);
  const shared = new WeakSet<object>();
  doc.font = ((...args: Parameters<PdfDoc['font']>) => {
    font(...args);
    const embedded = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
    if (embedded?.font && embedded.layoutCache && !shared.has(embedded)) {
      shareLayouts(embedded, embedded.font);
      fillEmptyUnicode(embedded);
      cacheSubsetGlyphs(embedded.subset);
      shared.add(embedded);
    }
    return doc;
  }) as PdfDoc['font'];
  return doc;
}

/** `registerFont` with a pre-parsed fontkit font (pdfkit accepts any object with `layout`). */
export function registerFontObject(doc: PdfDoc, name: string, font: LoadedFont): void {
  (doc as unknown as PdfKitExtras).registerFont(name, font);
}

export function attachFile(doc: PdfDoc, data: Uint8Array, options: AttachmentOptions): void {
  (doc as unknown as PdfKitExtras).file(Buffer.from(data.buffer, data.byteOffset, data.byteLength), options);
}

/**
 * pdfkit writes Title/Author/Subject/Keywords into the XMP packet without XML escaping: run its
 * XMP writer with escaped copies (the Info dictionary, written earlier, keeps the real strings).
 */
export function escapeXmpInfo(doc: PdfDoc, escapeText: (text: string) => string): void {
  const extras = doc as unknown as PdfKitExtras;
  const original = extras._addInfo.bind(doc);
  extras._addInfo = () => {
    const info = doc.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(info))
      escaped[key] = typeof value === 'string' ? escapeText(value) : value;
    doc.info = escaped as PDFKit.DocumentInfo;
    try {
      original();
    } finally {
      doc.info = info;
    }
  };
}

/** Ends a pdfkit document and gathers its bytes. */
export function endDocument(doc: PdfDoc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
