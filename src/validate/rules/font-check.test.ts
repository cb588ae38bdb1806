import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkedFont, overrunGlyph } from './font-check.ts';
import { fontkit } from './lazy-fontkit.ts';

const require = createRequire(import.meta.url);
const FONT = readFileSync(
  require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
);

/** fontkit's internals the tests read: where it reads a glyph from, and what it decodes. */
interface Internals {
  readonly numGlyphs: number;
  readonly stream: { pos: number };
  readonly directory: { tables: Record<string, { offset: number }> };
  readonly loca: { offsets: number[] };
  _getTableStream(tag: string): { buffer: Uint8Array; pos: number };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
}

const open = (bytes: Uint8Array) =>
  fontkit().create(Buffer.from(bytes)) as unknown as Internals & Fontkit.Font;

/** The font with the bytes of its `glyf` table replaced by noise (as test/untrusted-files.test.ts). */
function scrambledGlyf(): Uint8Array {
  const font = Buffer.from(FONT);
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) !== 'glyf') continue;
    const offset = font.readUInt32BE(record + 8);
    for (let j = 0; j < font.readUInt32BE(record + 12); j++) font[offset + j] = (j * 7919 + 13) & 0xff;
  }
  return new Uint8Array(font);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('overrunGlyph', () => {
  it('measures each glyph as fontkit reads it: its exact length fits, a byte less overruns', () => {
    const font = open(FONT);
    const { buffer, pos } = font._getTableStream('glyf');
    const offsets = font.loca.offsets;
    let checked = 0;
    for (let id = 0; id < font.numGlyphs; id++) {
      if (offsets[id] === offsets[id + 1]) continue;
      font.getGlyph(id)._decode();
      const read = font.stream.pos - (font.directory.tables.glyf?.offset ?? 0) - (offsets[id] ?? 0);
      const slot = (length: number) => {
        const changed = [...offsets];
        changed[id + 1] = (offsets[id] ?? 0) + length;
        return { bytes: buffer, start: pos, offsets: changed };
      };
      expect(overrunGlyph(slot(read), [id])).toBeUndefined();
      expect(overrunGlyph(slot(read - 1), [id])).toBe(id);
      checked++;
    }
    // Simple and composite glyphs alike (Source Sans 3 has 1 347 composites).
    expect(checked).toBeGreaterThan(2_400);
    expect(overrunGlyph({ bytes: buffer, start: pos, offsets }, offsets.keys())).toBeUndefined();
  });

  it('follows the components of a composite glyph', () => {
    const bytes = new Uint8Array(32);
    const view = new DataView(bytes.buffer);
    // Glyph 1: a composite of glyph 2 (byte offsets, last component).
    view.setInt16(0, -1);
    view.setUint16(12, 2);
    // Glyph 2: one contour of 1 000 points, in 16 bytes: 256 points of 4 bytes of coordinates.
    view.setInt16(16, 1);
    view.setUint16(26, 999);
    bytes[30] = 0x08;
    bytes[31] = 255;
    expect(overrunGlyph({ bytes, start: 0, offsets: [0, 0, 16, 32] }, [0, 1])).toBe(2);
    expect(overrunGlyph({ bytes, start: 0, offsets: [0, 0, 16, 16] }, [0, 1])).toBeUndefined();
  });
});

describe('checkedFont', () => {
  it('accepts the default font', () => {
    expect(checkedFont(new Uint8Array(FONT))).toHaveProperty('font');
  });

  it('refuses a scrambled glyf table without decoding a glyph', () => {
    // Each glyph of the noise declares thousands of contours and points, which fontkit decodes in
    // time quadratic in them (≈ 1 s of CPU for the four glyphs it reached before failing).
    const prototype = Object.getPrototypeOf(open(FONT).getGlyph(1)) as { _decode(): unknown };
    const decode = vi.spyOn(prototype, '_decode');
    expect(checkedFont(scrambledGlyf())).toEqual({
      problem: 'fichier de police abîmé (ses glyphes ne peuvent pas être lus ni incorporés)',
    });
    expect(decode).not.toHaveBeenCalled();
  });
});
