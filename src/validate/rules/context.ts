/**
 * What business rules receive: the parts of the séance that passed the schema (typed), and a
 * way to place a diagnostic at a JSON pointer.
 */
import { type Diagnostic, type DiagnosticCode, diagnostic, type Severity } from '../../diagnostics.ts';
import { eluIndex } from '../../facts/elus.ts';
import { afterMovements } from '../../facts/presences.ts';
import type { Resources } from '../../load/resources.ts';
import { locate, type SourceMap } from '../../load/source-map.ts';
import type {
  Collectivite,
  DeroulementSeance,
  Elu,
  Point,
  Presences,
  SeanceDetails,
} from '../../schema/seance.ts';

export interface CleanPoint {
  readonly index: number;
  readonly point: Point;
}

export interface RuleContext {
  /** Present only if the section passed the schema. */
  readonly collectivite: Collectivite | undefined;
  readonly seance: SeanceDetails | undefined;
  /** Present only if it passed the schema. */
  readonly instance?: string | undefined;
  /** The élus declared under `elus`, if that list passed the schema. */
  readonly elus?: readonly Elu[] | undefined;
  /** The séance record (`deroulement`), if it passed the schema. */
  readonly deroulement?: DeroulementSeance | undefined;
  /** The points that passed the schema, with their index in `points`. */
  readonly points: readonly CleanPoint[];
  /** How many points the file lists, valid or not (`points: []`: none). */
  readonly pointsWritten?: number;
  readonly sources: SourceMap;
  /** The files the séance refers to, read once at loading: rules never read files. */
  readonly resources: Resources;
}

/** A business rule: pure, returns its diagnostics. */
export type Rule = (context: RuleContext) => readonly Diagnostic[];

/**
 * Builds a diagnostic placed at `pointer` (optionally on the key `key` of the map there).
 *
 * @example
 * at(ctx, '/seance/convocation', 'rule.dates', 'erreur', 'La convocation suit la séance.', 'Corrigez la date.')
 */
export function at(
  context: RuleContext,
  pointer: string,
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  hint: string,
  key?: string,
): Diagnostic {
  const place = locate(context.sources, pointer, key === undefined ? {} : { key });
  return diagnostic(code, severity, message, { ...place, path: pointer, hint });
}

/** Number of members of a count-or-names field. */
export function count(value: number | readonly string[]): number {
  return typeof value === 'number' ? value : value.length;
}

/**
 * The attendance followed through arrivals and departures, by point number (the first point of a
 * number, as `pointPresences` finds it): computed in one pass per context, since rules ask for
 * every point (asking `pointPresences` for each made validation quadratic in the points).
 */
const followed = new WeakMap<RuleContext, ReadonlyMap<number, Followed>>();

interface Followed {
  readonly presences: Presences;
  readonly pointer: string;
}

function followedPresences(context: RuleContext, opening: Presences): ReadonlyMap<number, Followed> {
  const known = followed.get(context);
  if (known) return known;
  const index = eluIndex(context.elus);
  const byNumero = new Map<number, Followed>();
  // A later day that states its attendance from a point on starts again from it (its own pointer).
  const restarts = new Map(
    (context.seance?.jours_suivants ?? []).flatMap((day, i) =>
      typeof day !== 'string' && day.premier_point !== undefined && day.presences
        ? [
            [
              day.premier_point,
              { presences: day.presences, pointer: `/seance/jours_suivants/${i}/presences` },
            ] as const,
          ]
        : [],
    ),
  );
  let current: Followed = { presences: opening, pointer: '/seance/presences' };
  for (const { point } of context.points) {
    current = restarts.get(point.numero) ?? current;
    current = { ...current, presences: afterMovements(current.presences, point, index) };
    if (!byNumero.has(point.numero))
      byNumero.set(point.numero, {
        presences: point.deliberation?.presences ?? current.presences,
        pointer: current.pointer,
      });
  }
  followed.set(context, byNumero);
  return byNumero;
}

/** The presences that apply to a point (its own, or the séance's followed through arrivals and departures), with their pointer. */
export function presencesOf(
  context: RuleContext,
  clean: CleanPoint,
): { readonly presences: Presences; readonly pointer: string } | undefined {
  const own = clean.point.deliberation?.presences;
  if (own) return { presences: own, pointer: `/points/${clean.index}/deliberation/presences` };
  const opening = context.seance?.presences;
  if (!opening) return undefined;
  return followedPresences(context, opening).get(clean.point.numero);
}
