/**
 * Data of the procès-verbal (CGCT L. 2121-15): one sentence per fact the séance records, in the
 * order of the séance. A fact absent from the YAML gives an empty string, and the template drops
 * its sentence: nothing is invented. Counts and outcomes come from `pointFacts`, like the
 * délibérations and the liste des délibérations.
 *
 * @example
 * procesVerbalContext(seance).ouverture // 'La séance est ouverte à 20 h 02.'
 */

import { isAct, isWithdrawn, momentOf } from '../compose/moment.ts';
import {
  type EluIndex,
  eluIndex,
  genreOf,
  type Member,
  memberOf,
  sameMember,
  secretairesOf,
  withMemberNames,
} from '../facts/elus.ts';
import { type Formules, fillFormula, type ListeNoms } from '../facts/formules.ts';
import { dayRestarts } from '../facts/jours.ts';
import { pointFacts, shownNumber } from '../facts/point.ts';
import { namedProxies } from '../facts/presences.ts';
import { quorumOf } from '../facts/quorum.ts';
import { closingEntries, pvSigned } from '../facts/seance.ts';
import { continuedPart } from '../facts/suites.ts';
import { type VoteFacts, voteFacts } from '../facts/vote.ts';
import type { Intervention, Point, Presences, Seance, Vote } from '../schema/seance.ts';
import { pageRefMarker } from '../tree/page-ref-marker.ts';
import { subItems } from './agenda-context.ts';
import {
  attendance,
  baseContext,
  effectifsLine,
  seanceFormules,
  voteDetail,
  voteSentence,
} from './context.ts';
import { escapeMarkdownText } from './escape.ts';
import { agreement, genreOfPerson, instanceForms } from './grammar.ts';
import { anneeEnLettresAvec } from './helpers/date-en-lettres.ts';
import { heure } from './helpers/heure.ts';
import { dateLongue, jourMoisEnLettres, nombre } from './helpers/index.ts';
import { namedVote, votesNominatifsOf } from './named-vote.ts';
import { daysContext, guestsLine } from './pv-days.ts';
import { pvDispositif } from './pv-dispositif.ts';
import { joinNames, joinWith, memberAgreement, secretarySignatures } from './seance-text.ts';
import { formulaLines, seanceValues } from './seance-values.ts';

/** A member as the PV names it (formula `pv_nom_membre`): « Mme Agathe Morel » by default. */
export function printed(member: Member, f: Formules): string {
  return fillFormula(f.pv_nom_membre, { nom: member.nom, civilite: member.civilite ?? '' });
}

const sentence = (condition: unknown, text: () => string): string => (condition ? text() : '');

/** A count in its formula (« {nombre} présent{s} »): « s » from 2 on, as French agrees. */
const counted = (formula: string, n: number): string =>
  fillFormula(formula, { nombre: nombre(n), s: Math.abs(n) < 2 ? '' : 's' });

/**
 * The line of a list the YAML states empty (`[]`): its own formula (`pv_…_aucun`), else the list's
 * formula with `pv_liste_vide` for the names (« Procuration : – »), else nothing (the default).
 */
function emptyListLine(own: string, formula: string, key: string, f: Formules): string {
  if (own !== '') return own;
  return f.pv_liste_vide === '' ? '' : fillFormula(formula, { [key]: f.pv_liste_vide });
}

/** One value made of a groupe and names (« le groupe X : A et B »), or whichever of the two is stated. */
function groupAnd(formula: string, groupe: string, key: string, names: string): string {
  return groupe !== '' && names !== '' ? fillFormula(formula, { groupe, [key]: names }) : groupe || names;
}

/** A vote in a short clause: « à l’unanimité », « par 11 voix pour, … ». */
function voteClause(vote: VoteFacts, f: Formules): string {
  if (vote.unanimite) return f.pv_unanimite;
  return fillFormula(f.pv_par, { detail: voteDetail(vote, f) });
}

/** An attendance list's values: the names, their count and agreement (« {Était|Étaient} présent{e}{s} »). */
function listValues(noms: string, members: readonly Member[]): Record<string, string> {
  const feminine = members.length > 0 && members.every((m) => genreOf(m) === 'f');
  return { noms, nombre: String(members.length), s: members.length > 1 ? 's' : '', e: feminine ? 'e' : '' };
}

