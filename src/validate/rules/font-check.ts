/**
 * Whether a font file will survive the renderers: parsed by fontkit, laid out, and subset the way
 * pdfkit does when it embeds it (`createSubset`, `includeGlyph`, `encode`). A font cut in half,
 * with a scrambled glyf table, or a WOFF2 renamed `.ttf` passes a parse but crashes the PDF at
 * its end: trying the same steps here, on the bytes read at loading, turns that into a diagnostic.
 * Uses fontkit directly: validation never imports the PDF renderer's font module.
 *
 * Before fontkit decodes the glyphs the subset takes (and the components they are made of), each
 * one's data is checked to fit its own slot of the `glyf` table (`overrunGlyph`): a scrambled
 * table declares thousands of contours and points in a glyph of a hundred bytes, which fontkit's
 * decoder reads in time quadratic in them (seconds a glyph) before failing or embedding garbage.
 *
 * @example
 * const font = checkedFont(bytes); if ('problem' in font) report(font.problem);
 */
import type * as Fontkit from 'fontkit';
import { fontkit } from './lazy-fontkit.ts';

/** Characters every French council document needs. */
export const FRENCH =
  'aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyzÿæœAÀÂÄBCÇDEÉÈÊËFGHIÎÏJKLMNOÔÖPQRSTUÙÛÜVWXYŸÆŒ0123456789«»’€°–—…\u00A0';

export type FontCheck = { readonly font: Fontkit.Font } | { readonly problem: string };

const checked = new WeakMap<Uint8Array, FontCheck>();

function signature(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4));
}

function check(bytes: Uint8Array): FontCheck {
  const tag = signature(bytes);
  if (tag === 'wOF2') return { problem: 'c’est une police WOFF2 (même renommée), non prise en charge' };
  if (tag === 'ttcf') return { problem: 'le fichier contient plusieurs polices (collection TTC)' };
  if (!['\u0000\u0001\u0000\u0000', 'OTTO', 'true', 'wOFF'].includes(tag)) {
    return { problem: 'ce n’est pas un fichier de police TTF, OTF ou WOFF' };
  }
  let font: Fontkit.Font;
  try {
    const parsed = fontkit().create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!('layout' in parsed)) return { problem: 'le fichier contient plusieurs polices' };
    font = parsed;
  } catch {
    return { problem: 'fichier de police illisible ou abîmé' };
  }
  const broken = { problem: 'fichier de police abîmé (ses glyphes ne peuvent pas être lus ni incorporés)' };
  try {
    const run = font.layout(`${FRENCH} Délibération n° 2024-01`);
    const subset = font.createSubset() as unknown as Fontkit.Subset & {
      glyphs: number[];
      encode(): Uint8Array;
    };
    for (const glyph of run.glyphs) {
      subset.includeGlyph(glyph);
      void glyph.advanceWidth;
    }
    if (overrunGlyph(glyfTable(font), subset.glyphs) !== undefined) return broken;
    subset.encode();
  } catch {
    return broken;
  }
  return { font };
}

/** A TrueType font's `glyf` table and `loca` offsets, as fontkit reads them. */
export interface GlyfTable {
  /** The bytes fontkit reads the table from, and where the table starts in them. */
  readonly bytes: Uint8Array;
  readonly start: number;
  /** Glyph id → its data's offset in the table; its slot ends at the next glyph's offset. */
  readonly offsets: ArrayLike<number>;
}

/** Internals of a fontkit TrueType font: its table streams and its decoded `loca`. */
interface FontkitInternals {
  _getTableStream(tag: string): { buffer: Uint8Array; pos: number } | null;
  readonly loca?: { readonly offsets: ArrayLike<number> };
}

/** The font's `glyf` table, or undefined for a font without one (CFF outlines). */
function glyfTable(font: Fontkit.Font): GlyfTable | undefined {
  const internals = font as unknown as FontkitInternals;
  const offsets = internals.loca?.offsets;
  const stream = offsets ? internals._getTableStream('glyf') : null;
  if (!offsets || !stream) return undefined;
  return { bytes: stream.buffer, start: stream.pos, offsets };
}

/** Composite glyph component flags (OpenType `glyf`). */
const ARG_1_AND_2_ARE_WORDS = 0x1;
const WE_HAVE_A_SCALE = 0x8;
const MORE_COMPONENTS = 0x20;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x40;
const WE_HAVE_A_TWO_BY_TWO = 0x80;
/** Simple glyph point flags. */
const X_SHORT = 0x2;
const Y_SHORT = 0x4;
const REPEAT = 0x8;
const X_SAME = 0x10;
const Y_SAME = 0x20;

/** Bytes of one coordinate of a point with `flag`: 1 (short), 0 (same as the previous) or 2. */
const coordinateBytes = (flag: number, short: number, same: number) =>
  flag & short ? 1 : flag & same ? 0 : 2;

/**
 * The first glyph of `ids`, or of the components they are made of, whose data as fontkit decodes
 * it (header, contour ends, instructions, flags and coordinates; component records) runs past its
 * slot, from its `loca` offset to the next; undefined when every one fits. Reads only bytes, in
 * time linear in the slots: no point is decoded. A glyph id beyond `loca` or with an empty slot is
 * left to fontkit, which decodes nothing for it.
 *
 * @example
 * overrunGlyph({ bytes, start: 0, offsets: [0, 12, 12] }, [0, 1]) // 0 when glyph 0 overruns its 12 bytes
 */
export function overrunGlyph(table: GlyfTable | undefined, ids: Iterable<number>): number | undefined {
  if (!table) return undefined;
  const { bytes, start, offsets } = table;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const queue = [...ids];
  const seen = new Set(queue);
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q] as number;
    const from = offsets[id];
    const to = offsets[id + 1];
    if (from === undefined || to === undefined || from === to) continue;
    const end = start + to;
    let at = start + from + 10;
    if (to < from || end > bytes.length || at > end) return id;
    const contours = view.getInt16(at - 10);
    if (contours > 0) {
      if (at + 2 * contours + 2 > end) return id;
      const points = view.getUint16(at + 2 * (contours - 1)) + 1;
      at += 2 * contours;
      at += 2 + view.getUint16(at);
      // Flags (a repeated flag holds its count), then the x and y coordinates they give sizes to.
      let flags = 0;
      let coordinates = 0;
      while (flags < points) {
        if (at >= end) return id;
        const flag = bytes[at++] as number;
        let times = 1;
        if (flag & REPEAT) {
          if (at >= end) return id;
          times += bytes[at++] as number;
        }
        flags += times;
        coordinates +=
          times * (coordinateBytes(flag, X_SHORT, X_SAME) + coordinateBytes(flag, Y_SHORT, Y_SAME));
        if (at + coordinates > end) return id;
      }
    } else if (contours < 0) {
      let flags = MORE_COMPONENTS;
      while (flags & MORE_COMPONENTS) {
        if (at + 4 > end) return id;
        flags = view.getUint16(at);
        const component = view.getUint16(at + 2);
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        at +=
          flags & WE_HAVE_A_SCALE
            ? 2
            : flags & WE_HAVE_AN_X_AND_Y_SCALE
              ? 4
              : flags & WE_HAVE_A_TWO_BY_TWO
                ? 8
                : 0;
        if (at > end) return id;
        if (!seen.has(component)) {
          seen.add(component);
          queue.push(component);
        }
      }
    }
  }
  return undefined;
}

/** The parsed font, checked once per byte array. */
export function checkedFont(bytes: Uint8Array): FontCheck {
  let result = checked.get(bytes);
  if (!result) {
    result = check(bytes);
    checked.set(bytes, result);
  }
  return result;
}
