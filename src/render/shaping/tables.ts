/**
 * Shaping tables: what fontkit's OpenType layout does to a run of Latin text in one face, read
 * once from the face's GSUB, GPOS and GDEF tables, in a form the fast shaper (shaper.ts) applies
 * in a few array reads per glyph instead of walking every lookup and coverage table per word.
 *
 * fontkit's default shaper (scripts latn and DFLT) applies, in lookup order, the lookups of the
 * features rvrn ltra ltrm ccmp locl rlig mark mkmk calt clig liga rclt curs kern of the script's
 * default language system. Here each lookup becomes one step:
 * - a ligature or single substitution is kept as a map and applied as fontkit applies it;
 * - a pair positioning lookup (kerning) is kept as pairs and class matrices;
 * - any other lookup becomes a « key »: a set of glyphs, one of which every match of the lookup
 *   needs in the run (for a contextual rule, the glyphs of one of its positions: the combining
 *   accents of ccmp's rules, say). A run holding no key glyph cannot be touched by that lookup;
 *   one holding one goes to fontkit.
 * Marks (GDEF class 3) are keys too, so that lookup flags never skip a glyph in a fast run.
 * A face whose tables hold anything else (variations, AAT morx, an old kern table without GPOS
 * kerning, value records other than an x advance) gets no tables: fontkit shapes all its text.
 *
 * @example
 * const tables = deriveShapingTables(fontkit.create(bytes)); // undefined when not applicable
 */
import {
  type ChainRule,
  classEntries,
  coverageGlyphs,
  type FontTables,
  type Items,
  itemAt,
  items,
  type LayoutTable,
  type Lookup,
  type Subtable,
  unwrap,
  xAdvanceRow,
} from './opentype.ts';

/** Glyph ids as sorted, inclusive ranges flattened: [start, end, start, end, …]. */
export type GlyphRanges = readonly number[];

/** A key applies to every run (it only sends runs to fontkit); other steps may name a script. */
export type SubstitutionStep =
  | { readonly kind: 'key'; readonly glyphs: GlyphRanges }
  /** Each subtable: [from, to] pairs. */
  | {
      readonly kind: 'single';
      readonly only?: OnlyFor;
      readonly subtables: readonly (readonly [number, number])[][];
    }
  /** Each subtable: [first glyph, [[ligature, ...components], …]] in fontkit's order. */
  | {
      readonly kind: 'ligature';
      readonly only?: OnlyFor;
      readonly subtables: readonly (readonly [number, readonly (readonly number[])[]])[][];
    };

/** A pair positioning lookup: its subtables, tried in order until one applies. */
export interface PairLookup {
  readonly only?: OnlyFor;
  readonly subtables: readonly PairSubtable[];
}

export type PairSubtable =
  /** [first, [second, xAdvance, second, xAdvance, …]] for each covered first glyph. */
  | { readonly format: 1; readonly pairs: readonly (readonly [number, readonly number[]])[] }
  | {
      readonly format: 2;
      readonly coverage: GlyphRanges;
      /** [start, end, class, …] ranges of each class definition (class 0 left out). */
      readonly class1: readonly number[];
      readonly class2: readonly number[];
      /** Non-zero x advances: [class1, [class2, xAdvance, class2, xAdvance, …]]. */
      readonly rows: readonly (readonly [number, readonly number[]])[];
    };

export interface ShapingTables {
  readonly format: 1;
  readonly numGlyphs: number;
  readonly substitutions: readonly SubstitutionStep[];
  /** Glyphs that send a run to fontkit once substituted (other GPOS lookups, marks). */
  readonly positioningKey: GlyphRanges;
  /** Pair positioning lookups, in order. */
  readonly pairs: readonly PairLookup[];
}

/** The features fontkit's default shaper plans for a left-to-right run (and reports on it). */
export const SHAPER_FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'frac',
  'numr',
  'dnom',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
] as const;

/** Those it applies to every glyph: frac, numr and dnom only around U+2044 (never in a fast run). */
const FEATURES = new Set<string>(SHAPER_FEATURES.filter((f) => f !== 'frac' && f !== 'numr' && f !== 'dnom'));

/** Characters whose glyphs a key should avoid when a rule offers a choice (French text). */
const COMMON_TEXT =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789àâäçéèêëîïôöùûüÿæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ' +
  ' \u00A0\u202F\u2009.,;:!?«»’\'"()[]-–—…/%€°&*+=@#§²ᵉʳ';

class Unsupported extends Error {}

/**
 * Lookups fontkit applies for `scriptTag` (or its fallback DFLT / dflt / latn), sorted by index.
 * A lookup two features share is applied twice, as fontkit does.
 */