/**
 * The members who arrive during the séance, as the présents list of the opening writes them
 * (formula `pv_present_arrivee`, empty by default): every arrival up to the first later day that
 * states its own attendance. Each is then named there only, not among the absents or excusés.
 */
function arrivalsInList(seance: Seance, f: Formules, index: EluIndex): Arrivals {
  const none = { refs: [], noms: [] };
  if (f.pv_present_arrivee === '') return none;
  const restart = dayRestarts(seance.seance);
  const refs: string[] = [];
  const noms: string[] = [];
  for (const point of seance.points) {
    if (restart.has(point.numero)) break;
    for (const a of point.deroulement?.arrivees ?? []) {
      const member = memberOf(a.elu, index);
      refs.push(a.elu);
      noms.push(
        fillFormula(f.pv_present_arrivee, {
          nom: printed(member, f),
          heure: a.heure ? heure(a.heure) : '',
          point: shownNumber(point),
          e: genreOf(member) === 'f' ? 'e' : '',
        }),
      );
    }
  }
  return { refs, noms };
}

interface Arrivals {
  readonly refs: readonly string[];
  readonly noms: readonly string[];
}

/** The opening attendance without the members the présents list names as arriving later. */
function withoutArrivals(presences: Presences, arrived: readonly string[], index: EluIndex): Presences {
  if (arrived.length === 0) return presences;
  const later = (ref: string) => arrived.some((a) => sameMember(a, ref, index));
  return {
    ...presences,
    representes:
      typeof presences.representes === 'number'
        ? presences.representes
        : presences.representes.filter((p) => !later(p.mandant)),
    absents:
      typeof presences.absents === 'number' ? presences.absents : presences.absents.filter((r) => !later(r)),
    ...(presences.excuses ? { excuses: presences.excuses.filter((r) => !later(r)) } : {}),
  };
}

function presencesLines(
  seance: Seance,
  opening: Presences | undefined,
  f: Formules,
  arrivals: Arrivals = { refs: [], noms: [] },
) {
  const none = { compte: '', presents: '', representes: '', absents: '', excuses: '' };
  if (!opening) return none;
  const index = eluIndex(seance.elus);
  // The counts stay those of the opening; the lists name each arrival once, in the présents.
  const presences = withoutArrivals(opening, arrivals.refs, index);
  const members = (refs: readonly string[]) => refs.map((r) => memberOf(r, index));
  const who = (refs: readonly string[], list: ListeNoms, more: readonly string[] = [], asWritten?: string) =>
    listValues(
      joinNames(
        [...(asWritten === undefined ? members(refs).map((m) => printed(m, f)) : [asWritten]), ...more],
        f,
        list,
      ),
      members(refs),
    );
  const a = attendance(seance, opening);
  if (!a) return none;
  const proxies = namedProxies(presences);
  const mandants = members(proxies.map((p) => p.mandant));
  return {
    compte: effectifsLine(seance, f, a),
    presents:
      typeof presences.presents === 'number'
        ? ''
        : fillFormula(
            f.pv_presents,
            who(presences.presents, 'presents', arrivals.noms, presences.presents_texte),
          ),
    // Proxies given as a number only: no list of names to print (the count line says how many).
    representes:
      typeof presences.representes === 'number' && presences.representes > 0
        ? ''
        : proxies.length === 0
          ? emptyListLine(f.pv_representes_aucun, f.pv_representes, 'pouvoirs', f)
          : fillFormula(f.pv_representes, {
              ...listValues('', mandants),
              pouvoirs: joinWith(
                proxies.map((p) =>
                  fillFormula(f.pv_pouvoir, {
                    mandant: printed(memberOf(p.mandant, index), f),
                    mandataire: printed(memberOf(p.mandataire, index), f),
                    e: memberAgreement(p.mandant, index),
                  }),
                ),
                f.pv_pouvoirs_separateur,
                f.pv_pouvoirs_et,
              ),
            }),
    absents:
      typeof presences.absents === 'number'
        ? ''
        : presences.absents.length === 0
          ? emptyListLine(f.pv_absents_aucun, f.pv_absents, 'noms', f)
          : fillFormula(f.pv_absents, who(presences.absents, 'absents')),
    excuses:
      presences.excuses === undefined
        ? ''
        : presences.excuses.length === 0
          ? emptyListLine(f.pv_excuses_aucun, f.pv_excuses, 'noms', f)
          : fillFormula(f.pv_excuses, who(presences.excuses, 'excuses')),
  };
}

