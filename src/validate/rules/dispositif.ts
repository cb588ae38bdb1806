/**
 * A délibération without any article (`articles: []`): allowed, since no law makes articles the
 * only form of a decision and a transcription of a cut source must not invent them, but said for
 * an adopted act or a projet (its dispositif is not written, nothing states what is decided). A
 * « prend acte » states its decision by its verb (`decision_prend_acte`): nothing to say. The same for
 * an annexed convention without any article (a model transcribed from a source cut before them).
 */
import { momentOf } from '../../compose/moment.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** Warns at `articles: []` of an act that is not a « prend acte », and of a convention. */
export const dispositifRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const { point, index } of context.points) {
    const articles = point.deliberation?.articles;
    if (articles === undefined || articles.length > 0 || momentOf(point) === 'prend_acte') continue;
    out.push(
      at(
        context,
        `/points/${index}/deliberation/articles`,
        'rule.dispositif',
        'avertissement',
        `La délibération du point ${point.numero} n’a aucun article : rien ne dit ce qui est décidé.`,
        'Écrivez ses articles sous « articles », ou laissez la liste vide si la source que vous transcrivez s’arrête avant le dispositif.',
      ),
    );
  }
  for (const { point, index } of context.points) {
    (point.annexes ?? []).forEach((annexe, j) => {
      if (!('convention' in annexe) || annexe.convention.articles.length > 0) return;
      out.push(
        at(
          context,
          `/points/${index}/annexes/${j}/convention/articles`,
          'rule.dispositif',
          'avertissement',
          `La convention « ${annexe.convention.titre.slice(0, 60)} » du point ${point.numero} n’a aucun article : rien ne dit ce qui est convenu.`,
          'Écrivez ses articles sous « articles », ou laissez la liste vide si la source que vous transcrivez s’arrête avant eux.',
        ),
      );
    });
  }
  return out;
};
