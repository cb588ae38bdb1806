/**
 * Ordinal numbers in figures, as French typography abbreviates them: « 1er », « 1re », « 2e »
 * (never « 2ème »). The letters are plain: the typography transform raises them.
 *
 * @example
 * ordinal(1) // '1er'
 * ordinal(1, 'f') // '1re'
 * ordinal(2) // '2e'
 */
import { quoteValue } from './iso-date.ts';

/** Grammatical gender: masculine (« 1er article ») or feminine (« 1re séance »). */
export type Genre = 'm' | 'f';

/** n ≥ 1 → '1er' / '1re' / 'ne'; throws a French Error for anything but a positive integer. */
export function ordinal(n: number, genre: Genre = 'm'): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new Error(`ordinal : rang invalide ${quoteValue(n)} (attendu un nombre entier à partir de 1).`);
  }
  if (genre !== 'm' && genre !== 'f') {
    throw new Error(`ordinal : genre invalide ${quoteValue(genre)} (attendu « m » ou « f »).`);
  }
  if (n === 1) return genre === 'f' ? '1re' : '1er';
  return `${n}e`;
}
