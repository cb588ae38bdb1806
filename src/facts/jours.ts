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

/** The day a point was examined on: its date, and its opening hour when that day states one. */
export interface PointDay {
  readonly date: string;
  readonly heure: string | undefined;
}

type DaysInput = {
  readonly seance: Pick<SeanceDetails, 'date' | 'heure' | 'jours_suivants'>;
  readonly points: readonly { readonly numero: number }[];
};

/** The days of every point of a séance, and the day of a number no point has (the last one). */
interface PointDays {
  readonly details: DaysInput['seance'];
  readonly jours: DaysInput['seance']['jours_suivants'];
  readonly count: number;
  readonly byNumber: ReadonlyMap<number, PointDay>;
  readonly last: PointDay;
}

/** One pass over the points per séance (points array), not one per call: 10 000 points call it 10 000 times. */
const computed = new WeakMap<DaysInput['points'], PointDays>();

function pointDays(seance: DaysInput): PointDays {
  const known = computed.get(seance.points);
  const same =
    known?.details === seance.seance &&
    known.jours === seance.seance.jours_suivants &&
    known.count === seance.points.length;
  if (known && same) return known;
  const starts = new Map<number, JourSuivant>();
  for (const day of statedDays(seance.seance))
    if (day.premier_point !== undefined) starts.set(day.premier_point, day);
  const byNumber = new Map<number, PointDay>();
  let current: PointDay = { date: seance.seance.date, heure: seance.seance.heure };
  for (const point of seance.points) {
    const day = starts.get(point.numero);
    if (day) current = { date: day.date, heure: day.heure };
    // A number given to several points: its first point's day.
    if (!byNumber.has(point.numero)) byNumber.set(point.numero, current);
  }
  const days = {
    details: seance.seance,
    jours: seance.seance.jours_suivants,
    count: seance.points.length,
    byNumber,
    last: current,
  };
  computed.set(seance.points, days);
  return days;
}

/**
 * The day a point was examined on: the séance's first day, or the later day from whose
 * `premier_point` on it comes (points taken in the order of the ordre du jour, as their
 * attendance is). A later day's hour is its own `heure`: never the first day's. A number no
 * point has gets the last day reached. Linear in the points once per séance, then constant.
 */
export function pointDay(seance: DaysInput, numero: number): PointDay {
  const days = pointDays(seance);
  return days.byNumber.get(numero) ?? days.last;
}
