/**
 * The data each template receives: the séance as validated, plus what is computed once in code
 * rather than in templates (attendance counts, the vote sentence, article numbers, parties'
 * positions, dates in words). Pure functions of the séance.
 *
 * @example
 * const data = deliberationContext(seance, seance.points[0]);
 * data.deliberation.resultat // 'Adoptée à l’unanimité.'
 */

import { momentOf } from '../compose/moment.ts';
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

/** From this population on, a commune's convocation comes with a note explicative de synthèse. */
export const NOTE_DE_SYNTHESE_POPULATION = 3_500;

/**
 * Data of the convocation (CGCT L. 2121-10): the ordre du jour, the « notes jointes » mention
 * only when the population is known and the law requires the note (communes of 3 500 inhabitants
 * and more, L. 2121-12), the councillors it is sent to only when `elus` are declared.
 */
export function convocationContext(seance: Seance) {
  const { population, nature } = seance.collectivite;
  return {
    ...base(seance),
    points: seance.points,
    dateConvocation: seance.seance.convocation ? dateLongue(seance.seance.convocation) : '',
    notesJointes:
      nature === 'commune' && population !== undefined && population >= NOTE_DE_SYNTHESE_POPULATION,
    destinataires: (seance.elus ?? []).map((e) => ({
      nom: e.civilite ? `${e.civilite} ${e.nom}` : e.nom,
      qualite: e.qualite ?? '',
    })),
  };
}

/** Data of a point's note de présentation. */
export function noteContext(seance: Seance, point: Point) {
  return { ...base(seance), point };
}

const count = (value: number | readonly string[]): number =>
  typeof value === 'number' ? value : value.length;

export interface AttendanceContext {
  readonly presents: number;
  readonly representes: number;
  readonly absents: number;
  readonly votants: number;
  readonly presentsNoms: string;
  readonly absentsNoms: string;
  /** « Claire Vigneron à Florence Presson, Thibault Hennion à Philippe Laurent » */
  readonly pouvoirs: string;
}

/** Attendance for a point (the délibération's own, else the séance's); undefined when not stated. */
export function attendance(seance: Seance, presences: Presences | undefined): AttendanceContext | undefined {
  if (!presences) return undefined;
  const index = eluIndex(seance.elus);
  const name = (ref: string) => memberName(ref, index);
  const names = (value: number | readonly string[]): string =>
    typeof value === 'number' ? '' : listeNoms(value.map(name));
  const presents = count(presences.presents);
  const representes = presences.representes.length;
  return {
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

/** The outcome of a point in the liste des délibérations when there was no vote. */
export const OUTCOME_WITHOUT_VOTE = {
  prend_acte: 'Prend acte',
  retire: 'Retiré de l’ordre du jour',
  ajourne: 'Ajourné',
} as const;

function listeOutcome(point: Point): string | undefined {
  const moment = momentOf(point);
  if (moment === 'projet') return undefined;
  if (moment === 'adopte') return point.deliberation?.vote ? voteOutcome(point.deliberation.vote) : '';
  return OUTCOME_WITHOUT_VOTE[moment];
}

/**
 * Data of the liste des délibérations (CGCT L. 2121-25): each délibération examined with its
 * result (a vote, or an outcome without one); projets not yet examined are left out.
 */
export function listeContext(seance: Seance) {
  return {
    ...base(seance),
    deliberations: seance.points.flatMap((point) => {
      const resultat = point.deliberation ? listeOutcome(point) : undefined;
      return resultat === undefined
        ? []
        : [{ numero: point.deliberation?.numero ?? '', objet: point.objet, resultat }];
    }),
  };
}

/** The result of a vote in words, as written in the registre. */
export function voteSentence(vote: Vote): string {
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
  return `${outcome}.${abstaining}`;
}

/** « 1er », then « 2 », « 3 »…: only the first article takes the ordinal. */
export function articleNumber(index: number): string {
  return index === 0 ? ordinal(1) : String(index + 1);
}

/**
 * Data of a point's délibération: the adopted act (`acte`), or the projet before the vote
 * (`projet`). Only what the séance states is given: an absent hour, place, convocation date,
 * attendance, vote or transmission date is an empty value, and its sentence is left out.
 */
export function deliberationContext(seance: Seance, point: Point, deliberation: Deliberation) {
  const moment = momentOf(point);
  const projet = moment === 'projet';
  const presences = projet
    ? undefined
    : attendance(seance, deliberation.presences ?? seance.seance.presences);
  const { date, heure, convocation } = seance.seance;
  const transmission = deliberation.transmission;
  const blank = transmission?.a_remplir === true ? BLANK : '';
  const prefecture = transmission?.prefecture ? dateLongue(transmission.prefecture) : blank;
  const publication = transmission?.publication ? dateLongue(transmission.publication) : blank;
  return {
    ...base(seance),
    point,
    projet,
    acte: !projet,
    prendActe: moment === 'prend_acte',
    enExercice: seance.seance.membres_en_exercice,
    presences,
    lettres: {
      annee: anneeEnLettres(date),
      jourMois: jourMoisEnLettres(date),
      heure: heure ? heureEnLettres(heure) : '',
    },
    convocation: convocation ? dateLongue(convocation) : '',
    deliberation: {
      numero: deliberation.numero ?? '',
      visas: deliberation.visas ?? [],
      considerants: deliberation.considerants ?? [],
      articles: deliberation.articles.map((texte, i) => ({ numero: articleNumber(i), texte })),
      resultat: !projet && deliberation.vote ? voteSentence(deliberation.vote) : '',
    },
    transmission: {
      prefecture,
      publication,
      identifiant: transmission?.identifiant ?? '',
      visible: prefecture !== '' || publication !== '',
    },
  };
}

function partyPosition(index: number, total: number): string {
  if (index === 0) return 'd’une part,';
  return index === total - 1 ? 'd’autre part.' : 'd’autre part,';
}

/**
 * « Fait à …, le …, en … exemplaires originaux »: each part only when stated, or a blank to fill
 * by hand when the convention asks for one (`a_remplir: true`, a convention to be signed).
 */
function signaturePlace(convention: Convention) {
  const blank = convention.a_remplir === true ? BLANK : '';
  const faitA = convention.fait_a ?? blank;
  const dateSignature = convention.date ? dateLongue(convention.date) : blank;
  const exemplairesLettres = convention.exemplaires ? nombreEnLettres(convention.exemplaires) : blank;
  return {
    fait_a: faitA,
    dateSignature,
    exemplairesLettres,
    /** Punctuation between the parts given, so that the template needs no logic. */
    virguleDate: faitA !== '' ? ',' : '',
    virguleExemplaires: faitA !== '' || dateSignature !== '' ? ',' : '',
    formule: faitA !== '' || dateSignature !== '' || exemplairesLettres !== '',
  };
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
      ...signaturePlace(convention),
      signataires: convention.parties.map((p, i) => ({
        id: `signature-${i + 1}`,
        pour: `Pour ${p.denomination ?? p.nom}`,
        qualite: p.qualite ?? '',
        nom: p.representant,
      })),
    },
  };
}
