/**
 * The data of the convocation (CGCT L. 2121-10) and of the ordre du jour, in the collectivité's
 * own words and structure: title lines (formulas `convocation_titre…`, `ordre_du_jour_…`), each
 * entry of the ordre du jour with its punctuation, the affaires urgentes and questions diverses
 * only when the séance states them, the signer's line.
 *
 * @example
 * convocationContext(seance).lettre.points // [{ section: '', texte: 'Point n° 1 – Budget primitif' }, …]
 */

import { type Formules, fillFormula } from '../facts/formules.ts';
import { shownNumber } from '../facts/point.ts';
import { closingEntries } from '../facts/seance.ts';
import type { Point, Seance } from '../schema/seance.ts';
import { annexLines, baseContext } from './context.ts';
import { agreement, genreOfPerson } from './grammar.ts';
import { dateLongue } from './helpers/index.ts';
import { formulaLines, seanceValues } from './seance-values.ts';

/** From this population on, a commune's convocation comes with a note explicative de synthèse. */
export const NOTE_DE_SYNTHESE_POPULATION = 3_500;

/** The letter of the n-th sub-item (0 → « a », 25 → « z », 26 → « aa »). */
function subItemLetter(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : `${subItemLetter(Math.floor(n / 26) - 1)}${letter}`;
}

/** A point's sub-items as printed (formula `sous_point`: « a) … », « b) … »). */
export function subItems(point: Pick<Point, 'sous_points'>, f: Formules): string[] {
  return (point.sous_points ?? []).map((texte, i) =>
    fillFormula(f.sous_point, { lettre: subItemLetter(i), numero: String(i + 1), texte }),
  );
}

/** The points as the agenda lists them: the collectivité's own numbers, its sections' headings. */
function agendaPoints(seance: Seance, f: Formules) {
  return seance.points.map((p, i) => ({
    ...p,
    // The ordre du jour's own wording of the point, when it differs from the act's objet.
    objet: p.objet_ordre_du_jour ?? p.objet,
    numeroAffiche: shownNumber(p),
    // The act's own number (« 2019/18 »), for entries that open with it; empty without one.
    acte: p.deliberation?.numero ?? '',
    // A section's heading before the first point of each run of points in it.
    sectionTitre: p.section !== undefined && p.section !== seance.points[i - 1]?.section ? p.section : '',
    listeAnnexes: annexLines(p),
    sousPoints: subItems(p, f),
  }));
}

/** The date of the convocation as `convocation_date` and `ordre_du_jour_convocation` name its forms. */
const convocationDate = (values: Readonly<Record<string, string>>): Record<string, string> => ({
  date: values.convocation ?? '',
  date_jour: values.convocation_jour ?? '',
  date_chiffres: values.convocation_chiffres ?? '',
  jour_mois: values.convocation_jour_mois ?? '',
  annee: values.convocation_annee ?? '',
});

/** A title block: lines above the document's heading, the heading (maybe empty), lines below. */
export interface TitleBlock {
  readonly avant: readonly string[];
  readonly texte: string;
  readonly apres: readonly string[];
}

/** Data of the ordre du jour. */
export function ordreDuJourContext(seance: Seance) {
  const b = baseContext(seance);
  const f = b.formules;
  const values = seanceValues(seance, f);
  const lines = (text: string) => formulaLines(text, values);
  const convocation = seance.seance.convocation;
  const titre: TitleBlock = {
    avant: [
      ...lines(f.ordre_du_jour_titre_avant),
      ...(b.sessionLigne ? [b.sessionLigne] : []),
      ...lines(f.ordre_du_jour_date),
      ...lines(f.ordre_du_jour_lieu),
    ],
    texte: lines(f.ordre_du_jour_titre).join(' '),
    apres: lines(f.ordre_du_jour_titre_apres),
  };
  return {
    ...b,
    titre,
    sections: seance.points.some((p) => p.section !== undefined),
    points: agendaPoints(seance, f).map((p) => ({
      ...p,
      intitule: fillFormula(f.ordre_du_jour_point, { numero: p.numeroAffiche, objet: p.objet, acte: p.acte }),
      annexes: p.listeAnnexes.map((a) => fillFormula(f.ordre_du_jour_annexe, a)),
      rapporteurLigne:
        p.rapporteur === undefined
          ? ''
          : fillFormula(f.ordre_du_jour_rapporteur, {
              rapporteur: p.rapporteur,
              e: agreement(genreOfPerson(p.rapporteur, seance.elus)),
            }),
    })),
    entreesFinales: closingEntries(seance.seance, f),
    convocationLigne: convocation ? fillFormula(f.ordre_du_jour_convocation, convocationDate(values)) : '',
    signataireQualite: fillFormula(f.ordre_du_jour_signature, { qualite: b.presidentQualite }),
    /** `signatures_ordre_du_jour: false`: no signature block at all. */
    signe: seance.collectivite.signatures_ordre_du_jour ?? true,
  };
}

