/**
 * The collectivité's formulas, a convention's own page lines and a party's own `formule`: each `{nom}` must be one
 * of the values its formula knows, or the document would print the braces.
 */
import { FORMULES, type FormulaKey, numberPairs, placeholders } from '../../facts/formules.ts';
import { at, type Rule } from './context.ts';

function unknownValues(context: Parameters<Rule>[0], key: FormulaKey, text: string, pointer: string) {
  const allowed: readonly string[] = FORMULES[key].valeurs;
  // A singular/plural pair needs a number to choose by: the formulas that know {s}.
  const pairs = allowed.includes('s')
    ? []
    : numberPairs(text).map((pair) =>
        at(
          context,
          pointer,
          'rule.formula',
          'erreur',
          `La formule « ${key} » contient ${pair}, mais elle ne compte rien : rien ne dit s’il faut le singulier ou le pluriel.`,
          'Écrivez le mot voulu sans accolades ; une paire {singulier|pluriel} s’écrit dans les libellés des listes (« presents_noms », « excuses_noms »…).',
        ),
      );
  return placeholders(text)
    .filter((name) => !allowed.includes(name))
    .map((name) =>
      at(
        context,
        pointer,
        'rule.formula',
        'erreur',
        `La formule « ${key} » contient {${name}}, qui n’est pas une valeur connue de cette formule.`,
        allowed.length > 0
          ? `Valeurs possibles : ${allowed.map((v) => `{${v}}`).join(', ')}.`
          : 'Cette formule ne prend aucune valeur : retirez les accolades.',
      ),
    )
    .concat(pairs);
}

export const formulesRule: Rule = (context) => {
  const own = context.collectivite?.formules ?? {};
  const collectivite = Object.entries(own).flatMap(([key, text]) => {
    if (!(key in FORMULES) || typeof text !== 'string') return [];
    return unknownValues(context, key as FormulaKey, text, `/collectivite/formules/${key}`);
  });
  const pages = context.points.flatMap(({ index, point }) =>
    (point.annexes ?? []).flatMap((annexe, j) =>
      'convention' in annexe
        ? Object.entries(annexe.convention.formules_page ?? {}).flatMap(([key, text]) =>
            typeof text === 'string'
              ? unknownValues(
                  context,
                  key as FormulaKey,
                  text,
                  `/points/${index}/annexes/${j}/convention/formules_page/${key}`,
                )
              : [],
          )
        : [],
    ),
  );
  const parties = context.points.flatMap(({ index, point }) =>
    (point.annexes ?? []).flatMap((annexe, j) =>
      'convention' in annexe
        ? annexe.convention.parties.flatMap((partie, k) =>
            partie.formule === undefined
              ? []
              : unknownValues(
                  context,
                  'partie',
                  partie.formule,
                  `/points/${index}/annexes/${j}/convention/parties/${k}/formule`,
                ),
          )
        : [],
    ),
  );
  return [...collectivite, ...pages, ...parties];
};
