/**
 * Agreement of a noun with a count. In French 0 and 1 (and any count below 2, like 1,5) take the
 * singular. The count is printed in French figures (U+202F between thousands) and tied to its
 * noun by a non-breaking space (U+00A0), so « 3 » never ends a line without « abstentions ».
 *
 * @example
 * pluriel(3, 'abstention') // '3\u00A0abstentions'
 * pluriel(0, 'voix', 'voix') // '0\u00A0voix'
 * accord(1, 'membre présent', 'membres présents') // 'membre présent'
 */
import { quoteValue } from './iso-date.ts';
import { nombre } from './nombre.ts';

function checkCount(n: number, helper: string): void {
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new Error(`${helper} : nombre invalide ${quoteValue(n)} (attendu un nombre, par exemple 3).`);
  }
}

/**
 * The noun alone, singular or plural for the count; the plural defaults to the singular + « s ».
 *
 * @example
 * accord(2, 'pouvoir') // 'pouvoirs'
 */
export function accord(n: number, singulier: string, pluriel?: string): string {
  checkCount(n, 'accord');
  return Math.abs(n) < 2 ? singulier : (pluriel ?? `${singulier}s`);
}

/** The count and the agreed noun: 1 → '1 abstention', 3 → '3 abstentions', 0 → '0 abstention'. */
export function pluriel(n: number, singulier: string, pluriel?: string): string {
  checkCount(n, 'pluriel');
  return `${nombre(n)}\u00A0${accord(n, singulier, pluriel)}`;
}
