/**
 * The French helpers of the templates: pure functions, no Handlebars here (the template
 * environment binds them). Each throws an Error with a French message naming the bad value.
 *
 * @example
 * frenchHelpers.dateLongue('2023-03-01') // '1er mars 2023'
 * frenchHelpers.pluriel(3, 'abstention') // '3\u00A0abstentions'
 */
import { dateAvecJour } from './date-avec-jour.ts';
import { dateCourte } from './date-courte.ts';
import { anneeEnLettres, dateEnLettres, jourMoisEnLettres } from './date-en-lettres.ts';
import { dateLongue } from './date-longue.ts';
import { heure } from './heure.ts';
import { heureEnLettres } from './heure-en-lettres.ts';
import { listeNoms } from './liste-noms.ts';
import { majuscule } from './majuscule.ts';
import { montant } from './montant.ts';
import { montantEnLettres } from './montant-en-lettres.ts';
import { nombre } from './nombre.ts';
import { nombreEnLettres } from './nombre-en-lettres.ts';
import { ordinal } from './ordinal.ts';
import { accord, pluriel } from './pluriel.ts';

export type { HeureEnLettresOptions } from './heure-en-lettres.ts';
export type { ListeNomsOptions } from './liste-noms.ts';
export type { MontantOptions } from './montant.ts';
export type { NombreOptions } from './nombre.ts';
export type { NombreEnLettresOptions } from './nombre-en-lettres.ts';
export type { Genre } from './ordinal.ts';
export {
  accord,
  anneeEnLettres,
  dateAvecJour,
  dateCourte,
  dateEnLettres,
  dateLongue,
  heure,
  heureEnLettres,
  jourMoisEnLettres,
  listeNoms,
  majuscule,
  montant,
  montantEnLettres,
  nombre,
  nombreEnLettres,
  ordinal,
  pluriel,
};

/**
 * Every French helper by the name templates call it. Arguments are positional
 * (`{{ordinal 1 "f"}}`, `{{pluriel n "abstention"}}`); when binding, drop the trailing Handlebars
 * options object (never pass it on: `ordinal(1, hbOptions)` would reject it as a genre, and
 * `pluriel(3, 'voix', hbOptions)` would print it) and, for the helpers in
 * HELPERS_WITH_OPTIONS, pass its `hash` as the last argument (`{{montant x centimes=false}}`).
 */
export const frenchHelpers = {
  accord,
  anneeEnLettres,
  dateAvecJour,
  dateCourte,
  dateEnLettres,
  dateLongue,
  heure,
  heureEnLettres,
  jourMoisEnLettres,
  listeNoms,
  majuscule,
  montant,
  montantEnLettres,
  nombre,
  nombreEnLettres,
  ordinal,
  pluriel,
} as const;

/**
 * The helpers whose last parameter is a readonly options object, filled from the template's
 * hash arguments: `{{nombreEnLettres 21 feminin=true}}`, `{{heureEnLettres h midiMinuit=false}}`,
 * `{{montant x centimes=false}}`, `{{nombre x decimales=2}}`, `{{listeNoms noms conjonction="ou"}}`.
 *
 * @example
 * HELPERS_WITH_OPTIONS.has('montant') // true
 */
export const HELPERS_WITH_OPTIONS: ReadonlySet<keyof typeof frenchHelpers> = new Set([
  'heureEnLettres',
  'listeNoms',
  'montant',
  'nombre',
  'nombreEnLettres',
]);
