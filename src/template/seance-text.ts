/**
 * Lines of a séance that follow the collectivité's formulas: the days of the séance (« Séance
 * des 28 et 29 janvier 2025 »), the secrétaires, a member's printed name.
 *
 * @example
 * seanceDays({ date: '2025-01-28', jours_suivants: ['2025-01-29'] })
 * // { du: 'des', dates: '28 et 29 janvier 2025' }
 */
import { type EluIndex, genreOf, type Member, memberName, memberOf, secretairesOf } from '../facts/elus.ts';
import { type Formules, fillFormula, type ListeNoms } from '../facts/formules.ts';
import { dayDate } from '../facts/jours.ts';
import type { Seance, SeanceDetails } from '../schema/seance.ts';
import { agreement, genreOfPerson } from './grammar.ts';
import { dateLongue, listeNoms } from './helpers/index.ts';

/** « du 28 janvier 2025 » or « des 28 et 29 janvier 2025 » (the month and year written once). */
export function seanceDays(seance: Pick<SeanceDetails, 'date' | 'jours_suivants'>): {
  du: string;
  dates: string;
} {
  const days = [seance.date, ...(seance.jours_suivants ?? []).map(dayDate)];
  const last = days[days.length - 1] ?? seance.date;
  const written = days.map((day, i) => {
    const full = dateLongue(day);
    if (i === days.length - 1) return full;
    if (day.slice(0, 7) === last.slice(0, 7)) return full.replace(/ \S+ \d+$/u, '');
    if (day.slice(0, 4) === last.slice(0, 4)) return full.replace(/ \d+$/u, '');
    return full;
  });
  return { du: days.length > 1 ? 'des' : 'du', dates: listeNoms(written) };
}

/**
 * Names joined as the collectivité writes lists: « A, B et C », commas only (`liste_et: ""`), or
 * its own separator (`liste_separateur: " – "`); a list named by `list` takes its own words
 * (`presents_separateur`, `presents_et`…), which default to those.
 */
export function joinNames(names: readonly string[], f: Formules, list?: ListeNoms): string {
  const sep = list ? f[`${list}_separateur`] : f.liste_separateur;
  const et = list ? f[`${list}_et`] : f.liste_et;
  return joinWith(names, sep, et);
}

/** « A, B et C »: `sep` between the items, `et` (when not empty) before the last. */
export function joinWith(items: readonly string[], sep: string, et: string): string {
  if (items.length <= 1 || et === '') return items.join(sep);
  return `${items.slice(0, -1).join(sep)} ${et} ${items.at(-1)}`;
}

/** The member a reference designates; a name already resolved from a key (président, secrétaire) finds its élu again. */
export function resolvedMember(ref: string, index: EluIndex): Member {
  const written = memberOf(ref, index);
  return written.cle ? written : ([...index.values()].find((e) => e.nom === ref) ?? written);
}

/**
 * « e » for a member known to be a woman (declared civility or genre, or « Mme » written in the
 * name), as a pouvoir agrees with its mandant (« représentée par »).
 */
export function memberAgreement(ref: string, index: EluIndex): string {
  const member = resolvedMember(ref, index);
  return agreement(genreOf(member) ?? genreOfPerson(member.nom, undefined));
}

/** A member as the attendance lists print it (the `nom_membre` formula, with the declared civilité). */
export function printedMember(ref: string, index: EluIndex, f: Formules): string {
  const member = resolvedMember(ref, index);
  return fillFormula(f.nom_membre, { nom: member.nom, civilite: member.civilite ?? '' });
}

/**
 * The secrétaires' lines: those without a qualité of their own together (« Secrétaire de séance :
 * A », « Secrétaires de séance : A et B »), then each with its own qualité on its line.
 */
export function secretaryLines(seance: Seance, index: EluIndex, f: Formules): string[] {
  const all = secretairesOf(seance.seance);
  const plain = all.filter((x) => x.qualite === undefined).map((x) => printedMember(x.ref, index, f));
  const label = plain.length > 1 ? f.secretaires : f.secretaire;
  const lines = plain.length > 0 && label !== '' ? [`${label} : ${joinNames(plain, f, 'secretaires')}`] : [];
  for (const x of all) {
    if (x.qualite !== undefined) lines.push(`${x.qualite} : ${printedMember(x.ref, index, f)}`);
  }
  return lines;
}

/** A signature block (`::signataire`): its field id, the qualité printed above the name, the name. */
export interface SignatureBlock {
  readonly id: string;
  readonly qualite: string;
  readonly nom: string;
}

/**
 * One signature block per secrétaire (`secretaire`, then each of `secretaires`; only the first
 * with `seulPremier`), with its own qualité, else the formula `secretaire`; the first keeps the id
 * `signature-secretaire`.
 */
export function secretarySignatures(
  seance: Seance,
  index: EluIndex,
  f: Formules,
  seulPremier = false,
): SignatureBlock[] {
  const all = secretairesOf(seance.seance);
  return (seulPremier ? all.slice(0, 1) : all).map((x, i) => ({
    id: i === 0 ? 'signature-secretaire' : `signature-secretaire-${i + 1}`,
    qualite: x.qualite ?? f.secretaire,
    nom: memberName(x.ref, index),
  }));
}

/**
 * Who signs the extrait of a délibération, in the collectivité's order (`signataires_deliberation`):
 * by default the président then the secrétaire de séance written under `secretaire`.
 */
export function deliberationSignatures(
  seance: Seance,
  index: EluIndex,
  f: Formules,
  presidentQualite: string,
): SignatureBlock[] {
  const who = seance.collectivite.signataires_deliberation ?? ['president', 'secretaire'];
  const blocks = who.flatMap((signer) => {
    if (signer === 'president') {
      return [
        {
          id: 'signature-president',
          qualite: presidentQualite,
          nom: memberName(seance.seance.president.nom, index),
        },
      ];
    }
    if (signer === 'secretaire') {
      return seance.seance.secretaire === undefined ? [] : secretarySignatures(seance, index, f, true);
    }
    return secretarySignatures(seance, index, f);
  });
  // `secretaires` includes the one under `secretaire`: each block once.
  return blocks.filter((block, i) => blocks.findIndex((other) => other.id === block.id) === i);
}
