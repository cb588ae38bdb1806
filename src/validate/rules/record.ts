/**
 * The séance record against the attendance: who arrives was not there, who leaves was, a public
 * ballot names each voter once and only members who could vote, a secret ballot names nobody.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { agreed, eluIndex, memberName, memberOf, sameMember } from '../../facts/elus.ts';
import { dayRestarts } from '../../facts/jours.ts';
import { afterMovements, namedProxies } from '../../facts/presences.ts';
import { continuedPart } from '../../facts/suites.ts';
import type { Presences, Vote } from '../../schema/seance.ts';
import { at, type Rule, type RuleContext } from './context.ts';

const SENSES = ['pour', 'contre', 'abstentions', 'ne_prend_pas_part'] as const;

const problemAt = (context: RuleContext) => (pointer: string, message: string, hint: string) =>
  at(context, pointer, 'rule.record', 'erreur', message, hint);

function checkNamedVote(
  context: RuleContext,
  vote: Vote,
  pointer: string,
  presences: Presences | undefined,
): Diagnostic[] {
  if ('unanimite' in vote) return [];
  const index = eluIndex(context.elus);
  const out: Diagnostic[] = [];
  const problem = problemAt(context);
  const seen: string[] = [];
  for (const sense of SENSES) {
    const list = vote[sense];
    if (!Array.isArray(list)) continue;
    list.forEach((ref, i) => {
      const here = `${pointer}/${sense}/${i}`;
      const member = memberOf(ref, index);
      const name = member.nom;
      if (vote.scrutin === 'secret') {
        out.push(
          problem(
            here,
            `Un scrutin secret ne nomme pas les votants (${name}).`,
            'Donnez le nombre de voix, pas les noms.',
          ),
        );
      } else if (seen.some((s) => sameMember(s, ref, index))) {
        out.push(
          problem(
            here,
            `${name} est ${agreed('nommé', member)} deux fois dans ce vote.`,
            'Chaque votant figure une seule fois, dans un seul sens.',
          ),
        );
      } else if (
        presences &&
        typeof presences.presents !== 'number' &&
        !presences.presents.some((p) => sameMember(p, ref, index)) &&
        !namedProxies(presences).some((p) => sameMember(p.mandant, ref, index))
      ) {
        out.push(
          problem(
            here,
            `${name} n’est ni ${agreed('présent', member)} ni ${agreed('représenté', member)} lors de ce vote.`,
            'Vérifiez le nom, ou les arrivées et départs notés sous « deroulement ».',
          ),
        );
      }
      seen.push(ref);
    });
  }
  return out;
}

export const recordRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const problem = problemAt(context);
  const index = eluIndex(context.elus);
  let current = context.seance?.presences;
  const restarts = context.seance ? dayRestarts(context.seance) : new Map<number, Presences>();
  for (const { index: i, point } of context.points) {
    current = restarts.get(point.numero) ?? current;
    const base = `/points/${i}/deroulement`;
    const list = (value: Presences['presents'] | undefined) =>
      typeof value === 'number' ? undefined : value;
    (point.deroulement?.arrivees ?? []).forEach((arrivee, j) => {
      if (list(current?.presents)?.some((p) => sameMember(p, arrivee.elu, index))) {
        out.push(
          problem(
            `${base}/arrivees/${j}/elu`,
            `${memberName(arrivee.elu, index)} arrive avant le point ${point.numero}, mais était déjà ${agreed('présent', memberOf(arrivee.elu, index))}.`,
            'Retirez cette arrivée, ou notez le départ qui l’a précédée.',
          ),
        );
      }
    });
    (point.deroulement?.departs ?? []).forEach((depart, j) => {
      const presents = list(current?.presents);
      if (presents && !presents.some((p) => sameMember(p, depart.elu, index))) {
        out.push(
          problem(
            `${base}/departs/${j}/elu`,
            `${memberName(depart.elu, index)} quitte la séance avant le point ${point.numero}, mais n’était pas ${agreed('présent', memberOf(depart.elu, index))}.`,
            'Vérifiez la clé ou le nom, ou notez son arrivée à un point précédent.',
          ),
        );
      }
    });
    if (current) current = afterMovements(current, point, index);
    const atVote = point.deliberation?.presences ?? current;
    if (point.deliberation?.vote) {
      out.push(...checkNamedVote(context, point.deliberation.vote, `/points/${i}/deliberation/vote`, atVote));
    }
    (point.deroulement?.amendements ?? []).forEach((a, j) => {
      if (a.vote) out.push(...checkNamedVote(context, a.vote, `${base}/amendements/${j}/vote`, atVote));
    });
  }
  out.push(
    ...placesOfSeanceEvents(context),
    ...approvalPlacedTwice(context),
    ...sommaireUnused(context),
    ...continuationsMisplaced(context),
  );
  return out;
};

/**
 * A part that continues a point (« suite_de: N ») comes after that point's chapter; one that
 * continues a part (« suite_de: "intitulé" ») names an earlier part of the list that is not itself
 * a continuation.
 */
