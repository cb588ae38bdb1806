/**
 * The words of a séance that the convocation's and the ordre du jour's formulas may write: its
 * date in several forms, its hour in figures or in words, its place and session, each also in
 * capitals (with or without accents, as the collectivité writes them). Lines of a title formula
 * are filled one by one; a line left empty is not printed.
 *
 * @example
 * seanceValues(seance, formules).date_jour // 'vendredi 18 novembre 2016'
 * formulaLines('Réunion du {jj}.{mm}.{aaaa}\n[{lieu}]', values) // ['Réunion du 18.11.2016']
 */

import { isAct } from '../compose/moment.ts';
import { eluIndex } from '../facts/elus.ts';
import { type Formules, fillFormula, type SEANCE_MOTS } from '../facts/formules.ts';
import { perObject } from '../per-object.ts';
import type { Seance } from '../schema/seance.ts';
import { instanceForms } from './grammar.ts';
import { anneeEnLettresAvec } from './helpers/date-en-lettres.ts';
import { heure, parseTime } from './helpers/heure.ts';
import {
  dateAvecJour,
  dateCourte,
  dateEnLettres,
  dateLongue,
  heureEnLettres,
  jourMoisEnLettres,
} from './helpers/index.ts';
import { MONTHS, parseIsoDate, WEEKDAYS } from './helpers/iso-date.ts';
import { printedMember, seanceDays } from './seance-text.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** « 20 heures 30 », « 20 heures », « 1 heure » (figures, non-breaking spaces). */
export function heureLongue(value: string): string {
  const { hours, minutes } = parseTime(value, 'heure');
  const word = hours >= 2 ? 'heures' : 'heure';
  return `${hours}\u00A0${word}${minutes === 0 ? '' : `\u00A0${pad(minutes)}`}`;
}

/** Capitals without accents (« 25 FEVRIER 2021 »), as some collectivités write their titles. */
export const withoutAccents = (text: string): string => text.normalize('NFD').replace(/\p{Mn}/gu, '');

/**
 * The range of the séance's act numbers ({actes}, formula `plage_actes`): as `deroulement.actes`
 * states it, else from the first and last act the points carry; one act alone is its number;
 * none: empty (the formula's bracketed part then drops).
 */
export function actRange(seance: Seance, f: Formules): string {
  const stated = seance.deroulement?.actes;
  const numbers = seance.points.flatMap((p) =>
    isAct(p) && p.deliberation?.numero ? [p.deliberation.numero] : [],
  );
  const premier = stated?.premier ?? numbers[0];
  const dernier = stated?.dernier ?? numbers[numbers.length - 1];
  if (premier === undefined || dernier === undefined) return '';
  return premier === dernier ? premier : fillFormula(f.plage_actes, { premier, dernier });
}

/** Every value a title formula knows (`SEANCE_VALEURS`), for this séance. */
export function seanceValues(seance: Seance, f: Formules): Readonly<Record<string, string>> {
  // Asked for by every document, line by line, and it goes over every point (the acts' range):
  // once per séance and formulas. Frozen, since every caller shares it.
  const byFormules = VALUES(seance);
  const known = byFormules.get(f);
  if (known) return known;
  const made = Object.freeze(valuesOf(seance, f));
  byFormules.set(f, made);
  return made;
}

const VALUES = perObject<Seance, Formules, Readonly<Record<string, string>>>();

function valuesOf(seance: Seance, f: Formules): Record<string, string> {
  const s = seance.seance;
  const date = parseIsoDate(s.date, 'date');
  const days = seanceDays(s);
  const hour = s.heure;
  const convocation = s.convocation;
  const words: Record<(typeof SEANCE_MOTS)[number], string> = {
    instance: seance.instance,
    date: dateLongue(s.date),
    date_jour: dateAvecJour(s.date),
    jour_semaine: WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? '',
    mois: MONTHS[date.month - 1] ?? '',
    lieu: s.lieu ?? '',
    session: s.session ?? '',
    seance_du: fillFormula(f.seance_du, {
      ...days,
      date_jour: dateAvecJour(s.date),
      session: s.session ?? '',
    }),
    heure_compacte: hour ? hour.replace(':', 'h') : '',
  };
  const values: Record<string, string> = {
    ...words,
    ...instanceForms(seance.instance, seance.genre_instance),
    date_chiffres: dateCourte(s.date),
    jour: dateLongue(s.date).split(' ')[0] ?? '',
    jj: pad(date.day),
    mm: pad(date.month),
    aaaa: String(date.year),
    dates: days.dates,
    heure: hour ? heure(hour) : '',
    heure_longue: hour ? heureLongue(hour) : '',
    heure_lettres: hour ? heureEnLettres(hour) : '',
    jour_mois: jourMoisEnLettres(s.date),
    annee: anneeEnLettresAvec(s.date, f.mille),
    date_lettres: dateEnLettres(s.date),
    president: printedMember(s.president.nom, eluIndex(seance.elus), f),
    qualite_president: s.president.qualite,
    convocation: convocation ? dateLongue(convocation) : '',
    convocation_jour: convocation ? dateAvecJour(convocation) : '',
    convocation_chiffres: convocation ? dateCourte(convocation) : '',
    convocation_jour_mois: convocation ? jourMoisEnLettres(convocation) : '',
    convocation_annee: convocation ? anneeEnLettresAvec(convocation, f.mille) : '',
    actes: actRange(seance, f),
  };
  for (const [name, text] of Object.entries(words)) {
    const upper = text.toLocaleUpperCase('fr-FR');
    values[`${name}_majuscules`] = upper;
    values[`${name}_majuscules_sans_accents`] = withoutAccents(upper);
  }
  return values;
}

/** The lines of a formula (one per line break), each filled; lines left empty are dropped. */
export function formulaLines(text: string, values: Readonly<Record<string, string>>): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => fillFormula(line, values).trim())
    .filter((line) => line !== '');
}