function enabledLookups(table: LayoutTable, scriptTag: string): number[] {
  const scripts = items(table.scriptList);
  const entry =
    scripts.find((s) => s.tag === scriptTag) ??
    ['DFLT', 'dflt', 'latn'].map((tag) => scripts.find((s) => s.tag === tag)).find(Boolean);
  const langSys = entry?.script.defaultLangSys;
  if (!langSys) return [];
  const features = items(table.featureList);
  // fontkit keeps one feature table per tag (the last listed for the language system).
  const byTag = new Map<string, Items<number>>();
  for (const index of items(langSys.featureIndexes)) {
    const record = features[index];
    if (record && FEATURES.has(record.tag)) byTag.set(record.tag, record.feature.lookupListIndexes);
  }
  return [...byTag.values()].flatMap((list) => [...items(list)]).sort((a, b) => a - b);
}

/** The script a lookup is limited to when Latin text and script-less text get different ones. */
export type OnlyFor = 'latn' | 'zzzz';

/**
 * Lookups for Latin text and for text of no script (digits, punctuation: fontkit then selects
 * DFLT), merged in index order; a lookup only one of them gets says which.
 */
function lookupsFor(table: LayoutTable | undefined): { index: number; only?: OnlyFor }[] {
  if (!table) return [];
  const latin = enabledLookups(table, 'latn');
  const none = enabledLookups(table, 'zzzz');
  const out: { index: number; only?: OnlyFor }[] = [];
  let i = 0;
  let j = 0;
  while (i < latin.length || j < none.length) {
    const a = latin[i] ?? Number.POSITIVE_INFINITY;
    const b = none[j] ?? Number.POSITIVE_INFINITY;
    if (a === b) {
      out.push({ index: a });
      i++;
      j++;
    } else if (a < b) {
      out.push({ index: a, only: 'latn' });
      i++;
    } else {
      out.push({ index: b, only: 'zzzz' });
      j++;
    }
  }
  return out;
}

export function toRanges(glyphs: Iterable<number>): number[] {
  const sorted = [...new Set(glyphs)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const glyph of sorted) {
    if (out.length > 0 && out[out.length - 1] === glyph - 1) out[out.length - 1] = glyph;
    else out.push(glyph, glyph);
  }
  return out;
}

/** Picks, among the glyph sets of a rule's positions, the one common text hits least. */
function keyOf(positions: readonly (readonly number[])[], common: ReadonlySet<number>): readonly number[] {
  let best: readonly number[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const glyphs of positions) {
    const score = glyphs.filter((g) => common.has(g)).length * 100_000 + glyphs.length;
    if (score < bestScore) {
      best = glyphs;
      bestScore = score;
    }
  }
  return best ?? [];
}

/** Glyphs of each class of a class definition; class 0 is « any other glyph » (every glyph). */
function classSets(classDef: Subtable['classDef'], numGlyphs: number): (c: number) => number[] {
  const entries = classEntries(classDef);
  const byClass = new Map<number, number[]>();
  for (const [glyph, c] of entries) {
    const list = byClass.get(c) ?? [];
    list.push(glyph);
    byClass.set(c, list);
  }
  return (c) => {
    if (c !== 0) return byClass.get(c) ?? [];
    return Array.from({ length: numGlyphs }, (_, g) => g).filter((g) => (entries.get(g) ?? 0) === 0);
  };
}

/** Key glyphs of a contextual (5/7) or chaining contextual (6/8) subtable. */
function contextKey(
  table: Subtable,
  chaining: boolean,
  common: ReadonlySet<number>,
  numGlyphs: number,
): number[] {
  const key: number[] = [];
  const add = (positions: (readonly number[])[]) => key.push(...keyOf(positions, common));
  const first = coverageGlyphs(table.coverage);
  const glyphList = (list: Items<number>) => items(list).map((g) => [g]);
  if (table.version === 3) {
    const covers = chaining
      ? [...items(table.backtrackCoverage), ...items(table.inputCoverage), ...items(table.lookaheadCoverage)]
      : items(table.coverages);
    add(covers.map((c) => coverageGlyphs(c)));
    return key;
  }
  if (table.version === 1) {
    const sets = chaining ? items(table.chainRuleSets) : items(table.ruleSets);
    sets.forEach((set, index) => {
      const glyph = first[index];
      if (glyph === undefined || !set) return;
      for (const rule of items(set as Items<ChainRule | { input: Items<number> }>)) {
        const positions = [[glyph], ...glyphList(rule.input)];
        if ('backtrack' in rule) positions.push(...glyphList(rule.backtrack), ...glyphList(rule.lookahead));
        add(positions);
      }
    });
    return key;
  }
  if (table.version === 2) {
    const inputDef = chaining ? table.inputClassDef : table.classDef;
    const inputClass = classSets(inputDef, numGlyphs);
    const backtrackClass = classSets(table.backtrackClassDef, numGlyphs);
    const lookaheadClass = classSets(table.lookaheadClassDef, numGlyphs);
    const inputOf = classEntries(inputDef);
    const sets = chaining ? items(table.chainClassSet) : items(table.classSet);
    sets.forEach((set, c) => {
      if (!set) return;
      const firsts = first.filter((g) => (inputOf.get(g) ?? 0) === c);
      for (const rule of items(set as Items<ChainRule | { classes: Items<number> }>)) {
        const positions: number[][] = [firsts];
        if ('classes' in rule) positions.push(...items(rule.classes).map(inputClass));
        else {
          positions.push(...items(rule.input).map(inputClass));
          positions.push(...items(rule.backtrack).map(backtrackClass));
          positions.push(...items(rule.lookahead).map(lookaheadClass));
        }
        add(positions);
      }
    });
    return key;
  }
  throw new Unsupported(`context format ${table.version}`);
}

