/**
 * Whether a font file will survive the renderers: parsed by fontkit, laid out, and subset the way
 * pdfkit does when it embeds it (`createSubset`, `includeGlyph`, `encode`). A font cut in half,
 * with a scrambled glyf table, or a WOFF2 renamed `.ttf` passes a parse but crashes the PDF at
 * its end: trying the same steps here, on the bytes read at loading, turns that into a diagnostic.
 * Uses fontkit directly: validation never imports the PDF renderer's font module.
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
  try {
    const run = font.layout(`${FRENCH} Délibération n° 2024-01`);
    const subset = font.createSubset();
    for (const glyph of run.glyphs) {
      subset.includeGlyph(glyph);
      void glyph.advanceWidth;
    }
    (subset as unknown as { encode(): Uint8Array }).encode();
  } catch {
    return { problem: 'fichier de police abîmé (ses glyphes ne peuvent pas être lus ni incorporés)' };
  }
  return { font };
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
