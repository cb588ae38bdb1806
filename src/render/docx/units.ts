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
