/**
 * The data each template receives: the séance as validated, plus what is computed once in code
 * rather than in templates (attendance counts, the vote sentence, article numbers, parties'
 * positions, dates in words). Pure functions of the séance.
 *
 * @example
 * const data = deliberationContext(seance, seance.points[0]);
 * data.deliberation.resultat // 'Adoptée à l’unanimité.'
 */
import { eluIndex, memberName } from '../facts/elus.ts';
import type { Convention, Deliberation, Point, Presences, Seance, Vote } from '../schema/seance.ts';
import {
  anneeEnLettres,
  dateLongue,
  heureEnLettres,
  jourMoisEnLettres,
  listeNoms,
  nombreEnLettres,
  ordinal,
  pluriel,
} from './helpers/index.ts';

/** Shown where a value is to be filled in by hand (a date not known yet). */
export const BLANK = '………………';

export interface BaseContext {
  readonly collectivite: Seance['collectivite'];
  readonly instance: string;
  readonly seance: Seance['seance'];
}

function base(seance: Seance): BaseContext {
  return {
    collectivite: seance.collectivite,
    instance: seance.instance,
    seance: seance.seance,
  };
}

/** Data of the ordre du jour. */
export function ordreDuJourContext(seance: Seance) {
  return { ...base(seance), points: seance.points };
}

/** Data of a point's note de présentation. */
export function noteContext(seance: Seance, point: Point) {
  return { ...base(seance), point };
}

const count = (value: number | readonly string[]): number =>
  typeof value === 'number' ? value : value.length;

export interface AttendanceContext {
  readonly enExercice: number;
  readonly presents: number;
  readonly representes: number;
  readonly absents: number;
  readonly votants: number;
  readonly presentsNoms: string;
  readonly absentsNoms: string;
  /** « Claire Vigneron à Florence Presson, Thibault Hennion à Philippe Laurent » */
  readonly pouvoirs: string;
}

/** Attendance for a point: the délibération's own, else the séance's. */
export function attendance(seance: Seance, presences: Presences | undefined): AttendanceContext {
  const index = eluIndex(seance.elus);
  const name = (ref: string) => memberName(ref, index);
  const names = (value: number | readonly string[]): string =>
    typeof value === 'number' ? '' : listeNoms(value.map(name));
  const enExercice = seance.seance.membres_en_exercice;
  if (!presences) {
    return {
      enExercice,
      presents: 0,
      representes: 0,
      absents: 0,
      votants: 0,
      presentsNoms: '',
      absentsNoms: '',
      pouvoirs: '',
    };
  }
  const presents = count(presences.presents);
  const representes = presences.representes.length;
  return {
    enExercice,
    presents,
    representes,
    absents: count(presences.absents),
    votants: presents + representes,
    presentsNoms: names(presences.presents),
    absentsNoms: names(presences.absents),
    pouvoirs: presences.representes.map((p) => `${name(p.mandant)} à ${name(p.mandataire)}`).join(', '),
  };
}

/** The result of a vote in a few words, for the liste des délibérations (« Adoptée (25 pour, 4 contre) »). */
export function voteOutcome(vote: Vote): string {
  if ('unanimite' in vote) return 'Adoptée à l’unanimité';
  const { pour, contre, abstentions } = vote;
  const parts = [`${pour} pour`, `${contre} contre`, pluriel(abstentions, 'abstention')];
  const nppp = vote.ne_prend_pas_part ?? 0;
  if (nppp > 0) parts.push(`${nppp} ne prenant pas part au vote`);
  const word = pour > contre ? 'Adoptée' : pour < contre ? 'Rejetée' : 'Partage égal des voix';
  return `${word} (${parts.join(', ')})`;
}

/** Data of the liste des délibérations (CGCT L. 2121-25): each délibération with its result. */
export function listeContext(seance: Seance) {
  return {
    ...base(seance),
    deliberations: seance.points.flatMap((point) =>
      point.deliberation
        ? [
            {
              numero: point.deliberation.numero,
              objet: point.objet,
              resultat: voteOutcome(point.deliberation.vote),
            },
          ]
        : [],
    ),
  };
}

/** The result of a vote in words, as written in the registre. */
export function voteSentence(vote: Vote, votants: number): string {
  if ('unanimite' in vote) return 'Adoptée à l’unanimité.';
  const { pour, contre, abstentions } = vote;
  const nppp = vote.ne_prend_pas_part ?? 0;
  const parts = [`${pluriel(pour, 'voix', 'voix')} pour`, `${pluriel(contre, 'voix', 'voix')} contre`];
  parts.push(pluriel(abstentions, 'abstention'));
  const detail = `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
  const outcome =
    pour > contre
      ? contre === 0
        ? `Adoptée à l’unanimité des suffrages exprimés (${detail})`
        : `Adoptée par ${detail}`
      : pour < contre
        ? `Rejetée par ${detail}`
        : `Partage égal des voix (${detail}) : la voix du président est prépondérante`;
  const abstaining =
    nppp > 0 ? ` ${pluriel(nppp, 'membre')} ${nppp > 1 ? 'ne prennent' : 'ne prend'} pas part au vote.` : '';
  void votants;
  return `${outcome}.${abstaining}`;
}

/** « 1er », then « 2 », « 3 »…: only the first article takes the ordinal. */
export function articleNumber(index: number): string {
  return index === 0 ? ordinal(1) : String(index + 1);
}

/** Data of a point's délibération. */
export function deliberationContext(seance: Seance, point: Point, deliberation: Deliberation) {
  const presences = attendance(seance, deliberation.presences ?? seance.seance.presences);
  const date = seance.seance.date;
  return {
    ...base(seance),
    point,
    presences,
    lettres: {
      annee: anneeEnLettres(date),
      jourMois: jourMoisEnLettres(date),
      heure: heureEnLettres(seance.seance.heure),
    },
    deliberation: {
      numero: deliberation.numero,
      visas: deliberation.visas,
      considerants: deliberation.considerants,
      articles: deliberation.articles.map((texte, i) => ({ numero: articleNumber(i), texte })),
      resultat: voteSentence(deliberation.vote, presences.votants),
    },
    transmission: {
      prefecture: deliberation.transmission?.prefecture
        ? dateLongue(deliberation.transmission.prefecture)
        : BLANK,
      publication: deliberation.transmission?.publication
        ? dateLongue(deliberation.transmission.publication)
        : BLANK,
      identifiant: deliberation.transmission?.identifiant ?? '',
    },
  };
}

function partyPosition(index: number, total: number): string {
  if (index === 0) return 'd’une part,';
  return index === total - 1 ? 'd’autre part.' : 'd’autre part,';
}

/** Data of a convention annexed to a point. */
export function conventionContext(seance: Seance, point: Point, convention: Convention) {
  const total = convention.parties.length;
  return {
    ...base(seance),
    point,
    convention: {
      titre: convention.titre,
      parties: convention.parties.map((p, i) => ({ ...p, position: partyPosition(i, total) })),
      visas: convention.visas ?? [],
      preambule: convention.preambule ?? '',
      articles: convention.articles.map((a, i) => ({
        numero: articleNumber(i),
        titre: a.titre,
        texte: a.texte,
      })),
      fait_a: convention.fait_a,
      dateSignature: convention.date ? dateLongue(convention.date) : BLANK,
      exemplairesLettres: nombreEnLettres(convention.exemplaires),
      signataires: convention.parties.map((p, i) => ({
        id: `signature-${i + 1}`,
        pour: `Pour ${p.denomination ?? p.nom}`,
        qualite: p.qualite,
        nom: p.representant,
      })),
    },
  };
}
