/**
 * The default font family, read once per process, and its faces for embedding in the DOCX.
 *
 * Embedding the four faces of Source Sans 3 costs about 530 KB per DOCX (1.24 MB of TTF,
 * deflated), but Word (Windows and Mac) and LibreOffice then show the document with the same font
 * and the same line breaks as the PDF on a machine that does not have it installed — most town
 * hall machines. The OFL font allows embedding (OS/2 fsType 0, « installable »).
 *
 * @example
 * const family = defaultFamily(); // 'Source Sans 3'
 */
import { readFileSync } from 'node:fs';
import type { IPropertiesOptions } from 'docx';
import { defaultFontFiles } from '../font-files.ts';

/** Family name written in the styles. */
export function defaultFamily(): string {
  return defaultFontFiles().family;
}

type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

let cached: FontOptions[] | undefined;

/** The `fonts` option of the docx Document that embeds the default family's four faces. */
export function embeddedFonts(): FontOptions[] {
  if (cached === undefined) {
    const files = defaultFontFiles();
    cached = [
      {
        name: files.family,
        data: readFileSync(files.regular),
        bold: readFileSync(files.bold),
        italic: readFileSync(files.italic),
        boldItalic: readFileSync(files.boldItalic),
      },
    ];
  }
  return cached;
}
