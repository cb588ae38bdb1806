/**
 * The visible appearance of a signature: « Signé électroniquement par NOM, qualité, le … » centred
 * in the signing box, drawn with the regular face of delib's document font, embedded as a fresh
 * TrueType subset (Type0 / CIDFontType2, Identity-H, ToUnicode, CIDToGIDMap Identity) so that
 * PDF/A stays satisfied (every font embedded) whatever characters the document already used.
 *
 * @example
 * const ap = signatureAppearance(['Signé électroniquement par', 'Jean Dupont,'], 200, 60, loadFonts().regular);
 * ap.objects // the XObject and its font, to be numbered and written by the caller
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { LoadedFont } from '../render/fonts.ts';

/** An object of the appearance: a dictionary (PDF syntax, `@n` = reference to object n of the list) and maybe a stream. */
export interface AppearanceObject {
  readonly dict: string;
  readonly stream?: Uint8Array;
}

export interface Appearance {
  /** objects[0] is the form XObject; references between them are written `@i` (index in this list). */
  readonly objects: readonly AppearanceObject[];
}

/** fontkit's subset as it behaves (@types/fontkit types includeGlyph's result as boolean). */
interface GlyphSubset {
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

const MAX_SIZE = 9;
const LEADING = 1.2;
const PADDING = 3;

const n = (x: number) => String(Math.round(x * 1000) / 1000);

function toUnicodeCMap(unicode: ReadonlyMap<number, readonly number[]>): string {
  const hex16 = (v: number) => v.toString(16).padStart(4, '0');
  const entries = [...unicode].map(([cid, cps]) => {
    const utf16 = Buffer.from(String.fromCodePoint(...cps), 'utf16le')
      .swap16()
      .toString('hex');
    return `<${hex16(cid)}> <${utf16}>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${chunks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
}

/**
 * Lays out `lines` centred in a `width` × `height` box (points) and returns the XObject with
 * its embedded font subset.
 *
 * @example
 * signatureAppearance(['Signé électroniquement par', 'Jean Dupont,', 'Maire,', 'le 23 mars 2023 à 10:00'], 214, 60, font)
 */
export function signatureAppearance(
  lines: readonly string[],
  width: number,
  height: number,
  font: LoadedFont,
): Appearance {
  const subset = font.createSubset() as unknown as GlyphSubset;
  const unicode = new Map<number, readonly number[]>();
  const widths = new Map<number, number>();
  const scale = 1000 / font.unitsPerEm;
  const runs = lines.map((line) => {
    const glyphs = font.layout(line).glyphs;
    const cids = glyphs.map((glyph) => {
      const cid = subset.includeGlyph(glyph.id);
      if (!unicode.has(cid)) unicode.set(cid, glyph.codePoints);
      widths.set(cid, Math.round(glyph.advanceWidth * scale));
      return cid;
    });
    const units = cids.reduce((sum, cid) => sum + (widths.get(cid) ?? 0), 0);
    return { cids, units };
  });
  const widest = Math.max(1, ...runs.map((r) => r.units));
  const size = Math.max(
    2,
    Math.min(
      MAX_SIZE,
      ((width - 2 * PADDING) * 1000) / widest,
      (height - 2 * PADDING) / (lines.length * LEADING),
    ),
  );
  const step = size * LEADING;
  const ascent = (font.ascent / font.unitsPerEm) * size;
  const descent = (-font.descent / font.unitsPerEm) * size;
  const block = step * (lines.length - 1) + ascent + descent;
  let baseline = height / 2 + block / 2 - ascent;
  const ops = ['q', 'BT', '0 0 0 rg', `/F1 ${n(size)} Tf`];
  let x0 = 0;
  let y0 = 0;
  for (const run of runs) {
    const x = (width - (run.units * size) / 1000) / 2;
    ops.push(`${n(x - x0)} ${n(baseline - y0)} Td`);
    ops.push(`<${run.cids.map((c) => c.toString(16).padStart(4, '0')).join('')}> Tj`);
    x0 = x;
    y0 = baseline;
    baseline -= step;
  }
  ops.push('ET', 'Q');
  const content = Buffer.from(ops.join('\n'), 'latin1');

  const fontFile = subset.encode();
  const glyphCount = Math.max(...widths.keys()) + 1;
  const w: string[] = [];
  for (let cid = 0; cid < glyphCount; cid++) w.push(String(widths.get(cid) ?? 0));
  const tag = [...createHash('sha256').update(fontFile).digest().subarray(0, 6)]
    .map((b) => String.fromCharCode(65 + (b % 26)))
    .join('');
  const baseFont = `/${tag}+${(font.postscriptName ?? 'Police').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const { bbox } = font;
  const italic = font.italicAngle !== 0;
  const flags = 4 | (italic ? 1 << 6 : 0);
  const deflated = (data: Uint8Array, extra = '') => ({
    dict: `<< /Length ${deflateSync(data).length} /Filter /FlateDecode${extra} >>`,
    stream: Uint8Array.from(deflateSync(data)),
  });
  return {
    objects: [
      {
        dict: `<< /Type /XObject /Subtype /Form /BBox [0 0 ${n(width)} ${n(height)}] /Resources << /Font << /F1 @1 >> >> /Length ${deflateSync(content).length} /Filter /FlateDecode >>`,
        stream: Uint8Array.from(deflateSync(content)),
      },
      {
        dict: `<< /Type /Font /Subtype /Type0 /BaseFont ${baseFont} /Encoding /Identity-H /DescendantFonts [@2] /ToUnicode @4 >>`,
      },
      {
        dict: `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor @3 /W [0 [${w.join(' ')}]] /CIDToGIDMap /Identity >>`,
      },
      {
        dict: `<< /Type /FontDescriptor /FontName ${baseFont} /Flags ${flags} /FontBBox [${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => n(v * scale)).join(' ')}] /ItalicAngle ${n(font.italicAngle)} /Ascent ${n(font.ascent * scale)} /Descent ${n(font.descent * scale)} /CapHeight ${n((font.capHeight || font.ascent) * scale)} /StemV 80 /FontFile2 @5 >>`,
      },
      deflated(Buffer.from(toUnicodeCMap(unicode), 'latin1')),
      deflated(fontFile, ` /Length1 ${fontFile.length}`),
    ],
  };
}
