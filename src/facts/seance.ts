/**
 * Facts of the whole séance that its documents and its validation both read, so that they can
 * never disagree: the entries the ordre du jour adds after the points.
 *
 * @example
 * announcedClosings({ urgences: true }) // 1
 */
import type { SeanceDetails } from '../schema/seance.ts';

/**
 * How many entries the ordre du jour announces after its points: affaires urgentes, questions
 * diverses (template/agenda-context.ts prints them, with their formulas).
 */
export function announcedClosings(details: Pick<SeanceDetails, 'urgences' | 'questions_diverses'>): number {
  return (details.urgences === true ? 1 : 0) + (details.questions_diverses === true ? 1 : 0);
}
