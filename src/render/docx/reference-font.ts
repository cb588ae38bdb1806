/**
 * The font a reference DOCX (`--reference-docx`) gives the DOCX's table cells: our « Tableau »
 * style is based on « Normal », so its font is the reference's « Tableau » or « Normal » style's
 * (following its basedOn chain), else the reference's document defaults; a theme font
 * (`w:asciiTheme="minorHAnsi"`) is the typeface the reference's theme names.
 *
 * delib measures a data table's columns with the faces it has (its own, or the collectivité's
 * `polices`), never with the machine's fonts, so that the same séance gives the same bytes on every
 * machine: when the reference writes the tables in another family, the build says so.
 *
 * @example
 * referenceTableFont(readReferenceParts(bytes)) // 'Arial'
 */
import { parseStyles } from './reference.ts';
import { type Parts, text } from './zip.ts';

/** The name of our table cells' style (styles.ts `extraStyles.tableCell.name`, not imported: this
 * module is read at start-up without the docx package). */
export const TABLE_CELL_STYLE = 'Tableau';

/** The family of the first `<w:rFonts>` in `xml`: `w:ascii`, else its theme font's typeface. */
function familyOf(xml: string, theme: string | undefined): string | undefined {
  const fonts = /<w:rFonts\b[^>]*>/.exec(xml)?.[0];
  if (fonts === undefined) return undefined;
  const ascii = /\sw:ascii="([^"]*)"/.exec(fonts)?.[1];
  if (ascii) return ascii;
  const slot = /\sw:asciiTheme="(minor|major)[^"]*"/.exec(fonts)?.[1];
  if (slot === undefined || theme === undefined) return undefined;
  const block = new RegExp(`<a:${slot}Font>([\\s\\S]*?)</a:${slot}Font>`).exec(theme)?.[1] ?? '';
  return /<a:latin\b[^>]*\stypeface="([^"]+)"/.exec(block)?.[1];
}

/** The family of the reference's table cells, when the reference names one. */
export function referenceTableFont(reference: Parts): string | undefined {
  const styles = text(reference, 'word/styles.xml');
  if (styles === undefined) return undefined;
  const theme = text(reference, 'word/theme/theme1.xml');
  const all = parseStyles(styles).filter((s) => s.type === 'paragraph');
  // parseStyles gives names in lower case.
  const byName = (name: string) => all.find((s) => s.name === name.toLowerCase());
  let style = byName(TABLE_CELL_STYLE) ?? byName('Normal');
  for (let depth = 0; style !== undefined && depth < 20; depth++) {
    const family = familyOf(style.xml.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''), theme);
    if (family) return family;
    const parent = /<w:basedOn w:val="([^"]*)"/.exec(style.xml)?.[1];
    style = parent === undefined ? undefined : all.find((s) => s.id === parent);
  }
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)?.[1] ?? '';
  return familyOf(defaults, theme);
}
