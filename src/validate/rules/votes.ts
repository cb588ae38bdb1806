/**
 * Vote arithmetic: pour + contre + abstentions (+ ne prend pas part) = votants = présents + représentés.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { eluIndex } from '../../facts/elus.ts';
import { voteFacts } from '../../facts/vote.ts';
import { at, count, presencesOf, type Rule } from './context.ts';

/** Checks each délibération's vote against the presences that apply to it. */
export const voteRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const clean of context.points) {
    const deliberation = clean.point.deliberation;
    if (!deliberation) continue;
    const base = `/points/${clean.index}/deliberation`;
    const applicable = presencesOf(context, clean);
    if (!applicable) {
      if (context.seance) {
        out.push(
          at(
            context,
            base,
            'rule.attendance-sum',
            'erreur',
            `Présences inconnues pour la délibération du point ${clean.point.numero}.`,
            'Ajoutez « presences » sous « seance » (ou sous la délibération) : présents, représentés, absents.',
          ),
        );
      }
      continue;
    }
    if (clean.point.deroulement?.retire) continue;
    const vote = voteFacts(deliberation.vote, eluIndex(context.elus));
    if (vote.unanimite) continue;
    const votants = count(applicable.presences.presents) + applicable.presences.representes.length;
    const npp = vote.nePrendPasPart;
    const sum = vote.pour + vote.contre + vote.abstentions + npp;
    if (sum !== votants) {
      const detail = `pour (${vote.pour}) + contre (${vote.contre}) + abstentions (${vote.abstentions})${
        vote.nePrendPasPartEcrit ? ` + ne prend pas part (${npp})` : ''
      } = ${sum}`;
      out.push(
        at(
          context,
          `${base}/vote`,
          'rule.vote-sum',
          'erreur',
          `Décompte des votes incohérent : ${detail}, mais il y a ${votants} votants (présents + représentés).`,
          applicable.pointer === '/seance/presences'
            ? 'Corrigez le décompte, notez les arrivées et départs sous « deroulement » du point, ou donnez sous « deliberation » les présences lors de ce vote.'
            : 'Corrigez le décompte ou les présences de ce point.',
        ),
      );
    }
  }
  return out;
};