/** The glyphs a lookup that the fast shaper does not apply needs: see the module comment. */
function lookupKey(lookup: Lookup, gpos: boolean, common: ReadonlySet<number>, numGlyphs: number): number[] {
  const key: number[] = [];
  for (const raw of items(lookup.subTables)) {
    const [type, table] = unwrap(lookup.lookupType, raw, gpos ? 9 : 7);
    const context = gpos ? type === 7 || type === 8 : type === 5 || type === 6;
    const chaining = gpos ? type === 8 : type === 6;
    if (context) key.push(...contextKey(table, chaining, common, numGlyphs));
    else if (gpos && (type === 4 || type === 5)) key.push(...coverageGlyphs(table.markCoverage));
    else if (gpos && type === 6) key.push(...coverageGlyphs(table.mark1Coverage));
    else if (table.coverage) key.push(...coverageGlyphs(table.coverage));
    else throw new Unsupported(`lookup type ${type}`);
  }
  return key;
}

/** A lookup the fast shaper may apply: its flags skip at most marks, which fast runs never hold. */
function plainFlags(lookup: Lookup): boolean {
  const { flags } = lookup.flags;
  return !flags.ignoreBaseGlyphs && !flags.ignoreLigatures;
}

function singleSubtables(lookup: Lookup): (readonly [number, number])[][] | undefined {
  const out: (readonly [number, number])[][] = [];
  for (const raw of items(lookup.subTables)) {
    const [type, table] = unwrap(lookup.lookupType, raw, 7);
    if (type !== 1) return undefined;
    const covered = coverageGlyphs(table.coverage);
    if (table.version === 1) {
      const delta = table.deltaGlyphID ?? 0;
      out.push(covered.map((g) => [g, (g + delta) & 0xffff] as const));
    } else {
      const substitutes = table.substitute;
      if (!substitutes) return undefined;
      out.push(covered.map((g, i) => [g, itemAt(substitutes, i) ?? 0] as const));
    }
  }
  return out;
}

function ligatureSubtables(lookup: Lookup) {
  const out: (readonly [number, readonly (readonly number[])[]])[][] = [];
  for (const raw of items(lookup.subTables)) {
    const [type, table] = unwrap(lookup.lookupType, raw, 7);
    if (type !== 4 || !table.ligatureSets) return undefined;
    const sets = table.ligatureSets;
    out.push(
      coverageGlyphs(table.coverage).map((first, i) => {
        const ligatures = items(itemAt(sets, i)).map((l) => [l.glyph, ...items(l.components)]);
        return [first, ligatures] as const;
      }),
    );
  }
  return out;
}

const X_ADVANCE_ONLY = (format: Record<string, boolean> | undefined, allowX: boolean) =>
  Object.entries(format ?? {}).every(([field, on]) => !on || (allowX && field === 'xAdvance'));

