/**
 * A date with its weekday, as in convocations (« le jeudi 23 mars 2023 »).
 *
 * @example
 * dateAvecJour('2023-03-23') // 'jeudi 23 mars 2023'
 * dateAvecJour('2023-03-01') // 'mercredi 1er mars 2023'
 */
import { dateLongue } from './date-longue.ts';
import { parseIsoDate, WEEKDAYS } from './iso-date.ts';

/** '2023-03-23' → 'jeudi 23 mars 2023'; throws a French Error for an invalid date. */
export function dateAvecJour(iso: string): string {
  const date = parseIsoDate(iso, 'dateAvecJour');
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? '';
  return `${weekday} ${dateLongue(iso)}`;
}
