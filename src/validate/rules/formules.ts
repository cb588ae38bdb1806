/**
 * The collectivité's formulas: each `{nom}` must be one of the values its formula knows, or the
 * document would print the braces.
 */
import { FORMULES, type FormulaKey, placeholders } from '../../facts/formules.ts';
import { at, type Rule } from './context.ts';

export const formulesRule: Rule = (context) => {
  const own = context.collectivite?.formules ?? {};
  return Object.entries(own).flatMap(([key, text]) => {
    const spec = FORMULES[key as FormulaKey];
    if (!spec || typeof text !== 'string') return [];
    const allowed: readonly string[] = spec.valeurs;
    return placeholders(text)
      .filter((name) => !allowed.includes(name))
      .map((name) =>
        at(
          context,
          `/collectivite/formules/${key}`,
          'rule.formula',
          'erreur',
          `La formule « ${key} » contient {${name}}, qui n’est pas une valeur connue de cette formule.`,
          allowed.length > 0
            ? `Valeurs possibles : ${allowed.map((v) => `{${v}}`).join(', ')}.`
            : 'Cette formule ne prend aucune valeur : retirez les accolades.',
        ),
      );
  });
};