function pointContext(seance: Seance, point: Point, f: Formules) {
  const index = eluIndex(seance.elus);
  const who = (ref: string) => printed(memberOf(ref, index), f);
  const groupe = (name: string | undefined) => (name ? fillFormula(f.pv_groupe, { groupe: name }) : '');
  const d = point.deroulement ?? {};
  const facts = pointFacts(seance, point);
  const votants = facts.presences ? attendance(seance, facts.presences) : undefined;
  const vote = facts.vote;
  // A vote by name: a table by default, or lines (`votes_nominatifs`).
  const mode = votesNominatifsOf(seance, point.deliberation);
  const byName = namedVote(vote, mode, 'tableau', f, (m) => printed(m, f));
  const acte = isAct(point) ? (point.deliberation?.numero ?? '') : '';
  const moment = momentOf(point);
  const forms = instanceForms(seance.instance, seance.genre_instance);
  return {
    numero: point.numero,
    objet: point.objet,
    titre: fillFormula(f.pv_point, {
      numero: String(point.numero),
      numero_affiche: shownNumber(point),
      acte,
      objet: point.objet_pv ?? point.objet,
    }),
    ajoute: sentence(d.ajoute, () => f.pv_ajoute),
    retire: sentence(facts.retire, () => fillFormula(f.pv_retire, { motif: d.motif_retrait ?? '' })),
    mouvements: [
      ...(d.arrivees ?? []).map((a) =>
        fillFormula(f.pv_arrivee, { nom: who(a.elu), heure: a.heure ? heure(a.heure) : '' }),
      ),
      ...(d.departs ?? []).map((x) =>
        // Excused without a proxy: its own sentence (v17); with one, {excuse} in pv_depart.
        x.excuse && !x.pouvoir_a
          ? fillFormula(f.pv_depart_excuse, {
              nom: who(x.elu),
              heure: x.heure ? heure(x.heure) : '',
              e: memberAgreement(x.elu, index),
            })
          : fillFormula(f.pv_depart, {
              nom: who(x.elu),
              heure: x.heure ? heure(x.heure) : '',
              mandataire: x.pouvoir_a ? who(x.pouvoir_a) : '',
              excuse: x.excuse ? fillFormula(f.pv_excuse, { e: memberAgreement(x.elu, index) }) : '',
            }),
      ),
    ],
    rapporteur: sentence(!facts.retire && point.rapporteur !== undefined, () => {
      const e = agreement(genreOfPerson(point.rapporteur ?? '', seance.elus));
      return fillFormula(f.pv_rapporteur, {
        nom: who(point.rapporteur ?? ''),
        rapporteur: fillFormula(f.rapporteur, { e }),
        e,
      });
    }),
    presentation: d.presentation ?? '',
    interventions: interventionsOf(d.interventions, who, f),
    mentionAvant: d.mentions?.avant ?? '',
    mentionApres: d.mentions?.apres ?? '',
    demandesScrutin: (d.demandes_scrutin ?? []).map((x) => {
      const noms = x.par?.length ? joinNames(x.par.map(who), f) : '';
      const par = groupAnd(f.pv_groupe_noms, groupe(x.groupe), 'noms', noms);
      return fillFormula(f.pv_demande_scrutin, { scrutin: x.scrutin, par });
    }),
    amendements: (d.amendements ?? []).map((a) => {
      const auteur = groupAnd(f.pv_groupe_auteur, groupe(a.groupe), 'auteur', a.auteur ? who(a.auteur) : '');
      const facts = a.vote ? voteFacts(a.vote, index) : undefined;
      return {
        titre: fillFormula(f.pv_amendement, { numero: String(a.numero), auteur }),
        texte: a.texte,
        resultat: facts
          ? fillFormula(
              facts.issue === 'rejetee'
                ? f.pv_amendement_rejete
                : facts.issue === 'adoptee'
                  ? f.pv_amendement_adopte
                  : f.pv_amendement_partage,
              { numero: String(a.numero), vote: voteClause(facts, f) },
            )
          : '',
        // Named as the point's vote is: a table (kept with the result) by default, or lines.
        ...votesByName(namedVote(facts, mode, 'tableau', f, (m) => printed(m, f))),
      };
    }),
    suspensions: (d.suspensions ?? []).map((x) => suspension(x, f)),
    incidents: (d.incidents ?? []).map((x) => incident(x, f)),
    votants: sentence(vote && votants, () =>
      fillFormula(f.pv_votants, {
        votants: String(votants?.votants),
        presents: counted(f.pv_votants_presents, votants?.presents ?? 0),
        representes: counted(f.pv_votants_representes, votants?.representes ?? 0),
      }),
    ),
    scrutin: sentence(vote?.scrutin, () =>
      vote?.scrutin === 'main_levee'
        ? f.pv_main_levee
        : fillFormula(f.pv_scrutin, { scrutin: vote?.scrutin ?? '' }),
    ),
    resultat: sentence(vote && point.deliberation, () =>
      fillFormula(f.pv_resultat, {
        numero: String(point.deliberation?.numero),
        resultat: vote ? voteSentence(vote, 'f', f) : '',
      }),
    ),
    // The outcome of a point without a vote, only for the statut the YAML states.
    issue:
      moment === 'prend_acte'
        ? fillFormula(f.pv_prend_acte, { ...forms, instance: seance.instance, objet: point.objet, acte })
        : moment === 'ajourne'
          ? fillFormula(f.pv_ajourne, { ...forms, instance: seance.instance, objet: point.objet })
          : '',
    ...votesByName(byName),
    // Only an act of the registre (voted, or « prend acte »): a projet without a vote took none.
    deliberation: isAct(point) ? point.deliberation : undefined,
    // The act's dispositif under the point, when the collectivité asks for it (`dispositif_pv`).
    dispositif: pvDispositif(seance, point, f),
    renvoi: sentence(isAct(point), () =>
      fillFormula(f.pv_deliberation, { numero: point.deliberation?.numero ?? '', objet: point.objet }),
    ),
  };
}

