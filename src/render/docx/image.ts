/**
 * Just enough of PNG, JPEG and GIF headers to place a logo: its type and pixel size.
 *
 * @example
 * imageInfo(pngBytes) // { type: 'png', width: 120, height: 60 }
 */

export interface ImageInfo {
  readonly type: 'png' | 'jpg' | 'gif';
  readonly width: number;
  readonly height: number;
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32be(b: Uint8Array, i: number): number {
  return u16be(b, i) * 65536 + u16be(b, i + 2);
}

function jpegSize(b: Uint8Array): ImageInfo | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    const length = u16be(b, i + 2);
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

/** Type and size of an image, or undefined for formats a DOCX logo does not take. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  if (bytes.length > 24 && u32be(bytes, 0) === 0x89504e47 && u32be(bytes, 12) === 0x49484452) {
    return { type: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  if (bytes.length > 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return {
      type: 'gif',
      width: (bytes[6] ?? 0) | ((bytes[7] ?? 0) << 8),
      height: (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8),
    };
  }
  return undefined;
}
