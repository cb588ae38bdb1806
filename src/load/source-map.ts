/**
 * Maps a JSON pointer into the loaded séance data back to a file, line and column.
 *
 * The data validated is the séance with included points substituted in, so `/points/1/objet`
 * may live in `points/02-budget.yaml`: `SourceMap.points[i]` says which document holds point i.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** One parsed YAML file: its text (for excerpts), document and line counter. */
export interface SourceDoc {
  /** Path as shown to the user (relative to the working directory when the user gave it so). */
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Where every part of the loaded data comes from. */
export interface SourceMap {
  readonly root: SourceDoc;
  /** Absolute folder of the séance file: paths written in it (logo, fonts, points) are relative to it. */
  readonly folder: string;
  /** For each point index: the document of an included point file, or undefined (in the root). */
  readonly points: readonly (SourceDoc | undefined)[];
  /** Indexes of included points whose file could not be loaded (already reported; data is null). */
  readonly unresolvedPoints: readonly number[];
}

/** A resolved position. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Splits a JSON pointer (`/points/0/objet`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function deref(node: unknown, doc: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

interface Found {
  /** Deepest node reached. */
  readonly node: Node;
  /** Key node of the pair holding `node`, if any. */
  readonly key: Node | undefined;
}

function walk(doc: Document.Parsed, segments: readonly string[]): Found | undefined {
  let node = deref(doc.contents, doc);
  let key: Node | undefined;
  if (!node) return undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const value = deref(pair.value, doc);
      key = isScalar(pair.key) ? pair.key : undefined;
      if (!value) {
        node = pair.key;
        break;
      }
      node = value;
    } else if (isSeq(node)) {
      const item = deref(node.items[Number(segment)], doc);
      if (!item) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
  }
  return node ? { node: node as Node, key } : undefined;
}

/** Finds the key node of `name` in the map at `segments`, if it exists. */
function findKey(doc: Document.Parsed, segments: readonly string[], name: string): Node | undefined {
  const found = walk(doc, segments);
  if (!found || !isMap(found.node)) return undefined;
  const pair = found.node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function placeOf(source: SourceDoc, node: Node | undefined): SourcePlace {
  const offset = node?.range?.[0] ?? 0;
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}

/** Which document holds the data at `segments`, and the segments relative to that document. */
function documentFor(map: SourceMap, segments: readonly string[]): [SourceDoc, readonly string[]] {
  if (segments[0] === 'points' && segments.length >= 2) {
    const included = map.points[Number(segments[1])];
    if (included) return [included, segments.slice(2)];
  }
  return [map.root, segments];
}

/**
 * Position of the value at `pointer`; with `key`, of that key inside the map at `pointer` (for
 * unknown keys). A value left empty (`objet:`) is placed at its key.
 *
 * @example
 * locate(sources, '/points/0/rapporteur') // → { file: 'seance.yaml', line: 43, column: 17 }
 */
export function locate(
  map: SourceMap,
  pointer: string,
  options: { readonly key?: string } = {},
): SourcePlace {
  const [source, segments] = documentFor(map, pointerSegments(pointer));
  if (options.key !== undefined) {
    const keyNode = findKey(source.doc, segments, options.key);
    if (keyNode) return placeOf(source, keyNode);
  }
  const found = walk(source.doc, segments);
  if (!found) return placeOf(source, undefined);
  const { node, key } = found;
  const empty = isScalar(node) && node.value === null && key !== undefined;
  return placeOf(source, empty ? key : node);
}

/** The original text of the scalar at `pointer` (`8.10` for a value YAML read as 8.1), if any. */
export function sourceText(map: SourceMap, pointer: string): string | undefined {
  const [source, segments] = documentFor(map, pointerSegments(pointer));
  const found = walk(source.doc, segments);
  if (!found || !isScalar(found.node)) return undefined;
  const raw = (found.node as { source?: unknown }).source;
  return typeof raw === 'string' ? raw : undefined;
}
