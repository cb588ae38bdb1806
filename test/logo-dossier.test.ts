// A dossier drawn by pdfkit (`renderPdfDossier`, public API) draws the first-page header, logo
// included, once per section. pdfkit decodes a PNG with alpha, 16-bit samples or interlacing on
// the thread pool and numbers its soft mask when the decoding ends: with several decodings in
// flight, object numbers followed the order in which they ended (af5a217). Since the bundle's
// dossier is copied from the written PDFs (pdf-lib), no build draws two logos in one pdfkit
// document: these tests are the ones that fail when the per-document image cache or the decoding
// settled at each section (src/render/pdf/pdfkit.ts) is removed.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdfDossier } from '../src/render/pdf/index.ts';
import { DOSSIER_META, logoSections, twoLogos } from './support/logo-dossier.ts';
import { jpegLogo, pngLogo } from './support/logos.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface ImageObject {
  readonly number: number;
  readonly width: number;
  /** Object number of its soft mask, if any. */
  readonly smask?: number;
}

/** Image XObjects of a PDF that are not themselves soft masks, in object-number order. */
async function images(bytes: Uint8Array): Promise<ImageObject[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const all = pdf.context
    .enumerateIndirectObjects()
    .filter(([, object]) => object instanceof PDFRawStream)
    .map(([ref, object]) => ({ ref, dict: (object as PDFRawStream).dict }))
    .filter(({ dict }) => dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
  const masks = new Set(
    all.map(({ dict }) => dict.get(PDFName.of('SMask'))).filter((m): m is PDFRef => m instanceof PDFRef),
  );
  return all
    .filter(({ ref }) => !masks.has(ref))
    .map(({ ref, dict }) => {
      const smask = dict.get(PDFName.of('SMask'));
      const width = dict.get(PDFName.of('Width'));
      return {
        number: ref.objectNumber,
        width: width instanceof PDFNumber ? width.asNumber() : Number.NaN,
        ...(smask instanceof PDFRef ? { smask: smask.objectNumber } : {}),
      };
    })
    .sort((a, b) => a.number - b.number);
}

const KINDS = [
  ['RGBA 8-bit', pngLogo({ colorType: 6, bitDepth: 8 }), true],
  ['RGBA 16-bit', pngLogo({ colorType: 6, bitDepth: 16 }), true],
  ['interlaced RGBA', pngLogo({ colorType: 6, bitDepth: 8, interlaced: true }), true],
  ['interlaced RGB', pngLogo({ colorType: 2, bitDepth: 8, interlaced: true }), false],
  ['interlaced 16-bit grey + alpha', pngLogo({ colorType: 4, bitDepth: 16, interlaced: true }), true],
  ['palette + tRNS', pngLogo({ colorType: 3, bitDepth: 8 }), true],
  ['JPEG', jpegLogo(), false],
] as const;

describe.each(KINDS)('a pdfkit dossier with a %s logo in every section', (_kind, logo, masked) => {
  it('embeds the logo once and has the same bytes in two renders at once', async () => {
    const assets = new Map([['logo', new Uint8Array(logo)]]);
    const render = () =>
      renderPdfDossier(logoSections(['logo', 'logo', 'logo']), DOSSIER_META, { creationDate, assets });
    const [a, b] = await Promise.all([render(), render()]);
    expect(sha(b.bytes)).toBe(sha(a.bytes));
    const found = await images(a.bytes);
    expect(found).toHaveLength(1);
    expect(found[0]?.smask !== undefined).toBe(masked);
  });
});

it('a pdfkit dossier with two logos numbers each logo’s objects where its section draws it', async () => {
  // Without the decoding settled at each section, both soft masks were numbered after every other
  // object of the document, in the order their decodings ended on the thread pool.
  const assets = twoLogos();
  const render = () =>
    renderPdfDossier(logoSections(['wide', 'small', 'wide']), DOSSIER_META, { creationDate, assets });
  const [a, b] = await Promise.all([render(), render()]);
  expect(sha(b.bytes)).toBe(sha(a.bytes));
  const [first, second, ...others] = await images(a.bytes);
  expect([first?.width, second?.width, others]).toEqual([120, 30, []]);
  expect(first?.smask).toBeGreaterThan(first?.number ?? Infinity);
  expect(first?.smask).toBeLessThan(second?.number ?? 0);
  expect(second?.smask).toBeGreaterThan(second?.number ?? Infinity);
});
