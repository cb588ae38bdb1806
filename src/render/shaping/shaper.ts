/**
 * The fast shaper: fontkit's layout of a run of Latin (or script-less) text, redone from a face's
 * shaping tables (tables.ts) with the same glyph objects, in the same order of creation, and the
 * same positions. It answers undefined for any run it cannot shape exactly (a key glyph, another
 * script, a default-ignorable character…), and the caller then asks fontkit.
 *
 * Glyph objects come from the fontkit font itself, as in fontkit's layout: `glyphsForString`,
 * then `getGlyph(id, codePoints)` for each glyph after substitution (a glyph keeps the characters
 * of its first use in the process, which the PDF's ToUnicode map shows), then the space glyph.
 *
 * @example
 * const shape = fastShaper(font, tables);
 * const run = shape('Délibération') ?? font.layout('Délibération');
 */
import type * as fontkit from 'fontkit';
import {
  type GlyphRanges,
  type OnlyFor,
  type PairSubtable,
  SHAPER_FEATURES,
  type ShapingTables,
  type SubstitutionStep,
} from './tables.ts';

/** What the shaper asks of a fontkit font. */
export interface ShapingFont {
  glyphsForString(text: string): fontkit.Glyph[];
  getGlyph(id: number, codePoints?: number[]): fontkit.Glyph;
  glyphForCodePoint(codePoint: number): fontkit.Glyph;
}

/** fontkit's `isDefaultIgnorable` (Unicode default-ignorable code points, as HarfBuzz). */
export function isDefaultIgnorable(ch: number): boolean {
  if (ch >> 16 === 0) {
    switch (ch >> 8) {
      case 0x00:
        return ch === 0xad;
      case 0x03:
        return ch === 0x34f;
      case 0x06:
        return ch === 0x61c;
      case 0x17:
        return ch >= 0x17b4 && ch <= 0x17b5;
      case 0x18:
        return ch >= 0x180b && ch <= 0x180e;
      case 0x20:
        return (
          (ch >= 0x200b && ch <= 0x200f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2060 && ch <= 0x206f)
        );
      case 0xfe:
        return (ch >= 0xfe00 && ch <= 0xfe0f) || ch === 0xfeff;
      case 0xff:
        return ch >= 0xfff0 && ch <= 0xfff8;
      default:
        return false;
    }
  }
  const plane = ch >> 16;
  if (plane === 1) return (ch >= 0x1bca0 && ch <= 0x1bca3) || (ch >= 0x1d173 && ch <= 0x1d17a);
  return plane === 0x0e && ch >= 0xe0000 && ch <= 0xe0fff;
}

const LATIN = /^\p{Script=Latin}$/u;
const COMMON = /^\p{Script=Common}$/u;
const UNSEEN = 0;
const NO_SCRIPT = 1;
const LATIN_SCRIPT = 2;
const REFUSED = 3;
/** Per UTF-16 code unit: whether a fast run may hold it, and its script (filled on first sight). */
const unitKinds = new Uint8Array(0x10000);

function unitKind(unit: number): number {
  let kind = unitKinds[unit] ?? REFUSED;
  if (kind !== UNSEEN) return kind;
  const char = String.fromCharCode(unit);
  // Surrogates (astral characters), the fraction slash (fontkit's local `frac` features) and
  // default-ignorable characters (hidden by fontkit) go to fontkit.
  if ((unit >= 0xd800 && unit <= 0xdfff) || unit === 0x2044 || isDefaultIgnorable(unit)) kind = REFUSED;
  else if (LATIN.test(char)) kind = LATIN_SCRIPT;
  else if (COMMON.test(char)) kind = NO_SCRIPT;
  else kind = REFUSED;
  unitKinds[unit] = kind;
  return kind;
}

