/**
 * Which characters of a text a font cannot draw (apart from those the renderers draw otherwise).
 * Its own file so that validation checks it without loading the renderers' fonts.
 */

/**
 * Characters of `text` that a face cannot draw (its glyph would be the empty box), for warnings.
 *
 * @example
 * missingCharacters(loadFonts().regular, 'Œuvre ✓') // ['✓']
 */
export function missingCharacters(
  font: { hasGlyphForCodePoint(codePoint: number): boolean },
  text: string,
): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0xad || cp === 0x202f || cp === 0x2011 || cp === 0x2009) continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(char);
  }
  return [...missing];
}
