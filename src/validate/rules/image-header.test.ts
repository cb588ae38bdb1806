// The image header check on PNG and JPEG bytes built here, chunk by chunk: every colour type and
// depth a logo may use, interlacing, and each way a file can be broken or oversized.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunk } from '../../../test/hostile/images.ts';
import { ADAM7 } from '../../../test/support/logos.ts';
import { imageInfo, MAX_IMAGE_PIXELS } from './image-header.ts';

interface PngOptions {
  readonly width?: number;
  readonly height?: number;
  readonly colourType?: number;
  readonly depth?: number;
  readonly interlaced?: boolean;
  readonly palette?: boolean;
  /** Bytes of pixel data removed from the end (0: exactly what the header announces). */
  readonly short?: number;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Filtered scanline bytes of an image (one filter byte a row), per Adam7 pass when interlaced. */
function rawSize(width: number, height: number, bpp: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bpp) / 8)));
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce(
    (sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)),
    0,
  );
}

function png(options: PngOptions = {}): Buffer {
  const { width = 12, height = 5, colourType = 2, depth = 8, interlaced = false } = options;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, colourType, 0, 0, interlaced ? 1 : 0], 8);
  const bpp = (CHANNELS[colourType] ?? 1) * depth;
  const raw = Buffer.alloc(Math.max(0, rawSize(width, height, bpp, interlaced) - (options.short ?? 0)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...((options.palette ?? colourType === 3)
      ? [chunk('PLTE', Buffer.from([0, 51, 153, 255, 255, 255]))]
      : []),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A JPEG up to its frame header (SOI, APP0, SOF0): what imageInfo reads of one. */
function jpeg(width: number, height: number, components = 3): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(2 + 8 + 3 * components);
  sof.set([0xff, 0xc0], 0);
  sof.writeUInt16BE(8 + 3 * components, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof[9] = components;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

describe('imageInfo: PNG', () => {
  it('gives the size of every colour type and depth a logo may use', () => {
    for (const [colourType, depth] of [
      [0, 1],
      [0, 16],
      [2, 8],
      [2, 16],
      [3, 4],
      [3, 8],
      [4, 8],
      [6, 8],
      [6, 16],
    ] as const) {
      expect(imageInfo(png({ colourType, depth, width: 13, height: 7 })), `${colourType}/${depth}`).toEqual({
        format: 'png',
        width: 13,
        height: 7,
      });
    }
  });

  it('accepts an interlaced (Adam7) image', () => {
    expect(imageInfo(png({ interlaced: true, colourType: 6, width: 17, height: 11 }))).toEqual({
      format: 'png',
      width: 17,
      height: 11,
    });
  });

  it('refuses a colour type and depth the format does not allow', () => {
    expect(imageInfo(png({ colourType: 2, depth: 4 }))).toEqual({ problem: 'en-tête PNG incorrect' });
    expect(imageInfo(png({ colourType: 5 }))).toEqual({ problem: 'en-tête PNG incorrect' });
  });

  it('refuses a palette image without its palette', () => {
    expect(imageInfo(png({ colourType: 3, palette: false }))).toEqual({
      problem: 'fichier PNG à palette sans palette (PLTE)',
    });
  });

  it('refuses a chunk whose checksum is wrong, naming the chunk', () => {
    const bytes = png();
    const at = bytes.indexOf('IDAT', 0, 'latin1') + 6;
    bytes.writeUInt8((bytes.readUInt8(at) ^ 0xff) & 0xff, at);
    expect(imageInfo(bytes)).toEqual({ problem: 'fichier PNG abîmé (somme de contrôle du bloc IDAT)' });
  });

  it('refuses a file cut short, and pixel data shorter than the header announces', () => {
    const bytes = png();
    expect(imageInfo(bytes.subarray(0, bytes.length - 20))).toEqual({
      problem: 'fichier PNG tronqué (bloc IDAT)',
    });
    expect(imageInfo(png({ short: 3 }))).toEqual({ problem: 'données d’image PNG incomplètes' });
  });

  it('refuses an image above the pixel bound from its header alone', () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(side, 0);
    header.writeUInt32BE(side, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const claimed = Buffer.concat([
      png().subarray(0, 8),
      chunk('IHDR', header),
      chunk('IEND', new Uint8Array()),
    ]);
    expect(imageInfo(claimed)).toEqual({
      problem: `image de ${side} × ${side} pixels, au-delà de 10 mégapixels`,
    });
  });
});

describe('imageInfo: JPEG and others', () => {
  it('reads the size from the frame header', () => {
    expect(imageInfo(jpeg(640, 200))).toEqual({ format: 'jpeg', width: 640, height: 200 });
    expect(imageInfo(jpeg(64, 20, 1))).toEqual({ format: 'jpeg', width: 64, height: 20 });
  });

  it('refuses a JPEG cut before its frame header, or with a broken one', () => {
    expect(imageInfo(jpeg(640, 200).subarray(0, 12))).toEqual({ problem: 'fichier JPEG tronqué' });
    expect(imageInfo(jpeg(0, 200))).toEqual({ problem: 'en-tête JPEG incorrect' });
    expect(imageInfo(jpeg(640, 200, 2))).toEqual({ problem: 'en-tête JPEG incorrect' });
  });

  it('says when the bytes are neither PNG nor JPEG', () => {
    expect(imageInfo(Buffer.from('GIF89a'))).toEqual({ problem: 'ni PNG ni JPEG' });
  });
});