function continuationsMisplaced(context: RuleContext): Diagnostic[] {
  const numbers = context.points.map((p) => p.point.numero);
  const parts = context.deroulement?.parties ?? [];
  const problem = problemAt(context);
  return parts.flatMap((part, k) => {
    const of = part.suite_de;
    const here = `/deroulement/parties/${k}`;
    if (typeof of === 'number') {
      if (!numbers.includes(of)) {
        return [
          problem(
            `${here}/suite_de`,
            `Aucun point ne porte le numéro ${of}.`,
            `Écrivez le numéro d’un point de l’ordre du jour (${numbers.join(', ')}).`,
          ),
        ];
      }
      const after = part.apres_point === undefined ? -1 : numbers.indexOf(part.apres_point);
      return after >= numbers.indexOf(of)
        ? []
        : [
            problem(
              part.apres_point === undefined ? `${here}/suite_de` : `${here}/apres_point`,
              `La suite du point ${of} vient avant son chapitre.`,
              `Placez-la après lui : « apres_point: ${of} » ou le numéro d’un point suivant.`,
            ),
          ];
    }
    if (of === undefined) return [];
    return continuedPart(parts, k) >= 0
      ? []
      : [
          problem(
            `${here}/suite_de`,
            `Aucune partie avant celle-ci n’a pour intitulé « ${of} ».`,
            'Écrivez l’intitulé exact (« titre ») d’une partie précédente de la liste, ou le numéro d’un point.',
          ),
        ];
  });
}

/** A point's « suite_sommaire » is printed only in the PV's sommaire: without one, it is lost. */
function sommaireUnused(context: RuleContext): Diagnostic[] {
  // Unknown when the collectivité did not pass the schema: no warning then.
  const wanted =
    context.deroulement?.sommaire ?? (context.collectivite ? context.collectivite.sommaire_pv : true);
  if (wanted) return [];
  return context.points
    .filter(({ point }) => point.suite_sommaire !== undefined)
    .map(({ point, index }) =>
      at(
        context,
        `/points/${index}/suite_sommaire`,
        'rule.record',
        'avertissement',
        `« suite_sommaire » du point ${point.numero} n’est imprimée nulle part : le procès-verbal de cette séance n’a pas de sommaire.`,
        'Demandez le sommaire (« collectivite.sommaire_pv: true » ou « deroulement.sommaire: true »), ou retirez « suite_sommaire ».',
      ),
    );
}

/**
 * The previous PV approved as a point (« pv_precedent.point ») is printed in that point's
 * chapter: a « position_approbation_pv » the collectivité gives is then not followed.
 */
function approvalPlacedTwice(context: RuleContext): Diagnostic[] {
  const numero = context.deroulement?.pv_precedent?.point;
  const position = context.collectivite?.position_approbation_pv;
  if (numero === undefined || position === undefined) return [];
  return [
    at(
      context,
      '/collectivite/position_approbation_pv',
      'rule.record',
      'avertissement',
      `« position_approbation_pv: ${position} » n’est pas suivie : le procès-verbal précédent est approuvé au point ${numero} (« deroulement.pv_precedent.point »), et imprimé dans son chapitre.`,
      'Retirez « point » de « pv_precedent » pour imprimer l’approbation à cette place, ou retirez « position_approbation_pv » pour cette séance.',
    ),
  ];
}

/**
 * A suspension or an incident placed « apres_point », the previous PV's approval at its « point »,
 * and a later day of the séance starting with its « premier_point » name a point of the ordre du jour.
 */
function placesOfSeanceEvents(context: RuleContext): Diagnostic[] {
  const numbers = context.points.map((p) => p.point.numero);
  const r = context.deroulement;
  const events = [
    ...(r?.suspensions ?? []).map((e, i) => ({
      numero: e.apres_point,
      pointer: `/deroulement/suspensions/${i}/apres_point`,
    })),
    ...(r?.incidents ?? []).map((e, i) => ({
      numero: e.apres_point,
      pointer: `/deroulement/incidents/${i}/apres_point`,
    })),
    { numero: r?.pv_precedent?.point, pointer: '/deroulement/pv_precedent/point' },
    ...(r?.parties ?? []).map((e, i) => ({
      numero: e.apres_point,
      pointer: `/deroulement/parties/${i}/apres_point`,
    })),
    ...(context.seance?.jours_suivants ?? []).map((day, i) => ({
      numero: typeof day === 'string' ? undefined : day.premier_point,
      pointer: `/seance/jours_suivants/${i}/premier_point`,
    })),
  ];
  return events
    .filter(({ numero }) => numero !== undefined && !numbers.includes(numero))
    .map(({ numero, pointer }) =>
      problemAt(context)(
        pointer,
        `Aucun point ne porte le numéro ${numero}.`,
        `Écrivez le numéro d’un point de l’ordre du jour (${numbers.join(', ')}).`,
      ),
    );
}
