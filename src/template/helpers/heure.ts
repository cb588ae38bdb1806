/**
 * Reading of the times that come from the YAML (`HH:MM`), and the time in figures as French
 * typography writes it (« 19 h 30 », with non-breaking spaces).
 *
 * @example
 * heure('19:30') // '19\u00A0h\u00A030'
 * heure('09:00') // '9\u00A0h'
 */
import { quoteValue } from './iso-date.ts';

/** A time of day, 0 ≤ hours ≤ 23, 0 ≤ minutes ≤ 59. */
export interface TimeOfDay {
  readonly hours: number;
  readonly minutes: number;
}

/**
 * Reads `HH:MM` (or `H:MM`) between 00:00 and 23:59; throws an Error whose French message names
 * the helper and the value otherwise.
 *
 * @example
 * parseTime('19:30', 'heure') // { hours: 19, minutes: 30 }
 */
export function parseTime(value: unknown, helper: string): TimeOfDay {
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(value) : null;
  if (match) {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if (hours <= 23 && minutes <= 59) return { hours, minutes };
  }
  throw new Error(
    `${helper} : heure invalide ${quoteValue(value)} (attendu HH:MM entre 00:00 et 23:59, par exemple 19:30).`,
  );
}

/** '19:30' → '19 h 30', '09:00' → '9 h' (U+00A0 around « h »); throws a French Error if invalid. */
export function heure(value: string): string {
  const time = parseTime(value, 'heure');
  const minutes = time.minutes === 0 ? '' : `\u00A0${String(time.minutes).padStart(2, '0')}`;
  return `${time.hours}\u00A0h${minutes}`;
}
