/**
 * A duration in seconds as French writes it (« 2,3 s », « 1 234 s »), without Intl: the first
 * Intl number format of a process loads ICU's French data (≈ 20 ms of CPU), and the end-of-build
 * message was the only one a build formats.
 *
 * @example
 * frenchSeconds(2345) // '2,3\u00A0s'
 */

/** `seconds` with at most one decimal, grouped by thousands, as `toLocaleString('fr-FR')` writes it. */
export function frenchNumber(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+$)/g, '\u202F');
  return tenths % 10 === 0 ? whole : `${whole},${tenths % 10}`;
}

/** « 2,3 s » for 2 345 ms (a no-break space before the unit). */
export function frenchSeconds(ms: number): string {
  return `${frenchNumber(ms / 1000)}\u00A0s`;
}
