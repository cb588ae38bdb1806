/**
 * The parts of fontkit's decoded GSUB, GPOS and GDEF tables that the shaping tables are derived
 * from (fontkit 2.0 decodes them with restructure; its typings do not describe them), and small
 * readers for coverage and class definitions that behave as fontkit's OTProcessor does.
 *
 * @example
 * coverageGlyphs(subtable.coverage) // [36, 37, 38, …]
 */

/** A restructure array: a plain array, or a lazy one read with `get`. */
export type Items<T> = readonly T[] | { readonly length: number; get(index: number): T; toArray(): T[] };

export function items<T>(list: Items<T> | undefined): readonly T[] {
  if (!list) return [];
  return Array.isArray(list) ? list : (list as { toArray(): T[] }).toArray();
}

export function itemAt<T>(list: Items<T>, index: number): T | undefined {
  return Array.isArray(list) ? list[index] : (list as { get(i: number): T }).get(index);
}

export interface Coverage {
  readonly version: number;
  readonly glyphs?: Items<number>;
  readonly rangeRecords?: Items<{ start: number; end: number; startCoverageIndex: number }>;
}

export interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: Items<number>;
  readonly classRangeRecord?: Items<{ start: number; end: number; class: number }>;
}

export interface LookupFlags {
  readonly markAttachmentType: number;
  readonly flags: {
    readonly ignoreBaseGlyphs: boolean;
    readonly ignoreLigatures: boolean;
    readonly ignoreMarks: boolean;
    readonly useMarkFilteringSet: boolean;
  };
}

/** Any GSUB or GPOS subtable: each lookup type reads its own fields. */
export interface Subtable {
  readonly version: number;
  readonly lookupType?: number;
  readonly extension?: Subtable;
  readonly coverage?: Coverage;
  readonly markCoverage?: Coverage;
  readonly mark1Coverage?: Coverage;
  // Single substitution.
  readonly deltaGlyphID?: number;
  readonly substitute?: Items<number>;
  // Ligature substitution.
  readonly ligatureSets?: Items<Items<{ glyph: number; components: Items<number> }>>;
  // Pair positioning.
  readonly valueFormat1?: Record<string, boolean>;
  readonly valueFormat2?: Record<string, boolean>;
  readonly pairSets?: Items<Items<{ secondGlyph: number; value1?: ValueRecord }>>;
  readonly classDef1?: ClassDef;
  readonly classDef2?: ClassDef;
  readonly class1Count?: number;
  readonly class2Count?: number;
  readonly classRecords?: Items<Items<{ value1?: ValueRecord }>>;
  // Contextual and chaining contextual lookups.
  readonly ruleSets?: Items<Items<{ input: Items<number> }> | null>;
  readonly classDef?: ClassDef;
  readonly classSet?: Items<Items<{ classes: Items<number> }> | null>;
  readonly coverages?: Items<Coverage>;
  readonly chainRuleSets?: Items<Items<ChainRule> | null>;
  readonly backtrackClassDef?: ClassDef;
  readonly inputClassDef?: ClassDef;
  readonly lookaheadClassDef?: ClassDef;
  readonly chainClassSet?: Items<Items<ChainRule> | null>;
  readonly backtrackCoverage?: Items<Coverage>;
  readonly inputCoverage?: Items<Coverage>;
  readonly lookaheadCoverage?: Items<Coverage>;
}

export interface ChainRule {
  readonly backtrack: Items<number>;
  readonly input: Items<number>;
  readonly lookahead: Items<number>;
}

export interface ValueRecord {
  readonly xAdvance?: number;
}

export interface Lookup {
  readonly lookupType: number;
  readonly flags: LookupFlags;
  readonly subTables: Items<Subtable>;
}

export interface LayoutTable {
  readonly scriptList?: Items<{
    readonly tag: string;
    readonly script: { readonly defaultLangSys?: { readonly featureIndexes: Items<number> } };
  }>;
  readonly featureList: Items<{
    readonly tag: string;
    readonly feature: { readonly lookupListIndexes: Items<number> };
  }>;
  readonly lookupList: Items<Lookup>;
}

/** What a fontkit font exposes beyond its typings (decoded tables, cmap without glyph objects). */
export interface FontTables {
  readonly numGlyphs: number;
  readonly GSUB?: LayoutTable;
  readonly GPOS?: LayoutTable;
  readonly GDEF?: { readonly glyphClassDef?: ClassDef };
  readonly morx?: unknown;
  readonly kern?: unknown;
  readonly _variationProcessor?: unknown;
  readonly _cmapProcessor: { lookup(codePoint: number): number };
}

/** Glyph ids of a coverage table, in coverage order. */
export function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return [...items(coverage.glyphs)];
  const out: number[] = [];
  for (const range of items(coverage.rangeRecords)) {
    for (let glyph = range.start; glyph <= range.end; glyph++) out.push(glyph);
  }
  return out;
}

/** Class of each glyph listed by a class definition (unlisted glyphs are class 0). */
export function classEntries(classDef: ClassDef | undefined): Map<number, number> {
  const classes = new Map<number, number>();
  if (!classDef) return classes;
  if (classDef.version === 1) {
    items(classDef.classValueArray).forEach((value, i) => {
      classes.set((classDef.startGlyph ?? 0) + i, value);
    });
    return classes;
  }
  // fontkit takes the first range holding the glyph.
  for (const range of items(classDef.classRangeRecord)) {
    for (let glyph = range.start; glyph <= range.end; glyph++) {
      if (!classes.has(glyph)) classes.set(glyph, range.class);
    }
  }
  return classes;
}

/** The subtable an extension lookup wraps (GSUB type 7, GPOS type 9), with its real type. */
export function unwrap(lookupType: number, subtable: Subtable, extensionType: number): [number, Subtable] {
  if (lookupType === extensionType && subtable.extension) {
    return [subtable.lookupType ?? 0, subtable.extension];
  }
  return [lookupType, subtable];
}

/** restructure's lazy array as it is held (its items decoded one by one on `get`). */
interface LazyInternals {
  readonly length: number;
  readonly base?: number;
  readonly ctx?: unknown;
  readonly stream?: { readonly view?: DataView };
  readonly type?: { size(value: null, ctx: unknown): number };
}

/**
 * The x advances of one row of a class-pair matrix whose records hold only value1's x advance:
 * read straight from the font's bytes (2 bytes a record) when the row is a lazy array over them,
 * else decoded record by record. Decoding 15 000 records through restructure takes ≈ 0.5 s.
 */
export function xAdvanceRow(row: Items<{ value1?: ValueRecord }>, recordBytes: number): number[] {
  const lazy = row as unknown as LazyInternals;
  const view = lazy.stream?.view;
  const first = itemAt(row, 0)?.value1?.xAdvance ?? 0;
  if (
    recordBytes === 2 &&
    view &&
    lazy.base !== undefined &&
    lazy.type?.size(null, lazy.ctx) === 2 &&
    lazy.length > 0 &&
    view.getInt16(lazy.base, false) === first
  ) {
    const base = lazy.base;
    return Array.from({ length: lazy.length }, (_, i) => view.getInt16(base + 2 * i, false));
  }
  return items(row).map((record) => record.value1?.xAdvance ?? 0);
}