function pairSubtables(lookup: Lookup): PairSubtable[] | undefined {
  const out: PairSubtable[] = [];
  for (const raw of items(lookup.subTables)) {
    const [type, table] = unwrap(lookup.lookupType, raw, 9);
    if (type !== 2) return undefined;
    if (!X_ADVANCE_ONLY(table.valueFormat1, true) || !X_ADVANCE_ONLY(table.valueFormat2, false)) {
      throw new Unsupported('pair value other than an x advance');
    }
    const covered = coverageGlyphs(table.coverage);
    if (table.version === 1 && table.pairSets) {
      const sets = table.pairSets;
      const pairs = covered.map((first, i) => {
        const flat: number[] = [];
        const seen = new Set<number>();
        for (const pair of items(itemAt(sets, i))) {
          if (seen.has(pair.secondGlyph)) continue; // fontkit stops at the first match
          seen.add(pair.secondGlyph);
          flat.push(pair.secondGlyph, pair.value1?.xAdvance ?? 0);
        }
        return [first, flat] as const;
      });
      out.push({ format: 1, pairs });
      continue;
    }
    if (table.version !== 2 || !table.classRecords) throw new Unsupported('pair format');
    const records = table.classRecords;
    const rows: [number, number[]][] = [];
    for (let c1 = 0; c1 < (table.class1Count ?? 0); c1++) {
      const row = itemAt(records, c1);
      if (!row) continue;
      const flat: number[] = [];
      const onlyX = Object.values(table.valueFormat1 ?? {}).filter(Boolean).length === 1;
      xAdvanceRow(row, onlyX && table.valueFormat1?.xAdvance ? 2 : 0).forEach((x, c2) => {
        if (x !== 0) flat.push(c2, x);
      });
      if (flat.length > 0) rows.push([c1, flat]);
    }
    const classRanges = (def: Subtable['classDef']) => {
      const flat: number[] = [];
      for (const [glyph, c] of [...classEntries(def)].sort((a, b) => a[0] - b[0])) {
        if (c === 0) continue;
        const n = flat.length;
        if (n > 0 && flat[n - 1] === c && flat[n - 2] === glyph - 1) flat[n - 2] = glyph;
        else flat.push(glyph, glyph, c);
      }
      return flat;
    };
    out.push({
      format: 2,
      coverage: toRanges(covered),
      class1: classRanges(table.classDef1),
      class2: classRanges(table.classDef2),
      rows,
    });
  }
  return out;
}

function substitutionSteps(font: FontTables, common: ReadonlySet<number>, marks: number[]) {
  const steps: SubstitutionStep[] = [{ kind: 'key', glyphs: toRanges(marks) }];
  const table = font.GSUB;
  if (!table) return steps;
  const lookupList = table.lookupList;
  for (const { index, only } of lookupsFor(table)) {
    const lookup = itemAt(lookupList, index);
    if (!lookup) continue;
    const single = plainFlags(lookup) ? singleSubtables(lookup) : undefined;
    const ligature = plainFlags(lookup) && !single ? ligatureSubtables(lookup) : undefined;
    const script = only ? { only } : {};
    if (single) steps.push({ kind: 'single', ...script, subtables: single });
    else if (ligature) steps.push({ kind: 'ligature', ...script, subtables: ligature });
    else steps.push({ kind: 'key', glyphs: toRanges(lookupKey(lookup, false, common, font.numGlyphs)) });
  }
  return steps;
}

function positioning(font: FontTables, common: ReadonlySet<number>, marks: number[]) {
  const key = [...marks];
  const pairs: PairLookup[] = [];
  const table = font.GPOS;
  if (!table) return { positioningKey: toRanges(key), pairs };
  for (const { index, only } of lookupsFor(table)) {
    const lookup = itemAt(table.lookupList, index);
    if (!lookup) continue;
    const pair = plainFlags(lookup) ? pairSubtables(lookup) : undefined;
    if (pair) pairs.push({ ...(only ? { only } : {}), subtables: pair });
    else key.push(...lookupKey(lookup, true, common, font.numGlyphs));
  }
  return { positioningKey: toRanges(key), pairs };
}

/** Whether fontkit would kern this face from GPOS for both scripts (else from an old kern table). */
function kernsFromGpos(font: FontTables): boolean {
  if (!font.kern) return true;
  const table = font.GPOS;
  if (!table) return false;
  const features = items(table.featureList);
  return ['latn', 'zzzz'].every((tag) => {
    const scripts = items(table.scriptList);
    const entry =
      scripts.find((s) => s.tag === tag) ??
      ['DFLT', 'dflt', 'latn'].map((t) => scripts.find((s) => s.tag === t)).find(Boolean);
    return items(entry?.script.defaultLangSys?.featureIndexes).some((i) => features[i]?.tag === 'kern');
  });
}

/**
 * The shaping tables of one face, or undefined when its text must all go to fontkit. Reads the
 * tables (≈ 50–200 ms a face): made at build time for the default family (prebuilt.ts).
 */
export function deriveShapingTables(font: FontTables): ShapingTables | undefined {
  if (font.morx || font._variationProcessor || !font.GPOS || !font.GDEF?.glyphClassDef) return undefined;
  if (!kernsFromGpos(font)) return undefined;
  const common = new Set<number>();
  for (const char of COMMON_TEXT) {
    const glyph = font._cmapProcessor.lookup(char.codePointAt(0) ?? 0);
    if (glyph !== 0) common.add(glyph);
  }
  const marks = [...classEntries(font.GDEF.glyphClassDef)].filter(([, c]) => c === 3).map(([g]) => g);
  try {
    return {
      format: 1,
      numGlyphs: font.numGlyphs,
      substitutions: substitutionSteps(font, common, marks),
      ...positioning(font, common, marks),
    };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
