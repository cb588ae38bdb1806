/**
 * A list of names in a sentence: « A, B et C » (no serial comma in French).
 *
 * @example
 * listeNoms(['A', 'B', 'C']) // 'A, B et C'
 * listeNoms(['A', 'B'], { conjonction: 'ou' }) // 'A ou B'
 * listeNoms([]) // ''
 */
import { quoteValue } from './iso-date.ts';

export interface ListeNomsOptions {
  /** The word before the last name (default « et »). */
  readonly conjonction?: 'et' | 'ou';
}

/** ['A','B','C'] → 'A, B et C'; ['A'] → 'A'; [] → ''; throws a French Error if not a list of texts. */
export function listeNoms(noms: readonly string[], options: ListeNomsOptions = {}): string {
  if (!Array.isArray(noms) || !noms.every((nom) => typeof nom === 'string')) {
    throw new Error(`listeNoms : liste invalide ${quoteValue(noms)} (attendu une liste de noms).`);
  }
  const conjonction = options.conjonction ?? 'et';
  if (noms.length <= 1) return noms[0] ?? '';
  return `${noms.slice(0, -1).join(', ')} ${conjonction} ${noms.at(-1)}`;
}
