/**
 * The font family of a DOCX and its faces for embedding, read once per process and family.
 *
 * Embedding the four faces of Source Sans 3 costs about 530 KB per DOCX (1.24 MB of TTF,
 * deflated), but Word (Windows and Mac) and LibreOffice then show the document with the same font
 * and the same line breaks as the PDF on a machine that does not have it installed — most town
 * hall machines. The OFL font allows embedding (OS/2 fsType 0, « installable »). A collectivité's
 * own family (`collectivite.polices`) is embedded the same way.
 *
 * @example
 * const family = defaultFamily(); // 'Source Sans 3'
 */
import type { IPropertiesOptions } from 'docx';
import { defaultFontFiles, type FontFiles, fontBytes } from '../font-files.ts';

/** Family name written in the styles. */
export function defaultFamily(): string {
  return defaultFontFiles().family;
}

type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

const cache = new Map<string, FontOptions[]>();

/** A stable key for a set of font files. */
export function fontFilesKey(files: FontFiles): string {
  return JSON.stringify([files.family, files.regular, files.bold, files.italic, files.boldItalic]);
}

/** The `fonts` option of the docx Document that embeds a family's four faces. */
export function embeddedFonts(files: FontFiles = defaultFontFiles()): FontOptions[] {
  const key = fontFilesKey(files);
  let fonts = cache.get(key);
  if (fonts === undefined) {
    fonts = [
      {
        name: files.family,
        data: fontBytes(files, 'regular'),
        bold: fontBytes(files, 'bold'),
        italic: fontBytes(files, 'italic'),
        boldItalic: fontBytes(files, 'boldItalic'),
      },
    ];
    cache.set(key, fonts);
  }
  return fonts;
}
