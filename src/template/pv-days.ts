/**
 * The procès-verbal's attendance by day, for a séance held over several days whose later days
 * state their own attendance or guests: a heading per day (formula `pv_jour`), then that day's
 * lines; and the people attending who are not members (formula `pv_invites`).
 *
 * @example
 * daysContext(seance, f, lines).jours[0]?.titre // 'Séance du mercredi 29 janvier 2025'
 */
import { type Formules, fillFormula } from '../facts/formules.ts';
import { statedDays } from '../facts/jours.ts';
import type { Presences, Seance } from '../schema/seance.ts';
import { joinNames } from './seance-text.ts';
import { formulaLines, seanceValues } from './seance-values.ts';

/** « Assistaient également à la séance : A, B et C. », or nothing when nobody is named. */
export function guestsLine(invites: readonly string[] | undefined, f: Formules): string {
  return invites?.length ? fillFormula(f.pv_invites, { noms: joinNames(invites, f) }) : '';
}

/** The heading of one day: the `pv_jour` formula with the séance's values for that date. */
function dayHeading(seance: Seance, f: Formules, date: string, first: boolean): string {
  const { heure, jours_suivants, ...rest } = seance.seance;
  // A later day's hour is not known: its bracketed parts go.
  const details = first && heure !== undefined ? { ...rest, date, heure } : { ...rest, date };
  return formulaLines(f.pv_jour, seanceValues({ ...seance, seance: details }, f)).join(' ');
}

/**
 * The first day's heading (only when a later day states its attendance or guests) and each such
 * later day with its heading and lines (`lines`: the procès-verbal's attendance lines).
 */
export function daysContext<L>(seance: Seance, f: Formules, lines: (presences: Presences | undefined) => L) {
  const days = statedDays(seance.seance);
  return {
    jourTitre: days.length > 0 ? dayHeading(seance, f, seance.seance.date, true) : '',
    jours: days.map((day) => ({
      titre: dayHeading(seance, f, day.date, false),
      presences: { ...lines(day.presences), invites: guestsLine(day.invites, f) },
    })),
  };
}