/** A vote by name as the template prints it: its table's rows, or its lines (`votes_nominatifs`). */
function votesByName(byName: ReturnType<typeof namedVote>) {
  return { votesNominatifs: byName.tableau, votesLignes: byName.lignes };
}

/** Who speaks and what is said, each intervention in the PV's formulas (a point's or a part's). */
function interventionsOf(
  list: readonly Intervention[] | undefined,
  who: (ref: string) => string,
  f: Formules,
) {
  return (list ?? []).map((i) => ({
    qui: fillFormula(f.pv_intervention, { nom: who(i.elu), qualite: i.qualite ?? '' }),
    resume: i.resume ?? '',
    verbatim: i.verbatim ?? '',
    // The words around the verbatim (« … »), from the formula split at its {texte}.
    verbatimAvant: f.pv_verbatim.split('{texte}')[0] ?? '',
    verbatimApres: f.pv_verbatim.split('{texte}').slice(1).join(''),
  }));
}

function suspension(s: { debut: string; reprise?: string; motif?: string }, f: Formules): string {
  return fillFormula(f.pv_suspension, {
    heure: heure(s.debut),
    motif: s.motif ?? '',
    reprise: s.reprise ? heure(s.reprise) : '',
  });
}

function incident(i: { heure?: string; texte: string }, f: Formules) {
  return { quand: i.heure ? fillFormula(f.pv_incident, { heure: heure(i.heure) }) : '', texte: i.texte };
}

type Approbation = ReturnType<typeof approbation>;

function approbation(seance: Seance, index: ReturnType<typeof eluIndex>, f: Formules) {
  const pv = seance.deroulement?.pv_precedent;
  const apres = seance.collectivite.position_approbation_pv === 'apres_ordre_du_jour';
  if (!pv) return { titre: '', phrase: '', corrections: [] as { par: string; texte: string }[], apres };
  const vote: Vote | undefined = pv.vote;
  const date = pv.date === undefined ? '' : dateLongue(pv.date);
  return {
    apres,
    titre: fillFormula(f.pv_approbation_titre, { date }),
    // Without the date the source does not give, the sentence does not name one.
    phrase: fillFormula(date === '' ? f.pv_approbation_sans_date : f.pv_approbation, {
      date,
      vote: vote ? voteClause(voteFacts(vote, index), f) : '',
      corrections: pv.corrections?.length ? f.pv_corrections : '',
    }),
    corrections: (pv.corrections ?? []).map((c) => ({
      par: fillFormula(f.pv_correction, { nom: c.par ? printed(memberOf(c.par, index), f) : '' }),
      texte: c.texte,
    })),
  };
}

