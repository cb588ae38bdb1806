/**
 * The days of a séance held over several days: each later day's date, and the attendance a day
 * states for the points examined from its first point on.
 *
 * @example
 * dayDate({ date: '2025-01-29', presences }) // '2025-01-29'
 * dayRestarts(seance.seance).get(4)          // the presences of the day whose premier_point is 4
 */
import type { JourSuivant, Presences, SeanceDetails } from '../schema/seance.ts';

/** A later day as written: its date alone, or its date with its attendance. */
export type Jour = string | JourSuivant;

/** The date of a later day. */
export const dayDate = (jour: Jour): string => (typeof jour === 'string' ? jour : jour.date);

/** The later days that state something besides their date (attendance, guests). */
export function statedDays(seance: Pick<SeanceDetails, 'jours_suivants'>): JourSuivant[] {
  return (seance.jours_suivants ?? []).filter((j): j is JourSuivant => typeof j !== 'string');
}

/** Point number → the attendance of the day that starts with that point (`premier_point`). */
export function dayRestarts(seance: Pick<SeanceDetails, 'jours_suivants'>): ReadonlyMap<number, Presences> {
  const starts = new Map<number, Presences>();
  for (const day of statedDays(seance)) {
    if (day.premier_point !== undefined && day.presences) starts.set(day.premier_point, day.presences);
  }
  return starts;
}