/** An entry of the convocation's list, after the heading of its section when one starts there. */
export interface LetterEntry {
  readonly section: string;
  readonly texte: string;
  /** Its sub-items, each on a line of its own under it (formula `sous_point`). */
  readonly sousPoints: readonly string[];
}

/** Each entry of the convocation's list, with the collectivité's punctuation after it. */
function letterEntries(seance: Seance, f: Formules): LetterEntry[] {
  const entries = [
    ...agendaPoints(seance, f).map((p) => ({
      section: p.sectionTitre === '' ? '' : fillFormula(f.convocation_section, { section: p.sectionTitre }),
      sousPoints: p.sousPoints,
      texte: fillFormula(f.convocation_point, {
        numero: p.numeroAffiche,
        objet: p.objet,
        rapporteur: p.rapporteur ?? '',
        acte: p.acte,
      }),
    })),
    ...closingEntries(seance.seance, f).map((texte) => ({ section: '', texte, sousPoints: [] })),
  ];
  const last = entries.length - 1;
  return entries.map((e, i) => ({
    ...e,
    texte: `${e.texte}${i === last ? f.convocation_fin_liste : f.convocation_fin_point}`,
  }));
}

/** The sentences of the convocation letter, in the collectivité's words (formulas `convocation_…`). */
function convocationLetter(seance: Seance, f: Formules, qualite: string) {
  const s = seance.seance;
  const values = seanceValues(seance, f);
  const points = letterEntries(seance, f);
  return {
    titre: {
      avant: formulaLines(f.convocation_titre_avant, values),
      texte: formulaLines(f.convocation_titre, values).join(' '),
      apres: formulaLines(f.convocation_titre_apres, values),
    } satisfies TitleBlock,
    date: s.convocation ? fillFormula(f.convocation_date, convocationDate(values)) : '',
    appel: f.convocation_appel,
    objet: fillFormula(f.convocation_objet, values),
    // Before the points are known (`points: []`), no ordre du jour to announce.
    ordreDuJour: points.length > 0 ? f.convocation_ordre_du_jour : '',
    points,
    notes: f.convocation_notes,
    salutations: f.convocation_salutations,
    signature: fillFormula(f.convocation_signature, { qualite }),
    /** `signatures_convocation: false`: no signature block at all. */
    signe: seance.collectivite.signatures_convocation ?? true,
  };
}

/**
 * Data of the convocation (CGCT L. 2121-10): the ordre du jour, the « notes jointes » mention
 * only when the population is known and the law requires the note (communes of 3 500 inhabitants
 * and more, L. 2121-12), the councillors it is sent to only when `elus` are declared.
 */
export function convocationContext(seance: Seance) {
  const { population, nature } = seance.collectivite;
  const b = baseContext(seance);
  return {
    ...b,
    points: agendaPoints(seance, b.formules),
    dateConvocation: seance.seance.convocation ? dateLongue(seance.seance.convocation) : '',
    lettre: convocationLetter(seance, b.formules, b.presidentQualite),
    notesJointes:
      nature === 'commune' && population !== undefined && population >= NOTE_DE_SYNTHESE_POPULATION,
    destinataires: (b.formules.convocation_destinataires === '' ? [] : (seance.elus ?? [])).map((e) =>
      fillFormula(b.formules.convocation_destinataire, {
        nom: e.civilite ? `${e.civilite} ${e.nom}` : e.nom,
        qualite: e.qualite ?? '',
      }),
    ),
  };
}