/** The script fontkit would detect (`latn` or none), or undefined for text the shaper refuses. */
function scriptOf(text: string): string | undefined {
  let script = 'zzzz';
  for (let i = 0; i < text.length; i++) {
    const kind = unitKind(text.charCodeAt(i));
    if (kind === REFUSED) return undefined;
    if (kind === LATIN_SCRIPT) script = 'latn';
  }
  return script;
}

/** A run shaped here, with what fontkit's GlyphRun offers. */
class FastGlyphRun implements fontkit.GlyphRun {
  readonly language = null as unknown as string; // fontkit: `language || null`
  readonly direction = 'ltr';
  get features(): Record<string, boolean> {
    return Object.fromEntries(SHAPER_FEATURES.map((f) => [f, true]));
  }
  constructor(
    public glyphs: fontkit.Glyph[],
    public positions: fontkit.GlyphPosition[],
    readonly script: string,
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
  get advanceHeight(): number {
    let height = 0;
    for (const position of this.positions) height += position.yAdvance;
    return height;
  }
  get bbox(): fontkit.BBOX {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    let x = 0;
    let y = 0;
    this.glyphs.forEach((glyph, i) => {
      const p = this.positions[i] as fontkit.GlyphPosition;
      const b = glyph.bbox;
      minX = Math.min(minX, b.minX + x + p.xOffset);
      maxX = Math.max(maxX, b.maxX + x + p.xOffset);
      minY = Math.min(minY, b.minY + y + p.yOffset);
      maxY = Math.max(maxY, b.maxY + y + p.yOffset);
      x += p.xAdvance;
      y += p.yAdvance;
    });
    return { minX, minY, maxX, maxY, width: maxX - minX, height: maxY - minY };
  }
}

function bitmap(ranges: GlyphRanges, numGlyphs: number): Uint8Array {
  const bits = new Uint8Array(numGlyphs + 1);
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    bits.fill(1, ranges[i] as number, Math.min(numGlyphs, ranges[i + 1] as number) + 1);
  }
  return bits;
}

function classArray(ranges: readonly number[], numGlyphs: number): Uint16Array {
  const classes = new Uint16Array(numGlyphs + 1);
  for (let i = 0; i + 2 < ranges.length; i += 3) {
    classes.fill(
      ranges[i + 2] as number,
      ranges[i] as number,
      Math.min(numGlyphs, ranges[i + 1] as number) + 1,
    );
  }
  return classes;
}

type Step =
  | { readonly kind: 'key'; readonly bits: Uint8Array }
  | { readonly kind: 'single'; readonly only?: OnlyFor; readonly maps: readonly Map<number, number>[] }
  | {
      readonly kind: 'ligature';
      readonly only?: OnlyFor;
      readonly maps: readonly Map<number, readonly (readonly number[])[]>[];
    };

type Pair =
  | { readonly format: 1; readonly pairs: Map<number, Map<number, number>> }
  | {
      readonly format: 2;
      readonly coverage: Uint8Array;
      readonly class1: Uint16Array;
      readonly class2: Uint16Array;
      /** x advance of the class pair (c1, c2) at c1 * width + c2. */
      readonly matrix: Int32Array;
      readonly width: number;
    };

function compileStep(step: SubstitutionStep, numGlyphs: number): Step {
  switch (step.kind) {
    case 'key':
      return { kind: 'key', bits: bitmap(step.glyphs, numGlyphs) };
    case 'single':
      return { ...step, maps: step.subtables.map((pairs) => new Map(pairs)) };
    case 'ligature':
      return { ...step, maps: step.subtables.map((entries) => new Map(entries)) };
  }
}

/** Consecutive keys checked as one (a run holding a glyph of either goes to fontkit anyway). */
function mergeKeys(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  for (const step of steps) {
    const last = out[out.length - 1];
    if (step.kind === 'key' && last?.kind === 'key') {
      const bits = last.bits.map((bit, i) => bit | (step.bits[i] ?? 0));
      out[out.length - 1] = { kind: 'key', bits };
    } else out.push(step);
  }
  return out;
}

