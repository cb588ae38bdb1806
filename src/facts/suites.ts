/**
 * What a part of the procès-verbal continues (`deroulement.parties[].suite_de`), read the same way
 * by the PV's sommaire (template/proces-verbal-context.ts) and by rule.record.
 *
 * @example
 * continuedPart([{ titre: 'Appel' }, { titre: 'Suite', suite_de: 'Appel' }], 1) // 0
 */

/** A part as `suite_de` reads it: its intitulé and what it continues. */
interface Continuable {
  readonly titre: string;
  readonly suite_de?: number | string | undefined;
}

/**
 * The index of the part that part `k` continues by its intitulé (`suite_de: "…"`): the nearest one
 * before it with that exact `titre` that is not itself a continuation; -1 when there is none or
 * when part `k` continues a point or nothing.
 */
export function continuedPart(parts: readonly Continuable[], k: number): number {
  const of = parts[k]?.suite_de;
  if (typeof of !== 'string') return -1;
  return parts.findLastIndex((p, i) => i < k && p.suite_de === undefined && p.titre === of);
}
