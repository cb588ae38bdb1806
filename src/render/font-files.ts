/**
 * Where the default fonts live: TTF files shipped by npm packages, never the machine's fonts.
 *
 * Source Sans 3 (OFL): full French coverage (œ « » ’ € U+00A0 U+202F, soft hyphen), four faces.
 *
 * @example
 * const files = defaultFontFiles(); // { regular: '/…/SourceSans3_400Regular.ttf', … }
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFiles {
  /** Family name written in the DOCX and used for style names. */
  readonly family: string;
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
  readonly boldItalic: string;
  /** The bytes of each face, read once and checked at loading (the séance's resources); when
   * absent, the files are read from the paths above (the default family, shipped by npm). */
  readonly data?: Readonly<Record<FontFace, Uint8Array>>;
}

/** The bytes of one face: those read at loading, else the file's. */
export function fontBytes(files: FontFiles, face: FontFace): Buffer {
  const data = files.data?.[face];
  return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : readFileSync(files[face]);
}

const PACKAGE = '@expo-google-fonts/source-sans-3';

let defaults: FontFiles | undefined;

/**
 * Absolute paths of the four faces of the default family, resolved once per process (and thread):
 * four require.resolve calls cost 20–35 µs from dist/ and 0.1–0.25 ms through tsx, and the DOCX
 * renderer asks for them twice a document.
 */
export function defaultFontFiles(): FontFiles {
  if (defaults === undefined) {
    const resolve = (dir: string, file: string) => require.resolve(`${PACKAGE}/${dir}/${file}`);
    defaults = Object.freeze({
      family: 'Source Sans 3',
      regular: resolve('400Regular', 'SourceSans3_400Regular.ttf'),
      bold: resolve('700Bold', 'SourceSans3_700Bold.ttf'),
      italic: resolve('400Regular_Italic', 'SourceSans3_400Regular_Italic.ttf'),
      boldItalic: resolve('700Bold_Italic', 'SourceSans3_700Bold_Italic.ttf'),
    });
  }
  return defaults;
}
