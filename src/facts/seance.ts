/**
 * Facts of the whole séance that its documents and its validation both read, so that they can
 * never disagree: the entries the ordre du jour adds after the points, whether the procès-verbal
 * is signed.
 *
 * @example
 * announcedClosings({ urgences: true }) // 1
 */
import type { Collectivite, DeroulementSeance, SeanceDetails } from '../schema/seance.ts';

/**
 * How many entries the ordre du jour announces after its points: affaires urgentes, questions
 * diverses (template/agenda-context.ts prints them, with their formulas).
 */
export function announcedClosings(details: Pick<SeanceDetails, 'urgences' | 'questions_diverses'>): number {
  return (details.urgences === true ? 1 : 0) + (details.questions_diverses === true ? 1 : 0);
}

/**
 * Whether the procès-verbal prints the signatures of the président and the secretaries
 * (L. 2121-15): the séance's `deroulement.signatures`, else the collectivité's `signatures_pv`
 * (a compte rendu printed unsigned), else yes.
 */
export function pvSigned(seance: {
  readonly deroulement?: Pick<DeroulementSeance, 'signatures'> | undefined;
  readonly collectivite: Pick<Collectivite, 'signatures_pv'>;
}): boolean {
  return seance.deroulement?.signatures ?? seance.collectivite.signatures_pv ?? true;
}