const flatMap = (flat: readonly number[]) => {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(flat[i] as number, flat[i + 1] as number);
  return map;
};

function compilePair(table: PairSubtable, numGlyphs: number): Pair {
  if (table.format === 1) {
    return { format: 1, pairs: new Map(table.pairs.map(([first, flat]) => [first, flatMap(flat)])) };
  }
  const class1 = classArray(table.class1, numGlyphs);
  const class2 = classArray(table.class2, numGlyphs);
  let width = 1;
  let height = 1;
  for (const c of class2) width = Math.max(width, c + 1);
  for (const c of class1) height = Math.max(height, c + 1);
  for (const [c1, flat] of table.rows) {
    height = Math.max(height, c1 + 1);
    for (let i = 0; i < flat.length; i += 2) width = Math.max(width, (flat[i] as number) + 1);
  }
  const matrix = new Int32Array(width * height);
  for (const [c1, flat] of table.rows) {
    for (let i = 0; i + 1 < flat.length; i += 2)
      matrix[c1 * width + (flat[i] as number)] = flat[i + 1] as number;
  }
  return { format: 2, coverage: bitmap(table.coverage, numGlyphs), class1, class2, matrix, width };
}

/** The x advance one pair lookup adds to `first` before `second`: its first subtable that applies. */
function pairAdjustment(lookup: readonly Pair[], first: number, second: number): number {
  for (const table of lookup) {
    if (table.format === 1) {
      const value = table.pairs.get(first)?.get(second);
      if (value !== undefined) return value;
    } else if (table.coverage[first] === 1) {
      const c1 = table.class1[first] as number;
      return table.matrix[c1 * table.width + (table.class2[second] as number)] ?? 0;
    }
  }
  return 0;
}

/**
 * Applies single and ligature substitutions to `ids` (with their characters `cps`); a substituted
 * position's glyph object in `glyphs` is cleared (made at the end, as fontkit does). False when
 * a key glyph, or a mark made by a substitution, sends the run to fontkit.
 */
function substitute(steps: readonly Step[], script: string, run: Substituted, marks: Uint8Array): boolean {
  const { ids } = run;
  for (const step of steps) {
    if (step.kind === 'key') {
      for (const id of ids) if (step.bits[id] === 1) return false;
      continue;
    }
    if (step.only && step.only !== script) continue;
    for (let i = 0; i < ids.length; i++) {
      for (const map of step.maps) {
        if (step.kind === 'single') {
          const to = (map as Map<number, number>).get(ids[i] as number);
          if (to === undefined) continue;
          ids[i] = to;
          run.glyphs[i] = undefined;
          break;
        }
        if (ligate(map as Map<number, readonly (readonly number[])[]>, run, i)) break;
      }
      if (marks[ids[i] as number] === 1) return false;
    }
  }
  return true;
}

/** A run during substitution: glyph ids, their characters, their glyph objects while unchanged. */
interface Substituted {
  readonly ids: number[];
  readonly cps: (readonly number[])[];
  readonly glyphs: (fontkit.Glyph | undefined)[];
}

/** fontkit's ligature substitution at `i`: the first ligature of the set whose components follow. */
function ligate(map: Map<number, readonly (readonly number[])[]>, run: Substituted, i: number): boolean {
  const { ids, cps, glyphs } = run;
  const ligatures = map.get(ids[i] as number);
  if (!ligatures) return false;
  for (const ligature of ligatures) {
    const n = ligature.length - 1;
    let matches = i + n < ids.length;
    for (let k = 1; matches && k <= n; k++) matches = ids[i + k] === ligature[k];
    if (!matches) continue;
    ids[i] = ligature[0] as number;
    cps[i] = (cps[i] as number[]).concat(...cps.slice(i + 1, i + 1 + n));
    glyphs[i] = undefined;
    ids.splice(i + 1, n);
    cps.splice(i + 1, n);
    glyphs.splice(i + 1, n);
    return true;
  }
  return false;
}

