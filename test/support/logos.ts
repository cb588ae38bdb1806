/**
 * Logo images of every kind a collectivité may have, encoded here (PNG through node:zlib): RGBA,
 * 16-bit, interlaced (Adam7) and palette with transparency. Pixels are a gradient with a
 * transparent border, so every channel and the alpha vary.
 *
 * @example
 * writeFileSync('logo.png', pngLogo({ colorType: 6, bitDepth: 16 }));
 */
import { deflateSync } from 'node:zlib';
import { chunk, PNG_SIGNATURE } from '../hostile/images.ts';

export interface PngKind {
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth: 8 | 16;
  readonly interlaced?: boolean;
  readonly width?: number;
  readonly height?: number;
}

/** Adam7 passes: x0, y0, dx, dy. */
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;
const PALETTE_SIZE = 16;

/** Sample values (0–1) of pixel (x, y), per channel of the colour type. */
function samples(kind: PngKind, x: number, y: number, width: number, height: number): number[] {
  const inside = x > 1 && y > 1 && x < width - 2 && y < height - 2;
  const alpha = inside ? 0.25 + (0.75 * x) / width : 0;
  const r = x / width;
  const g = y / height;
  const b = ((x + y) % 7) / 6;
  switch (kind.colorType) {
    case 0:
      return [g];
    case 2:
      return [r, g, b];
    case 3:
      return [(Math.floor(x / 4) + Math.floor(y / 4)) % PALETTE_SIZE];
    case 4:
      return [g, alpha];
    case 6:
      return [r, g, b, alpha];
  }
}

function pixelBytes(kind: PngKind, values: number[]): number[] {
  if (kind.colorType === 3) return values;
  const max = kind.bitDepth === 16 ? 0xffff : 0xff;
  return values.flatMap((v) => {
    const n = Math.round(v * max);
    return kind.bitDepth === 16 ? [n >> 8, n & 0xff] : [n];
  });
}

/** Filtered scanlines (filter 0) of the sub-image x0 + i·dx, y0 + j·dy. */
function scanlines(kind: PngKind, width: number, height: number, pass: readonly number[]): number[] {
  const [x0 = 0, y0 = 0, dx = 1, dy = 1] = pass;
  const out: number[] = [];
  for (let y = y0; y < height; y += dy) {
    if (x0 >= width) break;
    out.push(0);
    for (let x = x0; x < width; x += dx) out.push(...pixelBytes(kind, samples(kind, x, y, width, height)));
  }
  return out;
}

export function pngLogo(kind: PngKind): Buffer {
  const width = kind.width ?? 60;
  const height = kind.height ?? 24;
  const bitDepth = kind.colorType === 3 ? 8 : kind.bitDepth;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, kind.colorType, 0, 0, kind.interlaced ? 1 : 0], 8);
  const passes = kind.interlaced ? ADAM7 : [[0, 0, 1, 1]];
  const raw = Uint8Array.from(passes.flatMap((pass) => scanlines(kind, width, height, pass)));
  const chunks = [chunk('IHDR', header)];
  if (kind.colorType === 3) {
    const colours = Array.from({ length: PALETTE_SIZE }, (_, i) => [i * 16, 255 - i * 16, (i * 40) % 256]);
    chunks.push(chunk('PLTE', Uint8Array.from(colours.flat())));
    chunks.push(chunk('tRNS', Uint8Array.from(colours.map((_, i) => (i % 3 === 0 ? 0 : 128 + i * 8)))));
  }
  chunks.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array()));
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}

/**
 * A baseline JPEG (three components, no subsampling) of one flat grey: every block codes a zero
 * DC difference and an end of block, with one-code Huffman tables.
 */
export function jpegLogo(width = 64, height = 24): Buffer {
  const segment = (marker: number, body: readonly number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneCodeTable = (classAndId: number) => [classAndId, 1, ...new Array(15).fill(0), 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 3 * 2; // per component: DC category 0 ('0'), then EOB ('0')
  const data = new Array(Math.ceil(bits / 8)).fill(0);
  data[data.length - 1] = (1 << (data.length * 8 - bits)) - 1; // padded with ones
  const components = [1, 2, 3];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...new Array(64).fill(1)]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      ...components.flatMap((id) => [id, 0x11, 0]),
    ]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(0xda, [3, ...components.flatMap((id) => [id, 0x00]), 0, 63, 0]),
    ...data,
    0xff,
    0xd9,
  ]);
}
