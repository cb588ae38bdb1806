/**
 * Image bytes for the logo cases, built here rather than stored: a valid PNG, one whose header
 * claims 100 megapixels (no pixel data is allocated), one cut short.
 *
 * @example
 * png(4, 2) // a 4 × 2 RGB PNG, every pixel white
 */
import { crc32, deflateSync } from 'node:zlib';

/** A PNG chunk: length, type, data and CRC-32. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Uint8Array {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return chunk('IHDR', h);
}

/** A valid RGB PNG of `width` × `height` white pixels. */
export function png(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc(height * (1 + width * 3), 0xff);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 3)] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A PNG whose header claims `width` × `height` pixels, with one tiny data chunk. */
export function pngClaiming(width: number, height: number): Uint8Array {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A valid PNG cut in the middle of its data chunk. */
export function pngTruncated(): Uint8Array {
  const whole = png(32, 32);
  return whole.subarray(0, whole.length - 30);
}

/** A valid-looking PNG whose second row has filter type 7 (only 0 to 4 exist). */
export function pngBadFilter(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc(height * (1 + width * 3), 0xff);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 3)] = y === 1 ? 7 : 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
