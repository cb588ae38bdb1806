/**
 * The attendance at each point: the délibération's own when written, else the séance's opening
 * attendance with the arrivals and departures recorded up to and including that point. One
 * derivation, so a délibération's counts and the procès-verbal cannot disagree.
 *
 * @example
 * pointPresences(seance.seance.presences, seance.points, 5, eluIndex(seance.elus))
 * // → présents minus the member who left before point 5
 */
import type { Point, Pouvoir, Presences } from '../schema/seance.ts';
import { type EluIndex, sameMember } from './elus.ts';

type Effectif = Presences['presents'];

/** The proxies the attendance names (none when only their number is given). */
export function namedProxies(presences: Presences): readonly Pouvoir[] {
  return typeof presences.representes === 'number' ? [] : presences.representes;
}

/** How many members are represented: the proxies named, or the number given. */
export function proxyCount(presences: Presences): number {
  return typeof presences.representes === 'number' ? presences.representes : presences.representes.length;
}

function add(list: Effectif, ref: string): Effectif {
  return typeof list === 'number' ? list + 1 : [...list, ref];
}

function remove(list: Effectif, ref: string, index: EluIndex): Effectif {
  if (typeof list === 'number') return Math.max(0, list - 1);
  const at = list.findIndex((n) => sameMember(n, ref, index));
  return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
}

/** The attendance after one point's movements (arrivals, then departures). */
export function afterMovements(presences: Presences, point: Point, index: EluIndex): Presences {
  let { presents, absents } = presences;
  let excuses = presences.excuses;
  let representes: readonly Pouvoir[] = namedProxies(presences);
  // Proxies given as a number only: who holds them is unknown; a departure with a proxy adds one.
  let unnamed = typeof presences.representes === 'number' ? presences.representes : undefined;
  for (const { elu } of point.deroulement?.arrivees ?? []) {
    const proxy = representes.findIndex((p) => sameMember(p.mandant, elu, index));
    const excused = excuses?.findIndex((e) => sameMember(e, elu, index)) ?? -1;
    if (proxy >= 0) representes = representes.filter((_, i) => i !== proxy);
    else if (excused >= 0) excuses = excuses?.filter((_, i) => i !== excused);
    else absents = remove(absents, elu, index);
    presents = add(presents, elu);
  }
  for (const depart of point.deroulement?.departs ?? []) {
    presents = remove(presents, depart.elu, index);
    // A proxy held by the member who leaves goes with him: the mandant is then absent.
    const held = representes.filter((p) => sameMember(p.mandataire, depart.elu, index));
    representes = representes.filter((p) => !held.includes(p));
    for (const p of held) absents = add(absents, p.mandant);
    if (depart.pouvoir_a && unnamed !== undefined) unnamed += 1;
    else if (depart.pouvoir_a)
      representes = [...representes, { mandant: depart.elu, mandataire: depart.pouvoir_a }];
    else if (depart.excuse) excuses = [...(excuses ?? []), depart.elu];
    else absents = add(absents, depart.elu);
  }
  // The présents as the collectivité typed them stay theirs while no one arrives or leaves.
  const written = presents === presences.presents ? presences.presents_texte : undefined;
  return {
    presents,
    ...(written === undefined ? {} : { presents_texte: written }),
    representes: unnamed ?? [...representes],
    absents,
    ...(excuses ? { excuses } : {}),
  };
}

/**
 * The attendance that applies to point `numero`: its délibération's own presences, else the
 * opening attendance followed through every recorded arrival and departure up to that point. A
 * later day of the séance that states its attendance from a point on (`restarts`) starts again
 * from that attendance at that point.
 */
export function pointPresences(
  opening: Presences | undefined,
  points: readonly Point[],
  numero: number,
  index: EluIndex,
  restarts: ReadonlyMap<number, Presences> = new Map(),
): Presences | undefined {
  let current = opening;
  for (const point of points) {
    current = restarts.get(point.numero) ?? current;
    if (current) current = afterMovements(current, point, index);
    if (point.numero === numero) return point.deliberation?.presences ?? current;
  }
  return undefined;
}
