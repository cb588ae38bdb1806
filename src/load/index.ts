/**
 * Loading a séance: file → data with positions.
 *
 * @example
 * import { loadSeance, locate } from './load/index.ts';
 */
export { type LoadOptions, type LoadResult, loadSeance } from './load-seance.ts';
export { MAX_ALIAS_COUNT, parseYaml } from './parse-yaml.ts';
export { DEFAULT_MAX_BYTES, decodeUtf8, readText } from './read-text.ts';
export {
  locate,
  pointerSegments,
  type SourceDoc,
  type SourceMap,
  type SourcePlace,
  sourceText,
} from './source-map.ts';
