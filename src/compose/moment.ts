/**
 * The moment of a point: before the vote (`projet`), voted (`adopte`), or an outcome without a
 * vote (`retire`, `ajourne`, `prend_acte`), or examined without its result stated (`examine`). It follows from the data — a vote recorded makes the
 * délibération adopted — unless the clerk states it with `statut`.
 *
 * @example
 * momentOf({ numero: 1, objet: 'Budget', deliberation: { articles: ['…'] } }) // 'projet'
 */
import type { Point, Statut } from '../schema/seance.ts';

export type Moment = Statut;

export function momentOf(point: Pick<Point, 'statut' | 'deliberation' | 'deroulement'>): Moment {
  if (point.statut) return point.statut;
  // The former spelling of `statut: retire` (kept working, with a warning of the statut rule).
  if (point.deroulement?.retire === true) return 'retire';
  return point.deliberation?.vote ? 'adopte' : 'projet';
}

/** True when the point's délibération is an act of the registre (voted, or « prend acte »). */
export function isAct(point: Pick<Point, 'statut' | 'deliberation' | 'deroulement'>): boolean {
  const moment = momentOf(point);
  return point.deliberation !== undefined && (moment === 'adopte' || moment === 'prend_acte');
}

/**
 * True when the liste des délibérations names the point: an act, an outcome without an act
 * (retiré, ajourné, with its délibération written), or a point examined whose result the YAML
 * does not state (`statut: examine`).
 */
export function isListed(point: Pick<Point, 'statut' | 'deliberation' | 'deroulement'>): boolean {
  return isAct(point) || momentOf(point) === 'examine';
}

/** True when the point's délibération is still a projet (before the vote). */
export function isProjet(point: Pick<Point, 'statut' | 'deliberation' | 'deroulement'>): boolean {
  return point.deliberation !== undefined && momentOf(point) === 'projet';
}

/** True when the point was withdrawn from the ordre du jour (`statut: retire`, or its former spelling). */
export function isWithdrawn(point: Pick<Point, 'statut' | 'deliberation' | 'deroulement'>): boolean {
  return momentOf(point) === 'retire';
}
