/**
 * Élus referred to by key: each key is declared once under `elus`, and every reference written
 * as a key (attendance, proxies, votes, interventions…) names a declared élu.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { isKey } from '../../facts/elus.ts';
import { closest } from '../suggest.ts';
import { at, type Rule } from './context.ts';

/**
 * Where a member may be referred to, as JSON pointers with `*` for any array index: the places a
 * key is checked. A new field holding a member is one line here.
 */
export const MEMBER_PLACES: readonly string[] = [
  '/seance/president/nom',
  '/seance/secretaire',
  '/seance/secretaires/*/nom',
  '/seance/presences/excuses/*',
  '/points/*/deliberation/presences/excuses/*',
  '/seance/presences/presents/*',
  '/seance/presences/absents/*',
  '/seance/presences/representes/*/mandant',
  '/seance/presences/representes/*/mandataire',
  '/points/*/rapporteur',
  '/points/*/deliberation/presences/presents/*',
  '/points/*/deliberation/presences/absents/*',
  '/points/*/deliberation/presences/representes/*/mandant',
  '/points/*/deliberation/presences/representes/*/mandataire',
  '/points/*/deliberation/vote/pour/*',
  '/points/*/deliberation/vote/contre/*',
  '/points/*/deliberation/vote/abstentions/*',
  '/points/*/deliberation/vote/ne_prend_pas_part/*',
  '/points/*/deroulement/arrivees/*/elu',
  '/points/*/deroulement/departs/*/elu',
  '/points/*/deroulement/departs/*/pouvoir_a',
  '/points/*/deroulement/interventions/*/elu',
  '/points/*/deroulement/amendements/*/auteur',
  '/points/*/deroulement/amendements/*/vote/pour/*',
  '/points/*/deroulement/amendements/*/vote/contre/*',
  '/points/*/deroulement/amendements/*/vote/abstentions/*',
  '/points/*/deroulement/amendements/*/vote/ne_prend_pas_part/*',
  '/points/*/deroulement/demandes_scrutin/*/par/*',
  '/deroulement/election_secretaire/vote/pour/*',
  '/deroulement/election_secretaire/vote/contre/*',
  '/deroulement/election_secretaire/vote/abstentions/*',
  '/deroulement/election_secretaire/vote/ne_prend_pas_part/*',
  '/deroulement/pv_precedent/vote/pour/*',
  '/deroulement/pv_precedent/vote/contre/*',
  '/deroulement/pv_precedent/vote/abstentions/*',
  '/deroulement/pv_precedent/vote/ne_prend_pas_part/*',
  '/deroulement/pv_precedent/corrections/*/par',
  '/deroulement/questions_orales/*/auteur',
  '/deroulement/questions_orales/*/repondant',
];

/** Every string found at `pattern` under `root`, with its JSON pointer. */
export function valuesAt(root: unknown, pattern: string): { pointer: string; value: string }[] {
  let found: { pointer: string; node: unknown }[] = [{ pointer: '', node: root }];
  for (const step of pattern.split('/').slice(1)) {
    const next: { pointer: string; node: unknown }[] = [];
    for (const { pointer, node } of found) {
      if (step === '*') {
        // for…in skips the holes left by points that failed the schema.
        if (Array.isArray(node))
          for (const i in node) next.push({ pointer: `${pointer}/${i}`, node: node[i] });
      } else if (typeof node === 'object' && node !== null && !Array.isArray(node) && step in node) {
        next.push({ pointer: `${pointer}/${step}`, node: (node as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found.flatMap(({ pointer, node }) => (typeof node === 'string' ? [{ pointer, value: node }] : []));
}

export const membersRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const keys: string[] = [];
  (context.elus ?? []).forEach((elu, i) => {
    if (keys.includes(elu.cle)) {
      out.push(
        at(
          context,
          `/elus/${i}/cle`,
          'rule.duplicate-member',
          'erreur',
          `La clé « ${elu.cle} » est déjà celle d’un autre élu.`,
          'Chaque élu a sa propre clé : ajoutez par exemple l’initiale du prénom.',
        ),
      );
    } else keys.push(elu.cle);
  });
  // Only the parts that passed the schema, at their original indices.
  const points: unknown[] = [];
  for (const { index, point } of context.points) points[index] = point;
  const root = { seance: context.seance, points, deroulement: context.deroulement };
  for (const pattern of MEMBER_PLACES) {
    for (const { pointer, value } of valuesAt(root, pattern)) {
      if (!isKey(value) || keys.includes(value)) continue;
      const guess = closest(value, keys);
      out.push(
        at(
          context,
          pointer,
          'rule.member-key',
          'erreur',
          keys.length === 0
            ? `« ${value} » ressemble à une clé d’élu, mais la séance ne déclare aucun élu sous « elus ».`
            : `Aucun élu n’a la clé « ${value} »${guess ? ` : vouliez-vous dire « ${guess} » ?` : '.'}`,
          keys.length === 0
            ? 'Déclarez les élus sous « elus » (cle, nom), ou écrivez le prénom et le nom en entier.'
            : 'Écrivez la clé d’un élu déclaré sous « elus », ou le prénom et le nom en entier.',
        ),
      );
    }
  }
  return out;
};
