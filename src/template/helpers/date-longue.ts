/**
 * A date as written in French prose: day, lower-case month, year; the first of the month is
 * « 1er » (plain letters: the typography transform raises them).
 *
 * @example
 * dateLongue('2023-03-23') // '23 mars 2023'
 * dateLongue('2023-03-01') // '1er mars 2023'
 */
import { monthName, parseIsoDate } from './iso-date.ts';

/** '2023-03-23' → '23 mars 2023'; throws a French Error for an invalid date. */
export function dateLongue(iso: string): string {
  const date = parseIsoDate(iso, 'dateLongue');
  return `${date.day === 1 ? '1er' : String(date.day)} ${monthName(date)} ${date.year}`;
}
