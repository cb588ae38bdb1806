/**
 * « Dossier – page N / M » at the top right of every dossier page, drawn as a pagination artifact:
 * each page, as it is copied, gets its content wrapped in `q … Q` and a last content stream that
 * draws its own stamp form, whose object is only reserved then. The forms are written at the end,
 * when the total is known: one small page each of a PDF rendered by pdfkit with the dossier's font,
 * its compressed content stream reused as it is.
 *
 * @example
 * const stamper = createStamper(out.context);
 * stamper.stamp(leaf); // for every page, in order
 * await stamper.finish(options, () => writer.flush(out.context, keep));
 */
import { deflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  type PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  type PDFStream,
} from 'pdf-lib';
import { renderStamps, STAMP_BOX } from '../render/pdf/stamps.ts';
import { theme } from '../render/theme.ts';
import { LOAD_OPTIONS } from './metadata.ts';
import type { DossierOptions } from './types.ts';

/** The stamp of a dossier page. */
export function stampLabel(page: number, pages: number): string {
  return `Dossier – page ${page} / ${pages}`;
}

export interface Stamper {
  /** Stamps the next page of the dossier (its stamp drawn later, by `finish`). */
  stamp(page: PDFPageLeaf): void;
  /** Writes every page's stamp form; `flush` is called between batches of forms. */
  finish(options: Pick<DossierOptions, 'creationDate' | 'fonts'>, flush: () => Promise<void>): Promise<void>;
}

const name = (n: string) => PDFName.of(n);
const XOBJECT_NAME = 'DossierStamp';
/** Forms written between two flushes. */
const BATCH = 256;

/** A number as pdf-lib writes it in content streams (no exponent, at most 6 decimals). */
function num(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** `[x y width height]` of a page's MediaBox (its lower-left corner and size). */
function mediaBox(context: PDFContext, page: PDFDict): [number, number, number, number] {
  const box = context.lookupMaybe(page.get(name('MediaBox')), PDFArray);
  const at = (i: number) => (box ? (context.lookupMaybe(box.get(i), PDFNumber)?.asNumber() ?? 0) : 0);
  if (!box) return [0, 0, theme.page.width, theme.page.height];
  return [at(0), at(1), at(2) - at(0), at(3) - at(1)];
}

/** The streams of a page's /Contents, in order. */
function contentRefs(context: PDFContext, page: PDFDict): PDFObject[] {
  const contents = page.get(name('Contents'));
  const value = contents instanceof PDFRef ? context.lookup(contents) : contents;
  if (value instanceof PDFArray) return value.asArray();
  return contents === undefined ? [] : [contents];
}

/**
 * The dictionary `key` of `holder`, made this page's own (copied) when it may be shared with
 * another page: an indirect one met before, or any one below a copied holder.
 */
function ownDict(
  context: PDFContext,
  holder: PDFDict,
  key: string,
  seen: Set<PDFRef>,
  copy: boolean,
): { dict: PDFDict; copied: boolean } {
  const value = holder.get(name(key));
  const dict = context.lookupMaybe(value, PDFDict);
  if (dict && !copy && !(value instanceof PDFRef)) return { dict, copied: false };
  if (dict && !copy && value instanceof PDFRef && !seen.has(value)) {
    seen.add(value);
    return { dict, copied: false };
  }
  const own = dict ? dict.clone(context) : context.obj({});
  holder.set(name(key), own);
  return { dict: own, copied: true };
}

export function createStamper(context: PDFContext): Stamper {
  const forms: PDFRef[] = [];
  const boxes: [number, number, number, number][] = [];
  // Indirect resource dictionaries already given a stamp: another page sharing one gets a copy.
  const seen = new Set<PDFRef>();
  const draws = new Map<string, PDFRef>();
  const push = context.register(context.stream('q\n'));
  const pop = context.register(context.stream('\nQ\n'));

  const drawStamp = (x: number, y: number) => {
    const key = `${num(x)} ${num(y)}`;
    let ref = draws.get(key);
    if (!ref) {
      ref = context.register(
        context.stream(`/Artifact BMC\nq\n1 0 0 1 ${key} cm\n/${XOBJECT_NAME} Do\nQ\nEMC\n`),
      );
      draws.set(key, ref);
    }
    return ref;
  };

  return {
    stamp(page) {
      const form = context.nextRef();
      forms.push(form);
      const [x, y, width, height] = mediaBox(context, page);
      boxes.push([x, y, width, height]);
      const resources = ownDict(context, page, 'Resources', seen, false);
      const xobjects = ownDict(context, resources.dict, 'XObject', seen, resources.copied);
      xobjects.dict.set(name(XOBJECT_NAME), form);
      const draw = drawStamp(
        x + width - theme.page.marginRight - STAMP_BOX.width,
        y + height - 34 - STAMP_BOX.height / 2,
      );
      page.set(name('Contents'), context.obj([push, ...contentRefs(context, page), pop, draw]));
    },
    async finish(options, flush) {
      if (forms.length === 0) return;
      const labels = forms.map((_, i) => stampLabel(i + 1, forms.length));
      const stamps = await PDFDocument.load(
        await renderStamps(labels, {
          creationDate: options.creationDate,
          ...(options.fonts ? { fonts: options.fonts } : {}),
        }),
        LOAD_OPTIONS,
      );
      const copier = PDFObjectCopier.for(stamps.context, context);
      const pages = stamps.getPages();
      for (const [i, ref] of forms.entries()) {
        const page = pages[i]?.node;
        if (!page) throw new Error('stamp page missing');
        context.assign(ref, stampForm(stamps.context, context, page, copier));
        if (i % BATCH === BATCH - 1) await flush();
      }
    },
  };
}

/** A stamp page as a form XObject: its one compressed content stream kept as it is. */
function stampForm(src: PDFContext, out: PDFContext, page: PDFPageLeaf, copier: PDFObjectCopier): PDFStream {
  const [x, y, width, height] = mediaBox(src, page);
  const resources = page.getInheritableAttribute(name('Resources'));
  const streams = contentRefs(src, page).map((ref) => src.lookup(ref));
  const dict = out.obj({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [x, y, x + width, y + height],
    Matrix: [1, 0, 0, 1, -x, -y],
  });
  if (resources) dict.set(name('Resources'), copier.copy(resources));
  const [only] = streams;
  if (streams.length === 1 && only instanceof PDFRawStream) {
    for (const key of ['Filter', 'DecodeParms']) {
      const value = only.dict.get(name(key));
      if (value) dict.set(name(key), copier.copy(value));
    }
    return PDFRawStream.of(dict, only.getContents());
  }
  const parts = streams.map((s) =>
    s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : new Uint8Array(0),
  );
  dict.set(name('Filter'), name('FlateDecode'));
  return PDFRawStream.of(dict, deflateSync(Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]))));
}
