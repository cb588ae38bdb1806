/**
 * Vote arithmetic: pour + contre + abstentions (+ ne prend pas part) = votants = présents + représentés,
 * checked only when both the vote and the presences are stated.
 */

import { isWithdrawn } from '../../compose/moment.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { eluIndex } from '../../facts/elus.ts';
import { proxyCount } from '../../facts/presences.ts';
import { voteFacts } from '../../facts/vote.ts';
import { at, count, presencesOf, type Rule } from './context.ts';

/** Checks each délibération's vote against the presences that apply to it. */
export const voteRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const clean of context.points) {
    const written = clean.point.deliberation?.vote;
    // Only what is stated is checked: no vote, or no presences to count it against, nothing to check.
    if (!written || 'unanimite' in written) continue;
    const base = `/points/${clean.index}/deliberation`;
    const applicable = presencesOf(context, clean);
    if (!applicable || isWithdrawn(clean.point)) continue;
    const facts = voteFacts(written, eluIndex(context.elus));
    const votants = count(applicable.presences.presents) + proxyCount(applicable.presences);
    const vote = facts;
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
