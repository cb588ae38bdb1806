/**
 * Élus declared once (`elus`) and referred to by key: a reference is either a key of `elus`
 * (`jdupont`) or a name written in full (`Jeanne Dupont`), so existing name lists keep working.
 *
 * @example
 * const index = eluIndex(seance.elus);
 * memberOf('jdupont', index).nom // 'Jeanne Dupont'
 * memberOf('Paul Martin', index).nom // 'Paul Martin'
 */
import { CLE_PATTERN } from '../schema/patterns.ts';
import type { Elu, Seance, SeanceDetails } from '../schema/seance.ts';
import { civilityGenre } from './civilites.ts';

const KEY = new RegExp(CLE_PATTERN);

/** A member as documents print it: from `elus` when referred to by key, else just a name. */
export interface Member {
  readonly nom: string;
  readonly cle?: string;
  readonly civilite?: Elu['civilite'];
  readonly genre?: Elu['genre'];
  readonly qualite?: string;
  readonly groupe?: string;
}

export type EluIndex = ReadonlyMap<string, Elu>;

/** Élus by key (the first one wins when a key is declared twice; a rule reports the duplicate). */
export function eluIndex(elus: readonly Elu[] | undefined): EluIndex {
  const index = new Map<string, Elu>();
  for (const elu of elus ?? []) if (!index.has(elu.cle)) index.set(elu.cle, elu);
  return index;
}

/** True if the reference is written as a key (a name has capitals or spaces, a key never). */
export function isKey(ref: string): boolean {
  return KEY.test(ref);
}

/** The member a reference designates; an unknown key stays as written (a rule reports it). */
export function memberOf(ref: string, index: EluIndex): Member {
  const elu = isKey(ref) ? index.get(ref) : undefined;
  return elu ?? { nom: ref };
}

/** The printed name of a reference. */
export function memberName(ref: string, index: EluIndex): string {
  return memberOf(ref, index).nom;
}

/** A civility written before a name (« M. », « Mme », « Monsieur »…), not part of who the person is. */
const CIVILITY_PREFIX = /^(?:MM?\.|Mmes?|Mlles?|Monsieur|Madame|Mademoiselle) /u;

/**
 * The same person? Keys and names compared through their printed names, without case, accents or
 * a civility written before the name (« M. Yves Marchal » is « Yves Marchal »).
 */
export function sameMember(a: string, b: string, index: EluIndex): boolean {
  return foldedName(memberName(a, index)) === foldedName(memberName(b, index));
}

/** A name as it is compared: without accents, case, a civility before it or runs of spaces. */
export const foldedName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CIVILITY_PREFIX, '')
    .toLowerCase();

/**
 * The séance with the single-member fields templates print directly (président, secrétaire,
 * rapporteurs) written as names; attendance lists are resolved where their counts are made.
 */
export function withMemberNames(seance: Seance): Seance {
  if (!seance.elus || seance.elus.length === 0) return seance;
  // Every document of a séance asks for it, and it maps every point: once per séance.
  const known = NAMED.get(seance);
  if (known) return known;
  const named = namedSeance(seance);
  NAMED.set(seance, named);
  return named;
}

const NAMED = new WeakMap<Seance, Seance>();

function namedSeance(seance: Seance): Seance {
  const index = eluIndex(seance.elus ?? []);
  const name = (ref: string) => memberName(ref, index);
  return {
    ...seance,
    seance: {
      ...seance.seance,
      president: { ...seance.seance.president, nom: name(seance.seance.president.nom) },
      ...(seance.seance.secretaire === undefined ? {} : { secretaire: name(seance.seance.secretaire) }),
    },
    points: seance.points.map((p) =>
      p.rapporteur === undefined ? p : { ...p, rapporteur: name(p.rapporteur) },
    ),
  };
}

/** The secrétaires de séance: `secretaire`, then each of `secretaires` (with its own qualité, if any). */
export function secretairesOf(
  details: Pick<SeanceDetails, 'secretaire' | 'secretaires'>,
): { readonly ref: string; readonly qualite?: string }[] {
  return [
    ...(details.secretaire === undefined ? [] : [{ ref: details.secretaire }]),
    ...(details.secretaires ?? []).map((x) =>
      x.qualite === undefined ? { ref: x.nom } : { ref: x.nom, qualite: x.qualite },
    ),
  ];
}

/** The grammatical genre of a member: its `genre`, else its civility; undefined when neither is written. */
export function genreOf(member: Member): 'f' | 'm' | undefined {
  if (member.genre) return member.genre;
  return civilityGenre(member.civilite);
}

/**
 * A participle or adjective agreed with a member, for messages: « présente », « présent », or
 * « présent(e) » when the YAML says nothing of the member's genre.
 *
 * @example
 * agreed('présent', { nom: 'Gisèle Picard', civilite: 'Mme' }) // 'présente'
 */
export function agreed(word: string, member: Member): string {
  const genre = genreOf(member);
  return genre === 'f' ? `${word}e` : genre === 'm' ? word : `${word}(e)`;
}
