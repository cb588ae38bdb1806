/**
 * Reading of the ISO dates that come from the YAML (`AAAA-MM-JJ`), shared by the date helpers.
 *
 * @example
 * parseIsoDate('2023-03-23', 'dateLongue') // { year: 2023, month: 3, day: 23 }
 */

/** A calendar date, month and day counted from 1. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** French month names, lower case, index 0 = janvier. */
export const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** French weekday names, index 0 = dimanche (as `Date#getUTCDay`). */
export const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month of a year (February of leap years has 29). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Shows a value received by a helper in an error message. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `« ${value} »`;
  if (value === undefined) return 'une valeur absente';
  if (value === null) return 'la valeur nulle';
  if (value instanceof Date) return `la date JavaScript ${value.toISOString()}`;
  return `« ${String(value)} »`;
}

/**
 * Reads an ISO date `AAAA-MM-JJ` that must exist in the calendar; throws an Error whose French
 * message names the helper and the value otherwise.
 *
 * @example
 * parseIsoDate('2024-02-29', 'dateLongue') // { year: 2024, month: 2, day: 29 }
 * parseIsoDate('2023-02-29', 'dateLongue') // throws « dateLongue : date invalide « 2023-02-29 » … »
 */
export function parseIsoDate(value: unknown, helper: string): CalendarDate {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new Error(
    `${helper} : date invalide ${quoteValue(value)} (attendu une date qui existe, au format AAAA-MM-JJ, par exemple 2023-03-23).`,
  );
}

/** The French name of the month of a date: `monthName({…, month: 3})` → 'mars'. */
export function monthName(date: CalendarDate): string {
  return MONTHS[date.month - 1] ?? '';
}
