/**
 * `collectivite.departement` (the préfecture's, for @ctes) against the départements of the header
 * (`departements[].numero`): a collectivité lies in the département of its préfecture, so when the
 * header's départements carry numbers, one of them should be that one (a typing slip otherwise).
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** Warns when no numbered département of the header is `departement`. */
export const departementsRule: Rule = (context) => {
  const c = context.collectivite;
  const numbers = (c?.departements ?? []).flatMap((d) => (d.numero === undefined ? [] : [d.numero]));
  if (c === undefined || numbers.length === 0 || numbers.includes(c.departement)) return [];
  const out: Diagnostic[] = [
    at(
      context,
      '/collectivite/departement',
      'rule.departement',
      'avertissement',
      `Le département « ${c.departement} » n’est aucun des départements de l’en-tête (${numbers.join(', ')}).`,
      'Corrigez « departement » (celui de la préfecture) ou le « numero » d’un des « departements ».',
    ),
  ];
  return out;
};
