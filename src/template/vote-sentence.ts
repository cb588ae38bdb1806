/**
 * The result of a vote in words, as the registre writes it, from the collectivité's formulas
 * (`vote_*`): the outcome, the count of each sense, and what a zero count becomes (left out by
 * default; « aucune abstention » or « 0 abstention » when the collectivité writes so).
 *
 * @example
 * voteSentence({ pour: 25, contre: 0, abstentions: 2, … }, 'f', formules)
 * // 'Adoptée à l’unanimité des suffrages exprimés (25 voix pour et 2 abstentions).'
 */
import { type Formules, fillFormula, resolveFormules } from '../facts/formules.ts';
import type { VoteFacts } from '../facts/vote.ts';
import { nombre } from './helpers/index.ts';

/** delib's own formulas, for callers that do not pass the collectivité's. */
const DEFAULTS: Formules = resolveFormules(undefined, '9999-12-31');

function countPart(n: number, formula: string, zero: string): string {
  if (n === 0) return zero;
  return fillFormula(formula, { nombre: nombre(n), s: n >= 2 ? 's' : '' });
}

/** « 21 voix pour, 4 voix contre et 2 abstentions »; a zero count as the formulas say (default: left out). */
export function voteDetail(vote: VoteFacts, f: Formules = DEFAULTS): string {
  const pour = fillFormula(f.vote_pour, { nombre: nombre(vote.pour), s: vote.pour >= 2 ? 's' : '' });
  const contre = countPart(vote.contre, f.vote_contre, f.vote_contre_aucune);
  const abstentions = countPart(vote.abstentions, f.vote_abstentions, f.vote_abstentions_aucune);
  if (f.vote_detail !== '') return fillFormula(f.vote_detail, { pour, contre, abstentions });
  const parts = [pour, contre, abstentions].filter((p) => p !== '');
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/**
 * The result of a vote in words, as written in the registre (« Adoptée par … »); `genre` gives the
 * agreement of the participle for what was voted (an amendement is « adopté »).
 */
export function voteSentence(vote: VoteFacts, genre: 'f' | 'm' = 'f', f: Formules = DEFAULTS): string {
  const e = genre === 'f' ? 'e' : '';
  if (vote.unanimite) return fillFormula(f.vote_unanimite, { e });
  const values = { e, detail: voteDetail(vote, f) };
  const outcome =
    vote.issue === 'adoptee'
      ? fillFormula(vote.contre === 0 ? f.vote_exprimes : f.vote_adopte, values)
      : fillFormula(vote.issue === 'rejetee' ? f.vote_rejete : f.vote_partage, values);
  const n = vote.nePrendPasPart;
  if (n === 0) return outcome;
  const abstaining = fillFormula(f.vote_ne_prend_pas_part, {
    nombre: nombre(n),
    s: n >= 2 ? 's' : '',
    ne_prend: n >= 2 ? 'ne prennent' : 'ne prend',
  });
  return abstaining === '' ? outcome : `${outcome} ${abstaining}`;
}
