/**
 * A date in figures, day first (« 23/03/2023 »), for tables and mentions.
 *
 * @example
 * dateCourte('2023-03-01') // '01/03/2023'
 */
import { parseIsoDate } from './iso-date.ts';

/** '2023-03-23' → '23/03/2023'; throws a French Error for an invalid date. */
export function dateCourte(iso: string): string {
  const date = parseIsoDate(iso, 'dateCourte');
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}
