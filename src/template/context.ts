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
import { eluIndex } from '../facts/elus.ts';
import {
  type Formules,
  fillFormula,
  type ListeNoms,
  placeholders,
  resolveFormules,
} from '../facts/formules.ts';
import { pointDay } from '../facts/jours.ts';
import { pointFacts, shownNumber } from '../facts/point.ts';
import { namedProxies, proxyCount } from '../facts/presences.ts';
import type { Deliberation, Point, Presences, Seance } from '../schema/seance.ts';
import { attendanceLines } from './attendance-lines.ts';
import { agreement, genreOfPerson, instanceForms, withArticle } from './grammar.ts';
import { anneeEnLettresAvec } from './helpers/date-en-lettres.ts';
import { heure } from './helpers/heure.ts';
import {
  dateAvecJour,
  dateCourte,
  dateLongue,
  heureEnLettres,
  jourMoisEnLettres,
  ordinal,
} from './helpers/index.ts';
import { listeOutcome } from './liste-outcome.ts';
import { namedVote, votesNominatifsOf } from './named-vote.ts';
import { receptionStampContext, transmissionValues } from './reception-stamp.ts';
import {
  deliberationSignatures,
  joinNames,
  memberAgreement,
  printedMember,
  seanceDays,
  secretaryLines,
} from './seance-text.ts';
import { formulaLines, seanceValues } from './seance-values.ts';
import { voteDetail, voteSentence } from './vote-sentence.ts';

export { voteDetail, voteSentence };

/** Shown where a value is to be filled in by hand (a date not known yet). */
export const BLANK = '………………';

export interface BaseContext {
  readonly collectivite: Seance['collectivite'];
  readonly instance: string;
  /** The instance with its article: « le Conseil municipal », « la Commission permanente ». */
  readonly leInstance: string;
  readonly seance: Seance['seance'];
  /** The collectivité's formulas over delib's defaults (placeholders not yet filled). */
  readonly formules: Formules;
  /** The président's qualité with its article, for the signature (« Le Maire », « La Présidente »). */
  readonly presidentQualite: string;
  /** « Séance du 28 janvier 2025 », « Séance des 28 et 29 janvier 2025 » (formula `seance_du`). */
  readonly dateSeance: string;
  /** The session label on its own line (`seance.session`), unless `seance_du` prints it instead of the date. */
  readonly sessionLigne: string;
  /**
   * The collectivité's header lines (« RÉPUBLIQUE FRANÇAISE »…), as written, then each of its
   * `departements` (formula `en_tete_departement`); none by default.
   */
  readonly enTete: readonly string[];
}

/** The formulas of a séance: the collectivité's own over delib's defaults. */
export function seanceFormules(seance: Seance): Formules {
  return resolveFormules(seance.collectivite.formules, seance.seance.date);
}

/** The base data of every template. */
export function baseContext(seance: Seance): BaseContext {
  const formules = seanceFormules(seance);
  return {
    collectivite: seance.collectivite,
    instance: seance.instance,
    leInstance: instanceForms(seance.instance, seance.genre_instance).le_instance,
    seance: seance.seance,
    formules,
    dateSeance: fillFormula(formules.seance_du, {
      ...seanceDays(seance.seance),
      date_jour: dateAvecJour(seance.seance.date),
      session: seance.seance.session ?? '',
    }),
    sessionLigne: placeholders(formules.seance_du).includes('session') ? '' : (seance.seance.session ?? ''),
    enTete: [
      ...(seance.collectivite.en_tete ?? []),
      ...(seance.collectivite.departements ?? []).flatMap((d) => {
        const values = { nom: d.nom, numero: d.numero ?? '', arrondissement: d.arrondissement ?? '' };
        return [
          ...formulaLines(formules.en_tete_departement, values),
          ...formulaLines(formules.en_tete_arrondissement, values),
        ];
      }),
    ],
    presidentQualite: withArticle(
      seance.seance.president.qualite,
      genreOfPerson(seance.seance.president.nom, seance.elus),
    ),
  };
}

/** The annexes of a point as templates list them: « Annexe {{numero}} : {{titre}} ». */
export function annexLines(point: Point): { numero: string; titre: string }[] {
  return annexList(point).map(({ numero, titre }) => ({ numero, titre }));
}

/** « en séance publique » or « à huis clos » as the séance states it; nothing when it does not. */
function publicite(publique: boolean | undefined, formules: Formules): string {
  if (publique === undefined) return '';
  return publique ? formules.seance_publique : formules.huis_clos;
}