/** The approval in its point's chapter, its heading (« pv_approbation_titre ») one level below the point's. */
function pointApproval(approved: Approbation, here: boolean) {
  return here
    ? { ...approved, dansPoint: true }
    : { ...approved, titre: '', phrase: '', corrections: [], dansPoint: true };
}

/** The anchor of a point's chapter, which the sommaire's page numbers refer to. */
const pointAnchor = (i: number) => `point-${i + 1}`;
const sectionAnchor = (i: number) => `section-${i + 1}`;
const partAnchor = (k: number) => `partie-${k + 1}`;
const annexAnchor = (k: number) => `annexe-${k + 1}`;

/**
 * A sommaire entry: its formula filled, escaped, its {page} made a reference to `anchor` — or to
 * each of `anchor`'s places, joined by `pv_sommaire_pages_separateur` (« p. 10, 89 »).
 */
function entry(
  formula: string,
  values: Record<string, string>,
  anchor: string | readonly string[],
  f: Formules,
): string {
  const anchors = typeof anchor === 'string' ? [anchor] : anchor;
  // One placeholder per page, the separator escaped with the text around it (never trimmed).
  const pages = anchors.map(() => PAGE).join(f.pv_sommaire_pages_separateur);
  const text = fillFormula(formula, { ...values, page: pages });
  let k = 0;
  return text === ''
    ? ''
    : escapeMarkdownText(text).replaceAll(PAGE, () => pageRefMarker(anchors[k++] ?? ''));
}

/**
 * The parts that continue a point or an earlier part (`suite_de`), by what they continue: the
 * point's number, or the index of the part whose intitulé they name (the nearest one before them
 * that is not itself a continuation).
 */
function continuations(seance: Seance): { points: Map<number, number[]>; parts: Map<number, number[]> } {
  const list = seance.deroulement?.parties ?? [];
  const points = new Map<number, number[]>();
  const parts = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, k: number) =>
    map.set(key, [...(map.get(key) ?? []), k]);
  list.forEach((part, k) => {
    const of = part.suite_de;
    if (typeof of === 'number') add(points, of, k);
    else {
      const j = continuedPart(list, k);
      if (j >= 0) add(parts, j, k);
    }
  });
  return { points, parts };
}

/**
 * The PV's own parts that are not points (`deroulement.parties`), each under its heading
 * (formula `pv_partie`), with its sommaire entry (`pv_sommaire_partie`): before the points, or
 * after the point `apres_point` names.
 */
function partsOf(seance: Seance, f: Formules, wanted: boolean, later: ReadonlyMap<number, number[]>) {
  const index = eluIndex(seance.elus);
  const who = (ref: string) => printed(memberOf(ref, index), f);
  return (seance.deroulement?.parties ?? []).map((part, k) => {
    const titre = fillFormula(f.pv_partie, { titre: part.titre });
    // A continuation has no entry of its own: its page is in the entry of what it continues.
    const pages = [partAnchor(k), ...(later.get(k) ?? []).map(partAnchor)];
    return {
      apresPoint: part.apres_point,
      titre,
      ancre: wanted ? partAnchor(k) : '',
      entree: wanted && part.suite_de === undefined ? entry(f.pv_sommaire_partie, { titre }, pages, f) : '',
      texte: part.texte ?? '',
      interventions: interventionsOf(part.interventions, who, f),
    };
  });
}

/**
 * The PV's own annexes (`deroulement.annexes`), after the signatures, each under its title
 * (`pv_annexe`) and its parts one level below (`pv_annexe_partie`), with their sommaire entries.
 */
