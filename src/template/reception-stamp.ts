/**
 * The préfecture's receipt stamp (« accusé de réception ») as the collectivité words it: printed
 * only when the séance gives the date of the receipt, each line of the formula a line of the
 * stamp, every date in figures or in words as the formula asks, an absent fact leaving out its
 * part in brackets. No blank is ever filled in for a stamp: it states what the préfecture returned.
 *
 * @example
 * stampLines('Reçu le {reception_chiffres}[ à {heure_reception}]', { reception: '2025-07-10' }) // ['Reçu le 10/07/2025']
 */
import type { Seance, Transmission } from '../schema/seance.ts';
import { dateAvecJour } from './helpers/date-avec-jour.ts';
import { dateCourte } from './helpers/date-courte.ts';
import { dateLongue } from './helpers/date-longue.ts';
import { formulaLines } from './seance-values.ts';

const long = (iso: string | undefined) => (iso ? dateLongue(iso) : '');
const figures = (iso: string | undefined) => (iso ? dateCourte(iso) : '');

/**
 * Every value of the transmission the exécutoire mention and the stamp know. `blank` stands for an
 * absent transmission or publication date (the dots of `a_remplir`); the stamp never has one.
 */
export function transmissionValues(t: Transmission | undefined, blank = '') {
  const dated = (iso: string | undefined, write: (d: string) => string) => (iso ? write(iso) : blank);
  return {
    prefecture: dated(t?.prefecture, dateLongue),
    prefecture_chiffres: dated(t?.prefecture, dateCourte),
    prefecture_jour: dated(t?.prefecture, dateAvecJour),
    publication: dated(t?.publication, dateLongue),
    publication_chiffres: dated(t?.publication, dateCourte),
    signature: long(t?.signature),
    signature_chiffres: figures(t?.signature),
    identifiant: t?.identifiant ?? '',
    reception: long(t?.reception),
    reception_chiffres: figures(t?.reception),
    reception_jour: t?.reception ? dateAvecJour(t.reception) : '',
    heure_reception: t?.heure_reception ?? '',
    affichage: long(t?.affichage),
    affichage_chiffres: figures(t?.affichage),
    executoire: long(t?.executoire),
    executoire_chiffres: figures(t?.executoire),
  };
}

/** The lines of the stamp, or none when the séance does not say when the préfecture received the act. */
export function stampLines(formula: string, t: Transmission | undefined): string[] {
  if (!t?.reception) return [];
  return formulaLines(formula, transmissionValues(t));
}

/** The receipt stamp's lines and where the collectivité prints them (by default with the mention). */
export function receptionStampContext(seance: Seance, formula: string, written: Transmission | undefined) {
  const place = seance.collectivite.position_accuse_reception ?? seance.collectivite.position_executoire;
  const lignes = stampLines(formula, written);
  return { lignes, haut: lignes.length > 0 && place === 'haut', bas: lignes.length > 0 && place !== 'haut' };
}
