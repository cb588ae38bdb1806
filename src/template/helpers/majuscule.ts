/**
 * Capitalises the first letter of a text (accents kept: « état » → « État »), leaving the rest
 * as it is.
 *
 * @example
 * majuscule('à l’unanimité') // 'À l’unanimité'
 */
import { quoteValue } from './iso-date.ts';

/** 'état civil' → 'État civil'; '' → ''; throws a French Error if the value is not a text. */
export function majuscule(texte: string): string {
  if (typeof texte !== 'string') {
    throw new Error(`majuscule : texte invalide ${quoteValue(texte)} (attendu un texte).`);
  }
  const first = texte.codePointAt(0);
  if (first === undefined) return '';
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase('fr-FR') + texte.slice(char.length);
}
