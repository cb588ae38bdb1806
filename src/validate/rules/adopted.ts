/**
 * What the clerk states about a point's moment: `statut: adopte` asks for a complete act (so
 * what is missing is said, located), an outcome without a vote (`retire`, `ajourne`,
 * `prend_acte`) cannot carry one. Without `statut`, nothing is asked: a point without a vote is
 * a projet.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, presencesOf, type Rule } from './context.ts';

const OUTCOMES = {
  retire: 'retiré de l’ordre du jour',
  ajourne: 'ajourné',
  prend_acte: 'dont l’assemblée prend acte',
  examine: 'examiné sans que son résultat soit indiqué',
} as const;

/** Checks each point's `statut` against its data. */
export const adoptedRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const clean of context.points) {
    const { point, index } = clean;
    const here = `/points/${index}`;
    const former = point.deroulement?.retire === true;
    if (former) {
      out.push(
        at(
          context,
          `${here}/deroulement/retire`,
          'rule.deprecated',
          'avertissement',
          `Point ${point.numero} : « deroulement: { retire: true } » est l’ancienne écriture de « statut: retire ».`,
          'Écrivez « statut: retire » sous le point et supprimez « retire » de « deroulement » (« motif_retrait » y reste).',
        ),
      );
      if (point.statut !== undefined && point.statut !== 'retire') {
        out.push(
          at(
            context,
            `${here}/statut`,
            'rule.statut',
            'erreur',
            `Le point ${point.numero} est à la fois « ${point.statut} » et retiré de l’ordre du jour.`,
            'Gardez un seul statut : « statut: retire » si le point a été retiré.',
          ),
        );
      }
    }
    const statut = point.statut ?? (former ? 'retire' : undefined);
    if (statut === 'retire' || statut === 'ajourne' || statut === 'prend_acte' || statut === 'examine') {
      if (point.deliberation?.vote) {
        out.push(
          at(
            context,
            `${here}/deliberation/vote`,
            'rule.statut',
            'erreur',
            `Le point ${point.numero} est ${OUTCOMES[statut]} : il n’a pas de vote.`,
            'Retirez le vote, ou retirez « statut » si la délibération a été votée.',
          ),
        );
      }
      continue;
    }
    if (statut !== 'adopte') continue;
    const missing = (pointer: string, message: string, hint: string, key?: string) =>
      out.push(at(context, pointer, 'rule.act-incomplete', 'erreur', message, hint, key));
    const deliberation = point.deliberation;
    if (!deliberation) {
      missing(
        here,
        `Le point ${point.numero} est déclaré adopté, mais il n’a pas de délibération.`,
        'Ajoutez « deliberation » (articles, vote), ou retirez « statut: adopte » pour un point d’information.',
        'statut',
      );
      continue;
    }
    const base = `${here}/deliberation`;
    if (!deliberation.vote) {
      missing(
        base,
        `La délibération du point ${point.numero} est déclarée adoptée, mais son vote n’est pas indiqué.`,
        'Ajoutez sous « deliberation » vote: { unanimite: true } ou le décompte pour, contre, abstentions.',
      );
    }
    if (deliberation.numero === undefined) {
      missing(
        base,
        `La délibération du point ${point.numero} est déclarée adoptée, mais n’a pas de numéro d’acte.`,
        'Ajoutez sous « deliberation » numero: "…" (1 à 15 caractères parmi A-Z, 0-9 et « _ »).',
      );
    }
    if (context.seance && !presencesOf(context, clean)) {
      missing(
        base,
        `Les présences lors du vote du point ${point.numero} ne sont pas indiquées.`,
        'Ajoutez « presences » sous « seance » (ou sous la délibération) : présents, représentés, absents.',
      );
    }
  }
  return out;
};
