/**
 * The facts of one point, derived once from the séance: the attendance at its vote and its vote.
 * The délibération, the liste des délibérations, the procès-verbal and the open data export all
 * read them from here, so they can never disagree.
 *
 * @example
 * const { presences, vote } = pointFacts(seance, seance.points[4]);
 */
import { isWithdrawn } from '../compose/moment.ts';
import type { Point, Presences, Seance } from '../schema/seance.ts';
import { eluIndex } from './elus.ts';
import { dayRestarts } from './jours.ts';
import { pointPresences, proxyCount } from './presences.ts';
import { type VoteFacts, voteFacts } from './vote.ts';

export interface PointFacts {
  /** Attendance at the point's vote; undefined when the séance states none. */
  readonly presences: Presences | undefined;
  /** Present + represented members at the vote (0 when the attendance is unknown). */
  readonly votants: number;
  /** The délibération's vote; undefined without a délibération or when the point was withdrawn. */
  readonly vote: VoteFacts | undefined;
  readonly retire: boolean;
}

export function pointFacts(seance: Seance, point: Point): PointFacts {
  const index = eluIndex(seance.elus);
  const presences = pointPresences(
    seance.seance.presences,
    seance.points,
    point.numero,
    index,
    dayRestarts(seance.seance),
  );
  const votants = presences
    ? (typeof presences.presents === 'number' ? presences.presents : presences.presents.length) +
      proxyCount(presences)
    : 0;
  const retire = isWithdrawn(point);
  const vote = point.deliberation?.vote && !retire ? voteFacts(point.deliberation.vote, index) : undefined;
  return { presences, votants, vote, retire };
}

/** The point's number as the collectivité writes it (`numero_affiche`: « III-2 », « 1-1 »), else its number. */
export const shownNumber = (point: Pick<Point, 'numero' | 'numero_affiche'>): string =>
  point.numero_affiche ?? String(point.numero);
