/**
 * The result of each point in the liste des délibérations, in the collectivité's words (formulas
 * `liste_…`): a vote in a few words, or an outcome without a vote. A zero count is left out, as in
 * the délibération.
 *
 * @example
 * voteOutcome(facts, formules) // 'Adoptée (25 pour, 4 contre)'
 */
import { momentOf } from '../compose/moment.ts';
import { type Formules, fillFormula } from '../facts/formules.ts';
import { pointFacts } from '../facts/point.ts';
import type { VoteFacts } from '../facts/vote.ts';
import type { Point, Seance } from '../schema/seance.ts';

/** « Adoptée à l’unanimité », « Adoptée (25 pour, 4 contre) », « Rejetée (…) ». */
export function voteOutcome(vote: VoteFacts, f: Formules): string {
  if (vote.unanimite) return f.liste_unanimite;
  const count = (formula: string, nombre: number) =>
    nombre > 0 ? fillFormula(formula, { nombre: String(nombre), s: nombre > 1 ? 's' : '' }) : '';
  const detail = [
    fillFormula(f.liste_pour, { nombre: String(vote.pour) }),
    count(f.liste_contre, vote.contre),
    count(f.liste_abstentions, vote.abstentions),
    count(f.liste_ne_prend_pas_part, vote.nePrendPasPart),
  ]
    .filter((part) => part !== '')
    .join(', ');
  const formula =
    vote.issue === 'adoptee' ? f.liste_adoptee : vote.issue === 'rejetee' ? f.liste_rejetee : f.liste_partage;
  return fillFormula(formula, { detail });
}

/** The outcome of a point examined; undefined for a projet not yet examined. */
export function listeOutcome(seance: Seance, point: Point, f: Formules): string | undefined {
  const moment = momentOf(point);
  if (moment === 'projet') return undefined;
  if (moment === 'adopte') {
    const { vote } = pointFacts(seance, point);
    return vote ? voteOutcome(vote, f) : '';
  }
  return {
    prend_acte: f.liste_prend_acte,
    retire: f.liste_retire,
    ajourne: f.liste_ajourne,
    // Examined, its result not stated in the YAML: nothing invented (formula `liste_examine`, empty).
    examine: f.liste_examine,
  }[moment];
}
