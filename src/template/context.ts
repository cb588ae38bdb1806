/**
 * The data each template receives: the séance as validated, plus what is computed once in code
 * rather than in templates (attendance counts, the vote sentence, article numbers, parties'
 * positions, dates in words). Pure functions of the séance.
 *
 * @example
 * const data = deliberationContext(seance, seance.points[0]);
 * data.deliberation.resultat // 'Adoptée à l’unanimité.'
 */

import { annexList } from '../compose/annexes.ts';
import { isAct, momentOf } from '../compose/moment.ts';
import { eluIndex, memberName } from '../facts/elus.ts';
import { type Formules, fillFormula, resolveFormules } from '../facts/formules.ts';
import { pointFacts } from '../facts/point.ts';
import type { VoteFacts } from '../facts/vote.ts';
import type { Deliberation, Point, Presences, Seance } from '../schema/seance.ts';
import { agreement, genreOfPerson, withArticle } from './grammar.ts';
import { heure } from './helpers/heure.ts';
import {
  anneeEnLettres,
  dateLongue,
  heureEnLettres,
  jourMoisEnLettres,
  listeNoms,
  ordinal,
  pluriel,
} from './helpers/index.ts';

/** Shown where a value is to be filled in by hand (a date not known yet). */
export const BLANK = '………………';

export interface BaseContext {
  readonly collectivite: Seance['collectivite'];
  readonly instance: string;
  readonly seance: Seance['seance'];
  /** The collectivité's formulas over delib's defaults (placeholders not yet filled). */
  readonly formules: Formules;
  /** The président's qualité with its article, for the signature (« Le Maire », « La Présidente »). */
  readonly presidentQualite: string;
}

/** The formulas of a séance: the collectivité's own over delib's defaults. */
export function seanceFormules(seance: Seance): Formules {
  return resolveFormules(seance.collectivite.formules, seance.seance.date);
}

/** The base data of every template. */
export function baseContext(seance: Seance): BaseContext {
  return {
    collectivite: seance.collectivite,
    instance: seance.instance,
    seance: seance.seance,
    formules: seanceFormules(seance),
    presidentQualite: withArticle(
      seance.seance.president.qualite,
      genreOfPerson(seance.seance.president.nom, seance.elus),
    ),
  };
}

/** The annexes of a point as templates list them: « Annexe {{numero}} : {{titre}} ». */
function annexLines(point: Point): { numero: string; titre: string }[] {
  return annexList(point).map(({ numero, titre }) => ({ numero, titre }));
}

/** « Rapporteur » or « Rapporteure », as the collectivité words it. */
function rapporteurLabel(seance: Seance, formules: Formules, rapporteur: string | undefined): string {
  if (rapporteur === undefined) return '';
  return fillFormula(formules.rapporteur, { e: agreement(genreOfPerson(rapporteur, seance.elus)) });
}

/** Data of the ordre du jour. */
export function ordreDuJourContext(seance: Seance) {
  return {
    ...baseContext(seance),
    points: seance.points.map((p) => ({ ...p, listeAnnexes: annexLines(p) })),
  };
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
    ...baseContext(seance),
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
  const b = baseContext(seance);
  return { ...b, point, libelles: { rapporteur: rapporteurLabel(seance, b.formules, point.rapporteur) } };
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
    pouvoirs: presences.representes
      .map((p) =>
        fillFormula(seanceFormules(seance).pouvoir, {
          mandant: name(p.mandant),
          mandataire: name(p.mandataire),
        }),
      )
      .join(', '),
  };
}

/** The result of a vote in a few words, for the liste des délibérations (« Adoptée (25 pour, 4 contre) »). */
export function voteOutcome(vote: VoteFacts): string {
  if (vote.unanimite) return 'Adoptée à l’unanimité';
  const { pour, contre, abstentions } = vote;
  const parts = [`${pour} pour`, `${contre} contre`, pluriel(abstentions, 'abstention')];
  const nppp = vote.nePrendPasPart;
  if (nppp > 0) parts.push(`${nppp} ne prenant pas part au vote`);
  const word =
    vote.issue === 'adoptee' ? 'Adoptée' : vote.issue === 'rejetee' ? 'Rejetée' : 'Partage égal des voix';
  return `${word} (${parts.join(', ')})`;
}

/** The outcome of a point in the liste des délibérations when there was no vote. */
export const OUTCOME_WITHOUT_VOTE = {
  prend_acte: 'Prend acte',
  retire: 'Retiré de l’ordre du jour',
  ajourne: 'Ajourné',
} as const;

function listeOutcome(seance: Seance, point: Point): string | undefined {
  const moment = momentOf(point);
  if (moment === 'projet') return undefined;
  if (moment === 'adopte') {
    const { vote } = pointFacts(seance, point);
    return vote ? voteOutcome(vote) : '';
  }
  return OUTCOME_WITHOUT_VOTE[moment];
}

