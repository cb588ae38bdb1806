/**
 * A vote as every document states it: counts (from the numbers, or from the names of a public
 * ballot), the names when given, the mode of ballot and the outcome. One derivation for the
 * délibération, the liste des délibérations, the procès-verbal and the open data export.
 *
 * @example
 * voteFacts({ pour: ['jdupont', 'pmartin'], contre: 0, abstentions: 0, scrutin: 'public' }, index)
 * // → { pour: 2, contre: 0, …, noms: { pour: [Jeanne Dupont, Paul Martin], … }, issue: 'adoptee' }
 */
import type { Scrutin, Vote } from '../schema/seance.ts';
import { type EluIndex, type Member, memberOf } from './elus.ts';

export type Issue = 'adoptee' | 'rejetee' | 'partage';

export interface NamedVotes {
  readonly pour: readonly Member[];
  readonly contre: readonly Member[];
  readonly abstentions: readonly Member[];
  readonly nePrendPasPart: readonly Member[];
}

export interface VoteFacts {
  readonly unanimite: boolean;
  readonly scrutin: Scrutin | undefined;
  readonly pour: number;
  readonly contre: number;
  readonly abstentions: number;
  readonly nePrendPasPart: number;
  /** Whether `ne_prend_pas_part` was written (even as 0). */
  readonly nePrendPasPartEcrit: boolean;
  /** The names of each sense, when every count is written as a list. */
  readonly noms: NamedVotes | undefined;
  readonly issue: Issue;
}

type Voix = number | readonly string[];

const count = (v: Voix | undefined): number => (v === undefined ? 0 : typeof v === 'number' ? v : v.length);
const named = (v: Voix | undefined, index: EluIndex): readonly Member[] | undefined =>
  v === undefined
    ? []
    : typeof v === 'number'
      ? v === 0
        ? []
        : undefined
      : v.map((r) => memberOf(r, index));

export function voteFacts(vote: Vote, index: EluIndex): VoteFacts {
  if ('unanimite' in vote) {
    return {
      unanimite: true,
      scrutin: vote.scrutin,
      pour: 0,
      contre: 0,
      abstentions: 0,
      nePrendPasPart: 0,
      nePrendPasPartEcrit: false,
      noms: undefined,
      issue: 'adoptee',
    };
  }
  const pour = count(vote.pour);
  const contre = count(vote.contre);
  const lists = [vote.pour, vote.contre, vote.abstentions, vote.ne_prend_pas_part];
  const anyList = lists.some((v) => Array.isArray(v));
  const [p, c, a, n] = lists.map((v) => named(v, index));
  const noms =
    anyList && p && c && a && n ? { pour: p, contre: c, abstentions: a, nePrendPasPart: n } : undefined;
  return {
    unanimite: false,
    scrutin: vote.scrutin,
    pour,
    contre,
    abstentions: count(vote.abstentions),
    nePrendPasPart: count(vote.ne_prend_pas_part),
    nePrendPasPartEcrit: vote.ne_prend_pas_part !== undefined,
    noms,
    issue: pour > contre ? 'adoptee' : pour < contre ? 'rejetee' : 'partage',
  };
}