/** « Rapporteur » or « Rapporteure », as the collectivité words it. */
function rapporteurLabel(seance: Seance, formules: Formules, rapporteur: string | undefined): string {
  if (rapporteur === undefined) return '';
  return fillFormula(formules.rapporteur, { e: agreement(genreOfPerson(rapporteur, seance.elus)) });
}

/**
 * « Rapporteure : Mme Lenoir » (formula `ligne_rapporteur`); nothing without a rapporteur, nor when
 * the line's formula uses the label and the collectivité emptied it.
 */
function rapporteurLine(seance: Seance, formules: Formules, rapporteur: string | undefined): string {
  const label = rapporteurLabel(seance, formules, rapporteur);
  if (rapporteur === undefined) return '';
  if (label === '' && placeholders(formules.ligne_rapporteur).includes('rapporteur')) return '';
  return fillFormula(formules.ligne_rapporteur, { rapporteur: label, nom: rapporteur });
}

/** Data of a point's note de présentation. */
export function noteContext(seance: Seance, point: Point) {
  const b = baseContext(seance);
  const f = b.formules;
  const lines = (text: string) => formulaLines(text, seanceValues(seance, f));
  return {
    ...b,
    // The title block in the collectivité's formulas (`note_titre…`), line by line.
    titre: {
      avant: [...lines(f.note_titre_avant), ...lines(f.note_titre_date)],
      texte: lines(f.note_titre).join(' '),
      apres: lines(f.note_titre_apres),
    },
    point,
    libelles: {
      rapporteur: rapporteurLabel(seance, b.formules, point.rapporteur),
      ligne_rapporteur: rapporteurLine(seance, b.formules, point.rapporteur),
      objet: fillFormula(b.formules.objet, { objet: point.objet, numero: point.deliberation?.numero ?? '' }),
    },
  };
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
  /** The members excused, listed apart (counted among the absents). */
  readonly excusesNoms: string;
  readonly excuses: number;
  /** « Claire Vigneron à Florence Presson, Thibault Hennion à Philippe Laurent » */
  readonly pouvoirs: string;
  /** The lines under the count line as the collectivité writes them (présents, quorum, pouvoirs, excusés, absents). */
  readonly lignes: readonly string[];
}

/** The line of counts (formula `effectifs`), in the délibération and the procès-verbal. */
export function effectifsLine(seance: Seance, f: Formules, presences: AttendanceContext | undefined): string {
  return fillFormula(f.effectifs, {
    en_exercice: String(seance.seance.membres_en_exercice),
    presents: presences ? String(presences.presents) : '',
    representes: presences ? String(presences.representes) : '',
    absents: presences ? String(presences.absents) : '',
    excuses: presences ? String(presences.excuses) : '',
    votants: presences ? String(presences.votants) : '',
    quorum: seance.seance.quorum === undefined ? '' : String(seance.seance.quorum),
    l_en_exercice: f.en_exercice,
    l_presents: f.presents,
    l_representes: f.representes,
    l_absents: f.absents,
    l_votants: f.votants,
  });
}

/** Attendance for a point (the délibération's own, else the séance's); undefined when not stated. */
export function attendance(seance: Seance, presences: Presences | undefined): AttendanceContext | undefined {
  if (!presences) return undefined;
  const index = eluIndex(seance.elus);
  const f = seanceFormules(seance);
  const name = (ref: string) => printedMember(ref, index, f);
  const names = (value: number | readonly string[], list: ListeNoms): string =>
    typeof value === 'number' ? '' : joinNames(value.map(name), f, list);
  const presents = count(presences.presents);
  const representes = proxyCount(presences);
  const excuses = presences.excuses ?? [];
  let lines: readonly string[] | undefined;
  return {
    presents,
    representes,
    absents: count(presences.absents) + excuses.length,
    excuses: excuses.length,
    votants: presents + representes,
    presentsNoms: names(presences.presents, 'presents'),
    absentsNoms: names(presences.absents, 'absents'),
    excusesNoms: names(excuses, 'excuses'),
    pouvoirs: namedProxies(presences)
      .map((p) =>
        fillFormula(f.pouvoir, {
          mandant: name(p.mandant),
          mandataire: name(p.mandataire),
          e: memberAgreement(p.mandant, index),
        }),
      )
      .join(', '),
    // Only the délibération prints these lines: made when read, once.
    get lignes() {
      lines ??= attendanceLines(seance, presences, index, f);
      return lines;
    },
  };
}