/** Kerning of one script: the x advance its pair lookups add to a glyph before another. */
function kerning(
  lookups: readonly (readonly Pair[])[],
  numGlyphs: number,
): (first: number, second: number) => number {
  // Sums remembered in one row per first glyph, filled as pairs are met.
  const UNKNOWN = -0x80000000;
  const rows = new Map<number, Int32Array>();
  return (first, second) => {
    let row = rows.get(first);
    if (!row) {
      row = new Int32Array(numGlyphs + 1).fill(UNKNOWN);
      rows.set(first, row);
    }
    let value = row[second] as number;
    if (value === UNKNOWN) {
      value = 0;
      for (const lookup of lookups) value += pairAdjustment(lookup, first, second);
      row[second] = value;
    }
    return value;
  };
}

/**
 * A shaper for one face: `shape(text)` gives fontkit's layout of `text` (no features, script or
 * language asked), or undefined when fontkit must shape it.
 */
export function fastShaper(
  font: ShapingFont,
  tables: ShapingTables,
): (text: string) => fontkit.GlyphRun | undefined {
  const numGlyphs = tables.numGlyphs;
  const steps = mergeKeys(tables.substitutions.map((step) => compileStep(step, numGlyphs)));
  const first = tables.substitutions[0];
  const marks = bitmap(first?.kind === 'key' ? first.glyphs : [], numGlyphs);
  const positioningKey = bitmap(tables.positioningKey, numGlyphs);
  const compiled = tables.pairs.map((lookup) => ({
    only: lookup.only,
    subtables: lookup.subtables.map((table) => compilePair(table, numGlyphs)),
  }));
  const kerners = new Map(
    (['latn', 'zzzz'] as const).map((script) => {
      const lookups = compiled.filter((l) => !l.only || l.only === script).map((l) => l.subtables);
      return [script as string, kerning(lookups, numGlyphs)] as const;
    }),
  );
  // Glyph objects by UTF-16 unit (the shaper takes no surrogates): what glyphsForString gives.
  const byUnit: (fontkit.Glyph | undefined)[] = [];
  let spaceAsked = false;
  return (text) => {
    const script = scriptOf(text);
    if (script === undefined || text.length === 0) return undefined;
    const glyphs: (fontkit.Glyph | undefined)[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let glyph = byUnit[unit];
      if (!glyph) {
        glyph = font.glyphForCodePoint(unit);
        byUnit[unit] = glyph;
      }
      glyphs[i] = glyph;
    }
    const ids = glyphs.map((glyph) => (glyph as fontkit.Glyph).id);
    if (ids.some((id) => id >= numGlyphs)) return undefined;
    // fontkit's shaping starts from each glyph's characters (those of its first use).
    const run: Substituted = { ids, cps: glyphs.map((glyph) => (glyph as fontkit.Glyph).codePoints), glyphs };
    if (!substitute(steps, script, run, marks)) return undefined;
    const shaped = ids.map((id, i) => glyphs[i] ?? font.getGlyph(id, [...(run.cps[i] as number[])]));
    if (shaped.some((glyph) => isDefaultIgnorable(glyph.codePoints[0] ?? -1))) return undefined;
    if (ids.some((id) => positioningKey[id] === 1)) return undefined;
    const positions = shaped.map((glyph) => ({
      xAdvance: glyph.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    const kern = kerners.get(script) as (first: number, second: number) => number;
    for (let i = 0; i + 1 < ids.length; i++) {
      (positions[i] as fontkit.GlyphPosition).xAdvance += kern(ids[i] as number, ids[i + 1] as number);
    }
    if (!spaceAsked) {
      font.glyphForCodePoint(0x20); // fontkit's hideDefaultIgnorables makes the space glyph
      spaceAsked = true;
    }
    return new FastGlyphRun(shaped, positions, script);
  };
}