function annexesOf(seance: Seance, f: Formules, wanted: boolean) {
  return (seance.deroulement?.annexes ?? []).map((annexe, k) => {
    const numero = annexe.numero ?? String(k + 1);
    const titre = fillFormula(f.pv_annexe, { numero, titre: annexe.titre });
    const parties = (annexe.parties ?? []).map((part, j) => {
      const anchor = `${annexAnchor(k)}-partie-${j + 1}`;
      const heading = fillFormula(f.pv_annexe_partie, { titre: part.titre });
      return {
        titre: heading,
        ancre: wanted ? anchor : '',
        entree: wanted ? entry(f.pv_sommaire_annexe_partie, { titre: heading }, anchor, f) : '',
        texte: part.texte ?? '',
      };
    });
    const formula = parties.length > 0 ? f.pv_sommaire_annexe_parties : f.pv_sommaire_annexe;
    return {
      titre,
      ancre: wanted ? annexAnchor(k) : '',
      entree: wanted ? entry(formula, { titre, numero }, annexAnchor(k), f) : '',
      texte: annexe.texte ?? '',
      parties,
    };
  });
}

/**
 * The points' chapters under the ordre du jour's sections (formula `pv_section`), the PV's own
 * parts and annexes, and the sommaire (`sommaire_pv`, `deroulement.sommaire`) listing them in the
 * order of the séance with the page where each starts.
 */
function chapters(seance: Seance, f: Formules, approbationTitre: string) {
  const points = seance.points;
  const sectionsShown = f.pv_section !== '' && points.some((p) => p.section !== undefined);
  const wanted = seance.deroulement?.sommaire ?? seance.collectivite.sommaire_pv ?? false;
  const entries: string[] = [];
  // The previous PV's approval under its own heading, before the points (not when it is a point).
  const approbationAncre =
    wanted && approbationTitre !== '' && seance.deroulement?.pv_precedent?.point === undefined
      ? 'approbation'
      : '';
  if (approbationAncre !== '') {
    entries.push(entry(f.pv_sommaire_approbation, { titre: approbationTitre }, approbationAncre, f));
  }
  const suites = continuations(seance);
  const parts = partsOf(seance, f, wanted, suites.parts);
  const partsAfter = (numero: number | undefined) => parts.filter((p) => p.apresPoint === numero);
  entries.push(...partsAfter(undefined).map((p) => p.entree));
  const chapitres = points.map((p, i) => {
    const opens = sectionsShown && p.section !== undefined && p.section !== points[i - 1]?.section;
    const section = opens ? fillFormula(f.pv_section, { section: p.section ?? '' }) : '';
    const values = {
      numero: String(p.numero),
      numero_affiche: shownNumber(p),
      acte: isAct(p) ? (p.deliberation?.numero ?? '') : '',
      objet: p.objet_pv ?? p.objet,
    };
    const titre = fillFormula(f.pv_point, values);
    if (section !== '') {
      entries.push(
        `**${escapeMarkdownText(fillFormula(f.pv_sommaire_section, { section, page: PAGE }))}**`.replace(
          PAGE,
          pageRefMarker(sectionAnchor(i)),
        ),
      );
    }
    if (titre !== '') {
      entries.push(
        entry(
          f.pv_sommaire_point,
          { ...values, titre, suite: p.suite_sommaire ?? '' },
          [pointAnchor(i), ...(suites.points.get(p.numero) ?? []).map(partAnchor)],
          f,
        ),
      );
    }
    const after = partsAfter(p.numero);
    entries.push(...after.map((x) => x.entree));
    return {
      sectionTitre: section,
      sectionAncre: wanted && section !== '' ? sectionAnchor(i) : '',
      ancre: wanted ? pointAnchor(i) : '',
      // A point under a section is one level below it.
      sousSection: sectionsShown,
      partiesApres: after,
    };
  });
  const annexes = annexesOf(seance, f, wanted);
  for (const a of annexes) entries.push(a.entree, ...a.parties.map((x) => x.entree));
  const shown = entries.filter((e) => e !== '');
  return {
    chapitres,
    approbationAncre,
    parties: partsAfter(undefined),
    annexesPv: annexes,
    sommaire: wanted && shown.length > 0 ? { titre: f.pv_sommaire_titre, entrees: shown } : undefined,
  };
}

/** Where a sommaire entry's page number goes in its formula, until it is made a page reference. */
const PAGE = '\uE012';

