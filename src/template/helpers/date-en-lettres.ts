/**
 * Dates in words for the registre formula (« L'an deux mille vingt-trois, le vingt-trois mars »).
 * The first of the month is « premier ».
 *
 * @example
 * dateEnLettres('2023-03-23') // 'vingt-trois mars deux mille vingt-trois'
 * jourMoisEnLettres('2023-03-01') // 'premier mars'
 * anneeEnLettres('2023-03-23') // 'deux mille vingt-trois'
 */
import { monthName, parseIsoDate } from './iso-date.ts';
import { nombreEnLettres } from './nombre-en-lettres.ts';

/** '2023-03-01' → 'premier mars'; throws a French Error for an invalid date. */
export function jourMoisEnLettres(iso: string): string {
  const date = parseIsoDate(iso, 'jourMoisEnLettres');
  return `${date.day === 1 ? 'premier' : nombreEnLettres(date.day)} ${monthName(date)}`;
}

/** '2023-03-23' → 'deux mille vingt-trois'; throws a French Error for an invalid date. */
export function anneeEnLettres(iso: string): string {
  return nombreEnLettres(parseIsoDate(iso, 'anneeEnLettres').year);
}

/**
 * The year in words with the collectivité's word for the thousands: « deux mil vingt-quatre » when
 * it writes « mil » (formula `mille`), « deux mille vingt-quatre » by default.
 */
export function anneeEnLettresAvec(iso: string, mille: string): string {
  const words = anneeEnLettres(iso);
  return mille === 'mille' ? words : words.replace(/(^|[\s-])mille(?=$|[\s-])/u, `$1${mille}`);
}

/** '2023-03-23' → 'vingt-trois mars deux mille vingt-trois'; throws a French Error for an invalid date. */
export function dateEnLettres(iso: string): string {
  const date = parseIsoDate(iso, 'dateEnLettres');
  const day = date.day === 1 ? 'premier' : nombreEnLettres(date.day);
  return `${day} ${monthName(date)} ${nombreEnLettres(date.year)}`;
}