/**
 * Data of the liste des délibérations (CGCT L. 2121-25): each délibération examined with its
 * result (a vote, or an outcome without one); projets not yet examined are left out.
 */
export function listeContext(seance: Seance) {
  const b = baseContext(seance);
  const f = b.formules;
  const deliberations = seance.points.flatMap((point) => {
    const examine = momentOf(point) === 'examine';
    const resultat = point.deliberation || examine ? listeOutcome(seance, point, f) : undefined;
    if (resultat === undefined) return [];
    // A point withdrawn or adjourned took no act: its outcome, without an act number. A point
    // examined without its délibération written shows its own number.
    const own = point.deliberation?.numero;
    const numero = examine ? (own ?? shownNumber(point)) : isAct(point) ? (own ?? '') : '';
    // The page of the recueil where the délibération starts, when it is printed in one.
    const page = point.deliberation?.premiere_page;
    return [{ numero, objet: point.objet, resultat, page: page === undefined ? '' : String(page) }];
  });
  const values = seanceValues(seance, f);
  const lines = (text: string) => formulaLines(text, values);
  return {
    ...b,
    // The title block in the collectivité's formulas (`liste_titre…`), line by line.
    titre: {
      avant: [...lines(f.liste_titre_avant), ...lines(f.liste_titre_date)],
      texte: lines(f.liste_titre).join(' '),
      apres: lines(f.liste_titre_apres),
    },
    textes: {
      introduction: fillFormula(f.liste_introduction, {
        instance: seance.instance,
        le_instance: b.leInstance,
        date: dateLongue(seance.seance.date),
        ...seanceDays(seance.seance),
      }),
      affichage: f.liste_affichage,
      numero: f.liste_numero,
      objet: f.liste_objet,
      resultat: f.liste_resultat,
      page: f.liste_page,
    },
    deliberations,
    // Each délibération as a paragraph of the collectivité's formula, instead of the table (`liste_entree`).
    entrees:
      f.liste_entree === ''
        ? []
        : deliberations.map((d) => fillFormula(f.liste_entree, d)).filter((e) => e !== ''),
    // The result column only when some point has a result to print (none when the YAML states none).
    colonneResultat: deliberations.some((d) => d.resultat !== ''),
    // The page column only when some délibération gives the recueil page where it starts.
    colonnePage: deliberations.some((d) => d.page !== ''),
    // The president's signature, unless the collectivité does not sign it (`signatures_liste`).
    signe: seance.collectivite.signatures_liste ?? true,
  };
}

/** « 1er », then « 2 », « 3 »…: only the first article takes the ordinal. */
export function articleNumber(index: number): string {
  return index === 0 ? ordinal(1) : String(index + 1);
}

/**
 * An act's visas and considérants in their formulas (`vu`, `considerant`) and its articles with
 * their labels (`article_premier`, `article`): the délibération and the PV's dispositif alike.
 */
