/**
 * An amount in euros in words, as conventions repeat it after the figures (« la somme de mille
 * deux cents euros (1 200,00 €) »). Rounded to the cent.
 *
 * @example
 * montantEnLettres(1234.56) // 'mille deux cent trente-quatre euros et cinquante-six centimes'
 * montantEnLettres(1) // 'un euro'
 * montantEnLettres(0.5) // 'cinquante centimes'
 */
import { quoteValue } from './iso-date.ts';
import { MAX_NOMBRE_EN_LETTRES, nombreEnLettres } from './nombre-en-lettres.ts';

/**
 * Spells out an amount in euros and centimes; « d'euros » after million / milliard
 * (« un million d'euros »); negatives start with « moins ». Throws a French Error for NaN,
 * infinities and amounts beyond 999 999 999 999 €.
 */
export function montantEnLettres(n: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > MAX_NOMBRE_EN_LETTRES) {
    throw new Error(
      `montantEnLettres : montant invalide ${quoteValue(n)} (attendu un nombre, par exemple 1234.56).`,
    );
  }
  const cents = Math.round(Math.abs(n) * 100);
  if (cents === 0) return 'zéro euro';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const parts: string[] = [];
  if (euros > 0) {
    const words = nombreEnLettres(euros);
    const unit = euros >= 2 ? 'euros' : 'euro';
    parts.push(/(millions?|milliards?)$/.test(words) ? `${words} d’${unit}` : `${words} ${unit}`);
  }
  if (rest > 0) parts.push(`${nombreEnLettres(rest)} ${rest >= 2 ? 'centimes' : 'centime'}`);
  const text = parts.join(' et ');
  return n < 0 ? `moins ${text}` : text;
}
