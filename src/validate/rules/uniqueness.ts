/**
 * Unique point numbers and unique act numbers.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** Each point number and each act number appears once; the later duplicate is reported. */
export const uniquenessRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const numbers = new Map<number, number>();
  const acts = new Map<string, number>();
  for (const { index, point } of context.points) {
    const first = numbers.get(point.numero);
    if (first === undefined) numbers.set(point.numero, index);
    else {
      out.push(
        at(
          context,
          `/points/${index}/numero`,
          'rule.duplicate-point',
          'erreur',
          `Le numéro ${point.numero} est déjà utilisé par le point en position ${first + 1} de la liste.`,
          'Numérotez les points sans doublon, dans l’ordre du jour.',
        ),
      );
    }
    const act = point.deliberation?.numero;
    if (act === undefined) continue;
    const firstAct = acts.get(act);
    if (firstAct === undefined) acts.set(act, index);
    else {
      out.push(
        at(
          context,
          `/points/${index}/deliberation/numero`,
          'rule.duplicate-act',
          'erreur',
          `Le numéro d’acte « ${act} » est déjà celui de la délibération du point placé en position ${firstAct + 1}.`,
          'Un numéro d’acte est unique dans la collectivité : donnez-en un autre.',
        ),
      );
    }
  }
  return out;
};