/**
 * Data of the liste des délibérations (CGCT L. 2121-25): each délibération examined with its
 * result (a vote, or an outcome without one); projets not yet examined are left out.
 */
export function listeContext(seance: Seance) {
  return {
    ...baseContext(seance),
    deliberations: seance.points.flatMap((point) => {
      const resultat = point.deliberation ? listeOutcome(seance, point) : undefined;
      if (resultat === undefined) return [];
      // A point withdrawn or adjourned took no act: its outcome, without an act number.
      const acte = isAct(point);
      return [{ numero: acte ? (point.deliberation?.numero ?? '') : '', objet: point.objet, resultat }];
    }),
  };
}

/** « 21 voix pour, 4 voix contre et 2 abstentions » */
export function voteDetail(vote: VoteFacts): string {
  const parts = [
    `${pluriel(vote.pour, 'voix', 'voix')} pour`,
    `${pluriel(vote.contre, 'voix', 'voix')} contre`,
    pluriel(vote.abstentions, 'abstention'),
  ];
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/**
 * The result of a vote in words, as written in the registre (« Adoptée par … »); `genre` gives the
 * agreement of the participle for what was voted (an amendement is « adopté »).
 */
export function voteSentence(vote: VoteFacts, genre: 'f' | 'm' = 'f'): string {
  const e = genre === 'f' ? 'e' : '';
  if (vote.unanimite) return `Adopté${e} à l’unanimité.`;
  const detail = voteDetail(vote);
  const nppp = vote.nePrendPasPart;
  const outcome =
    vote.issue === 'adoptee'
      ? vote.contre === 0
        ? `Adopté${e} à l’unanimité des suffrages exprimés (${detail})`
        : `Adopté${e} par ${detail}`
      : vote.issue === 'rejetee'
        ? `Rejeté${e} par ${detail}`
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
 * attendance, vote or transmission date is an empty value, and its sentence (or the formula's
 * optional part in brackets) is left out.
 */
export function deliberationContext(seance: Seance, point: Point, deliberation: Deliberation) {
  const moment = momentOf(point);
  const projet = moment === 'projet';
  const facts = pointFacts(seance, point);
  const presences = projet ? undefined : attendance(seance, facts.presences);
  const { date, convocation, lieu } = seance.seance;
  const hour = seance.seance.heure;
  const b = baseContext(seance);
  const f = b.formules;
  const president = seance.seance.president;
  const written = deliberation.transmission;
  // Dots to fill by hand only when the séance asks for them.
  const blank = written?.a_remplir === true ? BLANK : '';
  const transmission = {
    prefecture: written?.prefecture ? dateLongue(written.prefecture) : blank,
    publication: written?.publication ? dateLongue(written.publication) : blank,
    identifiant: written?.identifiant ?? '',
  };
  return {
    ...b,
    point,
    projet,
    acte: !projet,
    prendActe: moment === 'prend_acte',
    enExercice: seance.seance.membres_en_exercice,
    listeAnnexes: annexLines(point),
    presences,
    /** The formulas with the séance's values in them, ready to print. */
    textes: {
      registre: fillFormula(f.registre, {
        annee: anneeEnLettres(date),
        jour_mois: jourMoisEnLettres(date),
        heure: hour ? heureEnLettres(hour) : '',
        heure_chiffres: hour ? heure(hour) : '',
        date: dateLongue(date),
        instance: seance.instance,
        convocation: convocation ? dateLongue(convocation) : '',
        lieu: lieu ?? '',
        president: president.nom,
        qualite_president: president.qualite,
      }),
      le_conseil: fillFormula(f.le_conseil, { instance: seance.instance }),
      titre: fillFormula(f.titre_acte, { numero: deliberation.numero ?? '' }),
      visas: (deliberation.visas ?? []).map((texte) => fillFormula(f.vu, { texte })),
      considerants: (deliberation.considerants ?? []).map((texte) => fillFormula(f.considerant, { texte })),
      rapporteur: rapporteurLabel(seance, f, point.rapporteur),
      executoire: fillFormula(f.executoire, transmission),
      identifiant: transmission.identifiant === '' ? '' : fillFormula(f.identifiant, transmission),
    },
    deliberation: {
      numero: deliberation.numero ?? '',
      visas: deliberation.visas ?? [],
      considerants: deliberation.considerants ?? [],
      articles: deliberation.articles.map((texte, i) => ({
        numero: articleNumber(i),
        libelle: fillFormula(i === 0 ? f.article_premier : f.article, { numero: articleNumber(i) }),
        texte,
      })),
      resultat: !projet && facts.vote ? voteSentence(facts.vote) : '',
    },
    transmission: {
      ...transmission,
      visible: transmission.prefecture !== '' || transmission.publication !== '',
    },
  };
}
