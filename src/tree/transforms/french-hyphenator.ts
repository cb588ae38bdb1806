/**
 * French hyphenation points of single words, from the `hyphen` package's TeX patterns (loaded on
 * first use, once per process), cached per word.
 *
 * @example
 * hyphenationPoints('délibération') // [2, 4, 6, 8]: dé-li-bé-ra-tion
 */
import { createRequire } from 'node:module';

interface HyphenModule {
  readonly hyphenateSync: (text: string, options?: { readonly minWordLength?: number }) => string;
}

/** Letters kept together at the start and at the end of a word (French usage: 2 and 3). */
export const MIN_LEFT = 2;
export const MIN_RIGHT = 3;

let hyphenator: HyphenModule | undefined;
const cache = new Map<string, readonly number[]>();
/** Bound on the cache, so that a long-running process cannot grow it without limit. */
const CACHE_LIMIT = 50_000;

function load(): HyphenModule {
  if (!hyphenator) {
    // `hyphen` is CommonJS with a computed `module.exports`: required, not imported, and lazily.
    hyphenator = createRequire(import.meta.url)('hyphen/fr') as HyphenModule;
  }
  return hyphenator;
}

/**
 * Offsets (in UTF-16 code units, from the word's start) where a soft hyphen may go, keeping at
 * least MIN_LEFT letters before and MIN_RIGHT after. `word` is letters only.
 */
export function hyphenationPoints(word: string): readonly number[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const marked = load().hyphenateSync(word, { minWordLength: 1 });
  const points: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === '\u00AD') {
      // Never between a letter and its combining accent (text in NFD).
      const ok =
        offset >= MIN_LEFT && word.length - offset >= MIN_RIGHT && !/\p{M}/u.test(word[offset] ?? '');
      if (ok) points.push(offset);
    } else {
      offset += ch.length;
    }
  }
  // The patterns must only add soft hyphens; anything else and the word is left whole.
  const result = marked.replaceAll('\u00AD', '') === word ? points : [];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