/** Data of the procès-verbal of the séance, as written (keys kept: the PV prints civilities). */
export function procesVerbalContext(seance: Seance) {
  const index = eluIndex(seance.elus);
  const r = seance.deroulement ?? {};
  const s = seance.seance;
  const f = seanceFormules(seance);
  const president = printed(memberOf(s.president.nom, index), f);
  const named = secretairesOf(s).map((x) => ({ ...x, member: memberOf(x.ref, index) }));
  const secretaires = named.map((x) => x.member);
  const secretaire = joinNames(
    secretaires.map((m) => printed(m, f)),
    f,
    'secretaires',
  );
  // Those without a qualité of their own together, then each with its qualité (as the délibération).
  const plain = named.filter((x) => x.qualite === undefined).map((x) => printed(x.member, f));
  const label = plain.length > 1 ? f.secretaires : f.secretaire;
  const several = secretaires.length > 1;
  // Agreed with the members: feminine only when every one of them is a woman.
  const feminine = secretaires.length > 0 && secretaires.every((m) => genreOf(m) === 'f');
  const presences = s.presences;
  const presents = attendance(seance, presences)?.presents ?? 0;
  const quorum = quorumOf(s);
  const election = r.election_secretaire;
  const values = seanceValues(seance, f);
  const lines = (text: string) => formulaLines(text, values);
  const forms = instanceForms(seance.instance, seance.genre_instance);
  const approved = approbation(seance, index, f);
  const structure = chapters(seance, f, approved.titre);
  return {
    ...baseContext(withMemberNames(seance)),
    // The title block, line by line, in the collectivité's formulas (`pv_titre…`).
    titre: {
      avant: [...lines(f.pv_titre_avant), ...lines(f.pv_titre_date)],
      texte: lines(f.pv_titre).join(' '),
      apres: lines(f.pv_titre_apres),
    },
    // Each fact only when stated: the bracketed parts go with an absent value.
    // The séance's values (« {jour_semaine} », « {heure_longue} »…), then the PV's own.
    reunion: fillFormula(f.pv_reunion, {
      ...values,
      instance: seance.instance,
      ...forms,
      annee: anneeEnLettresAvec(s.date, f.mille),
      jour_mois: jourMoisEnLettres(s.date),
      convocation: s.convocation ? dateLongue(s.convocation) : '',
      date: dateLongue(s.date),
      heure: s.heure ? heure(s.heure) : '',
      lieu: s.lieu ?? '',
      president,
      qualite: s.president.qualite,
    }),
    ouverture: sentence(r.ouverture, () => fillFormula(f.pv_ouverture, { heure: heure(r.ouverture ?? '') })),
    appel: sentence(r.appel, () => f.pv_appel),
    presences: {
      ...presencesLines(seance, presences, f, arrivalsInList(seance, f, index)),
      invites: guestsLine(s.invites, f),
    },
    // A séance over several days: each later day that states its attendance, under its heading.
    ...daysContext(seance, f, (p) => presencesLines(seance, p, f)),
    quorum: sentence(presences, () =>
      s.seconde_convocation
        ? f.pv_seconde_convocation
        : presents >= quorum
          ? fillFormula(f.pv_quorum, {
              presents: counted(f.pv_quorum_presents, presents),
              en_exercice: String(s.membres_en_exercice),
              quorum: s.quorum === undefined ? '' : String(s.quorum),
            })
          : '',
    ),
    election: sentence(election && secretaires.length > 0, () =>
      fillFormula(several ? f.pv_secretaires_designes : f.pv_secretaire_designe, {
        noms: secretaire,
        e: feminine ? 'e' : '',
        vote: election?.vote ? voteClause(voteFacts(election.vote, index), f) : '',
      }),
    ),
    secretaires: [
      ...(plain.length > 0 && label !== ''
        ? [fillFormula(f.pv_ligne_secretaires, { libelle: label, noms: joinNames(plain, f, 'secretaires') })]
        : []),
      ...named.flatMap((x) =>
        x.qualite === undefined
          ? []
          : [fillFormula(f.pv_ligne_secretaires, { libelle: x.qualite, noms: printed(x.member, f) })],
      ),
    ],
    // Before or after the ordre du jour, unless it is examined as a point (`pv_precedent.point`).
    approbation:
      r.pv_precedent?.point === undefined
        ? { ...approved, ancre: structure.approbationAncre }
        : { ...approved, phrase: '', ancre: '' },
    titres: {
      ordreDuJour: f.pv_ordre_du_jour,
      questions: f.pv_questions_orales,
      vote: f.pv_vote_sens,
      nombre: f.pv_vote_nombre,
      membres: f.pv_vote_membres,
    },
    // Each entry with its sub-items (formula `sous_point`), each on a line of its own under it.
    /** The ordre du jour before the réunion sentence (`position_ordre_du_jour_pv: debut`). */
    ordreDuJourDebut: seance.collectivite.position_ordre_du_jour_pv === 'debut',
    ordreDuJour: [
      ...seance.points.map((p, i) => ({
        // The line of a section of the ordre du jour before its first point, when the formula asks for it.
        section:
          p.section !== undefined && p.section !== seance.points[i - 1]?.section
            ? fillFormula(f.pv_section_ordre_du_jour, { section: p.section })
            : '',
        texte: fillFormula(f.pv_point_ordre_du_jour, {
          numero: String(p.numero),
          numero_affiche: shownNumber(p),
          objet: p.objet_ordre_du_jour ?? p.objet,
          mention: isWithdrawn(p) ? f.pv_odj_retire : p.deroulement?.ajoute ? f.pv_odj_ajoute : '',
        }),
        sousPoints: subItems(p, f),
      })),
      // The affaires urgentes and questions diverses the séance put on its ordre du jour.
      ...closingEntries(seance.seance, f).map((texte) => ({
        section: '',
        texte,
        sousPoints: [] as string[],
      })),
    ],
    decisions: (r.decisions_delegation ?? []).map((x) =>
      fillFormula(f.pv_decision, {
        numero: x.numero ?? '',
        date: x.date ? dateLongue(x.date) : '',
        objet: x.objet,
      }),
    ),
    decisionsIntro: sentence(r.decisions_delegation?.length, () =>
      fillFormula(f.pv_decisions, {
        president,
        instance: seance.instance,
        ...forms,
      }),
    ),
    communications: (r.communications ?? []).map((c) => ({
      titre: fillFormula(f.pv_communication, { objet: c.objet }),
      texte: c.texte ?? '',
    })),
    // Events not tied to a point: before the points, or after the point they followed.
    suspensions: (r.suspensions ?? [])
      .filter((x) => x.apres_point === undefined)
      .map((x) => suspension(x, f)),
    incidents: (r.incidents ?? []).filter((x) => x.apres_point === undefined).map((x) => incident(x, f)),
    ...structure,
    mentions: {
      debut: r.mentions?.debut ?? '',
      apresPresences: r.mentions?.apres_presences ?? '',
      avantOrdreDuJour: r.mentions?.avant_ordre_du_jour ?? '',
      fin: r.mentions?.fin ?? '',
    },
    points: seance.points.map((p, i) => ({
      ...pointContext(seance, p, f),
      ...structure.chapitres[i],
      // The approval in the chapter of its point, under the point's own heading.
      approbation: pointApproval(approved, p.numero === r.pv_precedent?.point),
      suspensionsApres: (r.suspensions ?? [])
        .filter((x) => x.apres_point === p.numero)
        .map((x) => suspension(x, f)),
      incidentsApres: (r.incidents ?? [])
        .filter((x) => x.apres_point === p.numero)
        .map((x) => incident(x, f)),
    })),
    questions: (r.questions_orales ?? []).map((q) => ({
      auteur: fillFormula(f.pv_question, {
        nom: printed(memberOf(q.auteur, index), f),
        groupe: q.groupe ?? '',
      }),
      question: q.question,
      repondant: fillFormula(f.pv_reponse, {
        nom: q.repondant ? printed(memberOf(q.repondant, index), f) : '',
      }),
      reponse: q.reponse ?? '',
    })),
    cloture: sentence(r.cloture, () => fillFormula(f.pv_cloture, { heure: heure(r.cloture ?? '') })),
    arrete: sentence(r.arrete_le, () => fillFormula(f.pv_arrete, { date: dateLongue(r.arrete_le ?? '') })),
    // The signature block, unless the collectivité's compte rendu is not signed (`signatures_pv`).
    signe: pvSigned(seance),
    signaturesSecretaires: secretarySignatures(seance, index, f),
  };
}
