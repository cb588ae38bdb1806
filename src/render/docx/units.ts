/**
 * Unit conversions from the theme's PostScript points to the units of WordprocessingML.
 *
 * @example
 * twips(11) // 220
 */

/** Points → twentieths of a point (page sizes, margins, spacing, indents). */
export function twips(points: number): number {
  return Math.round(points * 20);
}

/** Points → half-points (font sizes). */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Points → eighths of a point (border widths). */
export function eighths(points: number): number {
  return Math.max(2, Math.round(points * 8));
}

/** Points → pixels at 96 dpi (docx image transformations). */
export function pixels(points: number): number {
  return Math.round((points * 96) / 72);
}

/**
 * Widths in points → whole twips that add up to `total` twips exactly, each column but the widest
 * `slack` twips wider (the widest gives them, with the rounding left over), so that a table is as
 * wide as the text.
 *
 * @example
 * twipsFilling([100.02, 200.04, 153.44], 9070) // [2000, 4001, 3069]
 * twipsFilling([100.02, 200.04, 153.44], 9070, 20) // [2020, 3961, 3089]
 */
export function twipsFilling(widths: readonly number[], total: number, slack = 0): number[] {
  const rounded = widths.map((w) => Math.round(w * 20));
  const widest = rounded.indexOf(Math.max(...rounded));
  const out = rounded.map((w, i) => (i === widest ? w : w + slack));
  if (widest >= 0) out[widest] = (out[widest] ?? 0) + total - out.reduce((a, b) => a + b, 0);
  return out;
}
