/**
 * SIRET check digit: a SIRET that passes the schema's 14 digits but fails the Luhn key was almost
 * certainly mistyped (one digit wrong or two swapped).
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** La Poste's establishments: their SIRETs follow another rule (digit sum divisible by 5). */
const LA_POSTE_SIREN = '356000000';

/**
 * True when `siret` (14 digits) has a valid check key.
 *
 * @example
 * siretKeyValid('21999099900019') // true
 * siretKeyValid('21999099900017') // false
 */
export function siretKeyValid(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith(LA_POSTE_SIREN)) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i] ?? 0;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function check(siret: string | undefined, pointer: string, context: Parameters<Rule>[0]): Diagnostic[] {
  if (siret === undefined || siretKeyValid(siret)) return [];
  return [
    at(
      context,
      pointer,
      'rule.siret',
      'erreur',
      `Le SIRET « ${siret} » n’est pas valide : sa clé de contrôle ne correspond pas (un chiffre est sans doute erroné ou deux chiffres sont inversés).`,
      'Recopiez les 14 chiffres depuis l’avis de situation au répertoire SIRENE (annuaire-entreprises.data.gouv.fr).',
    ),
  ];
}

/** The collectivité's SIRET and each convention party's. */
export const siretRule: Rule = (context) => [
  ...check(context.collectivite?.siret, '/collectivite/siret', context),
  ...context.points.flatMap(({ index, point }) =>
    (point.annexes ?? []).flatMap((annexe, a) =>
      'convention' in annexe
        ? annexe.convention.parties.flatMap((partie, p) =>
            check(partie.siret, `/points/${index}/annexes/${a}/convention/parties/${p}/siret`, context),
          )
        : [],
    ),
  ),
];
