/**
 * The names of a vote by name (pour, contre, abstentions given as lists), as the collectivité
 * prints them: a table (sens / nombre / noms) or one line per sense in its own words
 * (« Abstention : 1 – M. Charles Lemaire »), names in the order typed. Chosen by
 * `votes_nominatifs` on the délibération, else the séance, else the collectivité.
 *
 * @example
 * namedVoteLines(facts, formules, (m) => m.nom)
 * // ['Pour : 2 – Anne Aubry, Paul Bérard', 'Abstention : 1 – Marc Cazal']
 */
import { genreOf, type Member } from '../facts/elus.ts';
import { type Formules, fillFormula } from '../facts/formules.ts';
import type { VoteFacts } from '../facts/vote.ts';
import type { Deliberation, Seance } from '../schema/seance.ts';
import { joinNames } from './seance-text.ts';

export type VotesNominatifs = NonNullable<Deliberation['votes_nominatifs']>;

/** The presentation the YAML chooses for this act's names, nearest first; undefined when none. */
export function votesNominatifsOf(
  seance: Seance,
  deliberation: Deliberation | undefined,
): VotesNominatifs | undefined {
  return (
    deliberation?.votes_nominatifs ?? seance.seance.votes_nominatifs ?? seance.collectivite.votes_nominatifs
  );
}

type Sense = 'pour' | 'contre' | 'abstentions' | 'ne_prend_pas_part';

/** Each sense with its members, in the order of the table. */
function senses(vote: VoteFacts): [Sense, readonly Member[]][] {
  const noms = vote.noms;
  if (!noms) return [];
  return [
    ['pour', noms.pour],
    ['contre', noms.contre],
    ['abstentions', noms.abstentions],
    ['ne_prend_pas_part', noms.nePrendPasPart],
  ];
}

export interface NamedRow {
  readonly sens: string;
  readonly compte: number;
  readonly noms: string;
}

/** The table's rows: one per sense that has members (labels `pv_vote_pour`…). */
export function namedVoteTable(vote: VoteFacts, f: Formules, name: (m: Member) => string): NamedRow[] {
  const label: Record<Sense, string> = {
    pour: f.pv_vote_pour,
    contre: f.pv_vote_contre,
    abstentions: f.pv_vote_abstention,
    ne_prend_pas_part: f.pv_vote_ne_prend_pas_part,
  };
  return senses(vote)
    .filter(([, members]) => members.length > 0)
    .map(([sens, members]) => ({
      sens: fillFormula(label[sens], countValues(members)),
      compte: members.length,
      noms: joinNames(members.map(name), f, 'vote_noms'),
    }));
}

/** A sense's count and agreement: « s » for several, « e » when every member is a woman. */
function countValues(members: readonly Member[]): Record<string, string> {
  return {
    nombre: String(members.length),
    s: members.length > 1 ? 's' : '',
    e: members.length > 0 && members.every((m) => genreOf(m) === 'f') ? 'e' : '',
  };
}

/** The lines (formula `vote_lignes` with `vote_ligne_pour`…); a sense without members prints no line. */
export function namedVoteLines(vote: VoteFacts, f: Formules, name: (m: Member) => string): string[] {
  const formula: Record<Sense, string> = {
    pour: f.vote_ligne_pour,
    contre: f.vote_ligne_contre,
    abstentions: f.vote_ligne_abstentions,
    ne_prend_pas_part: f.vote_ligne_ne_prend_pas_part,
  };
  const all = senses(vote);
  if (all.length === 0) return [];
  const values = Object.fromEntries(
    all.map(([sens, members]) => [
      sens,
      members.length === 0
        ? ''
        : fillFormula(formula[sens], {
            ...countValues(members),
            noms: joinNames(members.map(name), f, 'vote_noms'),
          }),
    ]),
  );
  return fillFormula(f.vote_lignes, values)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The names of a vote as the YAML chooses: a table, lines, or nothing (`fallback` when it says nothing). */
export function namedVote(
  vote: VoteFacts | undefined,
  mode: VotesNominatifs | undefined,
  fallback: VotesNominatifs,
  f: Formules,
  name: (m: Member) => string,
): { readonly tableau: NamedRow[]; readonly lignes: string[] } {
  const chosen = mode ?? fallback;
  if (!vote || chosen === 'aucun') return { tableau: [], lignes: [] };
  return chosen === 'tableau'
    ? { tableau: namedVoteTable(vote, f, name), lignes: [] }
    : { tableau: [], lignes: namedVoteLines(vote, f, name) };
}