export function actWording(acte: Deliberation, f: Formules) {
  return {
    visas: (acte.visas ?? []).map((texte) => fillFormula(f.vu, { texte })),
    considerants: (acte.considerants ?? []).map((texte) => fillFormula(f.considerant, { texte })),
    articles: acte.articles.map((texte, i) => ({
      numero: articleNumber(i),
      libelle: fillFormula(i === 0 ? f.article_premier : f.article, { numero: articleNumber(i) }),
      texte,
    })),
  };
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
  const { convocation, lieu } = seance.seance;
  // The day the act was voted on: a later day of the séance opens with its own date and hour.
  const { date, heure: hour } = pointDay(seance, point.numero);
  const b = baseContext(seance);
  const f = b.formules;
  const wording = actWording(deliberation, f);
  const president = seance.seance.president;
  const written = deliberation.transmission;
  // Dots to fill by hand only when the séance asks for them.
  const forms = instanceForms(seance.instance, seance.genre_instance);
  const transmission = transmissionValues(written, written?.a_remplir === true ? BLANK : '');
  const index = eluIndex(seance.elus);
  const rapporteurElu = seance.elus?.find((e) => e.nom === point.rapporteur || e.cle === point.rapporteur);
  const top = seance.collectivite.position_executoire === 'haut';
  const executoire = fillFormula(f.executoire, transmission);
  const identifiant = transmission.identifiant === '' ? '' : fillFormula(f.identifiant, transmission);
  return {
    ...b,
    point,
    projet,
    acte: !projet,
    objetEnTete: seance.collectivite.objet_en_tete === true,
    /** The collectivité's name, printed in the text after the stamp (`position_nom`). */
    nomDansTexte:
      seance.collectivite.position_nom === 'apres_accuse_reception' ? seance.collectivite.nom : '',
    direction: deliberation.direction ?? '',
    directionDansTitre: seance.collectivite.position_direction === 'titre',
    expose: deliberation.expose ?? '',
    avantDecision: deliberation.avant_decision ?? '',
    apresArticles: deliberation.apres_articles ?? '',
    prendActe: moment === 'prend_acte',
    enExercice: seance.seance.membres_en_exercice,
    listeAnnexes: annexLines(point).map((a) => fillFormula(f.annexe, a)),
    presences,
    /** Who signs the extrait, in the collectivité's order (`signataires_deliberation`). */
    signataires: deliberationSignatures(seance, index, f, b.presidentQualite),
    /** The formulas with the séance's values in them, ready to print. */
    textes: {
      registre: fillFormula(f.registre, {
        annee: anneeEnLettresAvec(date, f.mille),
        jour_mois: jourMoisEnLettres(date),
        heure: hour ? heureEnLettres(hour) : '',
        heure_chiffres: hour ? heure(hour) : '',
        heure_compacte: hour ? hour.replace(':', 'h') : '',
        date: dateLongue(date),
        date_jour: dateAvecJour(date),
        instance: seance.instance,
        ...forms,
        convocation: convocation ? dateLongue(convocation) : '',
        convocation_chiffres: convocation ? dateCourte(convocation) : '',
        convocation_jour: convocation ? dateAvecJour(convocation) : '',
        dates: seanceDays(seance.seance).dates,
        lieu: lieu ?? '',
        publicite: publicite(seance.seance.publique, f),
        session: seance.seance.session ?? '',
        president: printedMember(president.nom, index, f),
        qualite_president: president.qualite,
      }),
      le_conseil: fillFormula(f.le_conseil, {
        instance: seance.instance,
        ...forms,
      }),
      instance: fillFormula(f.instance_titre, { instance: seance.instance }),
      objet: fillFormula(f.objet, { objet: point.objet, numero: deliberation.numero ?? '' }),
      effectifs: effectifsLine(seance, f, presences),
      secretaires: secretaryLines(seance, index, f),
      sur_le_rapport:
        point.rapporteur === undefined
          ? ''
          : fillFormula(f.sur_le_rapport, {
              rapporteur: printedMember(point.rapporteur, index, f),
              qualite: rapporteurElu?.qualite ?? '',
            }),
      titre: fillFormula(f.titre_acte, { numero: deliberation.numero ?? '' }),
      titreProjet: fillFormula(f.titre_projet, { numero: deliberation.numero ?? '' }),
      visas: wording.visas,
      considerants: wording.considerants,
      rapporteur: rapporteurLabel(seance, f, point.rapporteur),
      ligne_rapporteur: rapporteurLine(seance, f, point.rapporteur),
      executoire,
      identifiant,
    },
    deliberation: {
      numero: deliberation.numero ?? '',
      visas: deliberation.visas ?? [],
      considerants: deliberation.considerants ?? [],
      articles: wording.articles,
      resultat: !projet && facts.vote ? voteSentence(facts.vote, 'f', f) : '',
    },
    // A vote by name, after the result: nothing unless the YAML asks (`votes_nominatifs`).
    votesNominatifs: namedVote(
      projet ? undefined : facts.vote,
      votesNominatifsOf(seance, deliberation),
      'aucun',
      f,
      (m) => fillFormula(f.nom_membre, { nom: m.nom, civilite: m.civilite ?? '' }),
    ),
    transmission: {
      ...transmission,
      // Only with a fact to state, and a formula that states it (formulas set to "" print nothing).
      visible:
        (executoire !== '' || identifiant !== '') &&
        (transmission.prefecture !== '' ||
          transmission.publication !== '' ||
          transmission.affichage !== '' ||
          transmission.executoire !== '' ||
          transmission.identifiant !== ''),
      haut: top,
      bas: !top,
    },
    accuseReception: receptionStampContext(seance, f.accuse_reception, written),
  };
}
