/**
 * The glyphs of a TrueType font subset, read once per face and thread. pdfkit embeds in every
 * document a subset of each face it used, and fontkit's TTF subsetter decodes each glyph's whole
 * outline (points, flags, coordinates) only to learn whether it is a composite, then reads its
 * bytes again from the glyf table: per document, for the same few hundred glyphs. Here each
 * glyph's bytes, components and metrics are kept by face after their first use, and the subset
 * gets exactly what fontkit's `_addGlyph` gives it (same glyph order, same renumbered components,
 * same offsets and metrics): same bytes.
 *
 * @example
 * cacheSubsetGlyphs(embeddedFont.subset); // before pdfkit encodes the subset
 */
import { perObject } from '../../per-object.ts';

interface Component {
  readonly glyphID: number;
  /** Offset of the component's glyph id in the glyph's bytes. */
  readonly pos: number;
}

interface SubsetGlyph {
  readonly bytes: Uint8Array;
  /** Set for a composite glyph: its components, renumbered in each subset. */
  readonly components: readonly Component[] | null;
  readonly advance: number;
  readonly bearing: number;
}

/** What fontkit's TTFSubset holds while it encodes (not in its typings). */
interface TtfSubset {
  readonly font: TtfFont;
  readonly glyphEncoder?: unknown;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(glyph: number): number;
  _addGlyph(gid: number): number;
}

interface TtfFont {
  readonly loca?: { readonly offsets: readonly number[] };
  readonly _variationProcessor?: unknown;
}

const glyphCache = perObject<TtfFont, number, SubsetGlyph>();

/**
 * Lets `subset` take each glyph from its face's cache. Only plain TrueType subsets (no variations:
 * fontkit re-encodes those outlines); a CFF subset is left as it is.
 */
export function cacheSubsetGlyphs(subset: unknown): void {
  const s = subset as TtfSubset;
  if (!s || typeof s._addGlyph !== 'function' || !s.glyphEncoder || !s.font?.loca) return;
  if (s.font._variationProcessor) return;
  const original = s._addGlyph.bind(s);
  const cache = glyphCache(s.font);
  s._addGlyph = (gid: number) => {
    const known = cache.get(gid);
    if (!known) {
      const glyphs = s.glyf.length;
      const index = original(gid);
      cache.set(gid, recorded(s, glyphs, gid));
      return index;
    }
    let bytes = known.bytes;
    if (known.components) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of known.components)
        view.setUint16(component.pos, s.includeGlyph(component.glyphID));
    }
    s.glyf.push(bytes);
    s.loca.offsets.push(s.offset);
    s.hmtx.metrics.push({ advance: known.advance, bearing: known.bearing });
    s.offset += bytes.length;
    return s.glyf.length - 1;
  };
}

/** What fontkit's `_addGlyph(gid)` just appended at `index`, kept with the glyph's own bytes. */
function recorded(s: TtfSubset, index: number, gid: number): SubsetGlyph {
  const metrics = s.hmtx.metrics[index] as { advance: number; bearing: number };
  const written = s.glyf[index] as Uint8Array;
  const glyph = (s.font as unknown as { getGlyph(id: number): { _decode(): Decoded | null } }).getGlyph(gid);
  const decoded = glyph._decode();
  const components =
    decoded && decoded.numberOfContours < 0
      ? decoded.components.map((c) => ({ glyphID: c.glyphID, pos: c.pos }))
      : null;
  // A composite's written bytes hold this subset's numbers: keep the face's own bytes instead.
  const bytes = components ? originalBytes(s.font, gid) : written;
  return { bytes, components, advance: metrics.advance, bearing: metrics.bearing };
}

interface Decoded {
  readonly numberOfContours: number;
  readonly components: readonly Component[];
}

function originalBytes(font: TtfFont, gid: number): Uint8Array {
  const offsets = font.loca?.offsets ?? [];
  const start = offsets[gid] ?? 0;
  const end = offsets[gid + 1] ?? start;
  const stream = (
    font as unknown as { _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array } }
  )._getTableStream('glyf');
  stream.pos += start;
  return new Uint8Array(stream.readBuffer(end - start));
}
