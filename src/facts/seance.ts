/**
 * Facts of the whole séance that its documents and its validation both read, so that they can
 * never disagree: the entries the ordre du jour adds after the points, whether the procès-verbal
 * is signed.
 *
 * @example
 * closingEntries({ urgences: true }, { urgences: 'Affaires urgentes', questions_diverses: '' }) // ['Affaires urgentes']
 */
import type { Collectivite, DeroulementSeance, SeanceDetails } from '../schema/seance.ts';
import type { Formules } from './formules.ts';

/**
 * The entries the ordre du jour prints after its points, each with its formula: the affaires
 * urgentes and the questions diverses the séance announces (`true`), unless the collectivité
 * emptied the formula, which removes the entry (template/agenda-context.ts prints them).
 */
export function closingEntries(
  details: Pick<SeanceDetails, 'urgences' | 'questions_diverses'>,
  f: Pick<Formules, 'urgences' | 'questions_diverses'>,
): string[] {
  const out: string[] = [];
  if (details.urgences === true && f.urgences !== '') out.push(f.urgences);
  if (details.questions_diverses === true && f.questions_diverses !== '') out.push(f.questions_diverses);
  return out;
}

/** How many entries the ordre du jour prints after its points (`closingEntries`). */
export function announcedClosings(
  details: Pick<SeanceDetails, 'urgences' | 'questions_diverses'>,
  f: Pick<Formules, 'urgences' | 'questions_diverses'>,
): number {
  return closingEntries(details, f).length;
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
