/**
 * fontkit for the validation rules, loaded at the first use: `delib validate` needs it only for a
 * collectivité's own fonts or for characters beyond Latin, and loading it costs more than the
 * rest of a validation. Synchronous (the rules are), hence its CommonJS build through `require`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

let loaded: typeof Fontkit | undefined;

/**
 * The fontkit module.
 *
 * @example
 * const font = fontkit().create(readFileSync('Marianne-Regular.ttf'));
 */
export function fontkit(): typeof Fontkit {
  loaded ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  return loaded;
}

const faces = new Map<string, Fontkit.Font>();

/** The single font in `path`, parsed once per process; throws when it cannot be read or is a collection. */
export function openFace(path: string): Fontkit.Font {
  let face = faces.get(path);
  if (!face) {
    const parsed = fontkit().create(readFileSync(path));
    if (!('glyphForCodePoint' in parsed)) throw new Error(`${path}: a font collection`);
    face = parsed;
    faces.set(path, face);
  }
  return face;
}
