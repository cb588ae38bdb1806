/**
 * Reads what a PNG or JPEG file claims to be, without decoding its pixels: format, size, and
 * whether its structure holds (PNG chunks and their checksums, the compressed data inflates to
 * the size the header announces; JPEG segments up to the frame header). The PDF renderer decodes
 * the logo with pdfkit, which throws or allocates width × height × 4 bytes on a broken or huge
 * image: this check runs first, in validation, and turns both into a located diagnostic.
 *
 * @example
 * imageInfo(readFileSync('logo.png')) // { format: 'png', width: 400, height: 120 }
 */
import { crc32, inflateSync } from 'node:zlib';

export interface ImageInfo {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

export type ImageCheck = ImageInfo | { readonly problem: string };

/**
 * Largest logo accepted: far above any letterhead (a 10 cm logo at 300 dpi is 1 200 pixels
 * wide), far below what exhausts memory (pdfkit decodes every pixel, several times over).
 */
export const MAX_IMAGE_PIXELS = 10_000_000;
/** Longest side accepted: a 25 000 000 × 1 image is no logo. */
export const MAX_IMAGE_SIDE = 10_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bits per pixel of a PNG colour type and bit depth, or 0 when the pair is not allowed. */
function pngBitsPerPixel(colourType: number, depth: number): number {
  const channels: Record<number, { n: number; depths: number[] }> = {
    0: { n: 1, depths: [1, 2, 4, 8, 16] },
    2: { n: 3, depths: [8, 16] },
    3: { n: 1, depths: [1, 2, 4, 8] },
    4: { n: 2, depths: [8, 16] },
    6: { n: 4, depths: [8, 16] },
  };
  const c = channels[colourType];
  return c?.depths.includes(depth) ? c.n * depth : 0;
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function tooLarge(width: number, height: number): string | undefined {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return `image de ${width} × ${height} pixels, plus de ${MAX_IMAGE_SIDE.toLocaleString('fr-FR')} pixels de côté`;
  }
  return width * height > MAX_IMAGE_PIXELS
    ? `image de ${width} × ${height} pixels, au-delà de ${MAX_IMAGE_PIXELS / 1_000_000} mégapixels`
    : undefined;
}

function png(bytes: Uint8Array): ImageCheck {
  let at = 8;
  let header: { width: number; height: number; bpp: number; interlaced: boolean } | undefined;
  const data: Uint8Array[] = [];
  let palette = false;
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return { problem: `fichier PNG tronqué (bloc ${type})` };
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length)) {
      return { problem: `fichier PNG abîmé (somme de contrôle du bloc ${type})` };
    }
    if (header === undefined && type !== 'IHDR') return { problem: 'fichier PNG sans en-tête IHDR' };
    if (type === 'IHDR') {
      if (length !== 13) return { problem: 'en-tête PNG incorrect' };
      const width = u32(body, 0);
      const height = u32(body, 4);
      const bpp = pngBitsPerPixel(body[9] ?? 255, body[8] ?? 0);
      if (width === 0 || height === 0 || bpp === 0) return { problem: 'en-tête PNG incorrect' };
      const large = tooLarge(width, height);
      if (large) return { problem: large };
      header = { width, height, bpp, interlaced: body[12] === 1 };
      if (body[9] === 3) palette = true;
    } else if (type === 'PLTE') palette = false;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header || !ended || data.length === 0) return { problem: 'fichier PNG tronqué ou incomplet' };
  if (palette) return { problem: 'fichier PNG à palette sans palette (PLTE)' };
  const rowBytes = Math.ceil((header.width * header.bpp) / 8) + 1;
  // Adam7 adds at most one filter byte per row of each of its 7 passes.
  const expected = header.height * rowBytes + (header.interlaced ? 7 * header.height + 7 * 8 : 0);
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch {
    return { problem: 'données d’image PNG illisibles ou plus grandes que annoncé' };
  }
  if (!header.interlaced && inflated.length !== expected) {
    return { problem: 'données d’image PNG incomplètes' };
  }
  // Each row starts with its filter type, 0 to 4; pdfkit throws on any other.
  if (!header.interlaced) {
    for (let row = 0; row < header.height; row++) {
      if ((inflated[row * rowBytes] ?? 0) > 4)
        return { problem: `ligne ${row + 1} de l’image PNG illisible (filtre inconnu)` };
    }
  }
  return { format: 'png', width: header.width, height: header.height };
}

function jpeg(bytes: Uint8Array): ImageCheck {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { problem: 'fichier JPEG abîmé' };
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return { problem: 'fichier JPEG tronqué' };
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (frame) {
      const height = u16(bytes, at + 5);
      const width = u16(bytes, at + 7);
      const components = bytes[at + 9] ?? 0;
      if (width === 0 || height === 0 || ![1, 3, 4].includes(components)) {
        return { problem: 'en-tête JPEG incorrect' };
      }
      const large = tooLarge(width, height);
      return large ? { problem: large } : { format: 'jpeg', width, height };
    }
    at += 2 + length;
  }
  return { problem: 'fichier JPEG tronqué (sans en-tête de trame)' };
}

/**
 * Checks the structure of PNG or JPEG bytes; returns the size, or the problem in French.
 *
 * @example
 * imageInfo(new Uint8Array([0x47, 0x49, 0x46])) // { problem: 'ni PNG ni JPEG' }
 */
export function imageInfo(bytes: Uint8Array): ImageCheck {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
  return { problem: 'ni PNG ni JPEG' };
}
