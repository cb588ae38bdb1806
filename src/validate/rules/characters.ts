/**
 * Characters a document cannot hold or draw.
 *
 * Control characters (U+0000–U+001F except tab and line breaks, DEL, C1 controls, U+FFFE/U+FFFF)
 * and lone surrogates are invisible in an editor, forbidden in XML (Word refuses a DOCX holding
 * one) and meaningless in a PDF: they are errors, placed on the text that holds them.
 * Characters the default fonts lack (emoji, Arabic, Hebrew, CJK…) are drawn as a substitute
 * glyph (an empty box) in the PDF: a warning `render.glyph-missing`, placed on the text.
 */

import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { defaultFontFiles } from '../../render/font-files.ts';
import { missingCharacters } from '../../render/missing-characters.ts';
import { at, type Rule } from './context.ts';
import { openFace } from './lazy-fontkit.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Beyond Latin, general punctuation and currency, a character may be missing from the font. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose
const BEYOND_COMMON = /[^\u0000-\u024F\u2000-\u20CF]/u;

/** `U+001B`, `U+1F389`. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every string of `value` with its JSON pointer (keys are escaped as RFC 6901 says). */
function* strings(value: unknown, pointer: string): Generator<readonly [string, string]> {
  if (typeof value === 'string') yield [pointer, value];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${pointer}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield* strings(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  }
}

/**
 * The regular face the documents will be drawn with: the collectivité's own (when its files can be
 * read; the fonts rule reports them otherwise), else the default family.
 */
function documentFont(context: Parameters<Rule>[0]): ReturnType<typeof openFace> {
  const polices = context.collectivite?.polices;
  if (polices) {
    try {
      return openFace(resolve(context.sources.folder, polices.normal));
    } catch {
      // Unreadable: reported by the fonts rule; check against the default family meanwhile.
    }
  }
  return openFace(defaultFontFiles().regular);
}

function describe(chars: readonly string[]): string {
  const shown = chars.slice(0, 5).map((c) => `« ${c} » (${codePointName(c)})`);
  return `${shown.join(', ')}${chars.length > 5 ? ` et ${chars.length - 5} autre(s)` : ''}`;
}

/** Refuses control characters and lone surrogates; warns about characters the font lacks. */
export const charactersRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const parts: [string, unknown][] = [
    ['/collectivite', context.collectivite],
    ['/instance', context.instance],
    ['/seance', context.seance],
    ...context.points.map(({ index, point }): [string, unknown] => [`/points/${index}`, point]),
  ];
  for (const [base, value] of parts) {
    for (const [pointer, text] of strings(value, base)) {
      const control = CONTROL.exec(text)?.[0];
      if (control !== undefined) {
        out.push(
          at(
            context,
            pointer,
            'rule.text',
            'erreur',
            `Caractère de contrôle invisible ${codePointName(control)} dans ce texte.`,
            'Supprimez-le (il vient souvent d’un copier-coller) ; dans un texte entre guillemets doubles, retirez les séquences « \\0 », « \\x1b », « \\u0007 »…',
          ),
        );
        continue;
      }
      if (LONE_SURROGATE.test(text)) {
        out.push(
          at(
            context,
            pointer,
            'rule.text',
            'erreur',
            'Demi-caractère Unicode isolé (« \\uD800 » à « \\uDFFF ») dans ce texte.',
            'Écrivez le caractère lui-même, ou son code complet « \\U0001F600 ».',
          ),
        );
        continue;
      }
      if (!BEYOND_COMMON.test(text)) continue;
      const missing = missingCharacters(documentFont(context), text);
      if (missing.length === 0) continue;
      out.push(
        at(
          context,
          pointer,
          'render.glyph-missing',
          'avertissement',
          `Caractère(s) absent(s) de la police : ${describe(missing)} ; le PDF les remplacera par un carré vide.`,
          'Remplacez ces caractères (émoji, écriture non latine) ou écrivez-les en toutes lettres.',
        ),
      );
    }
  }
  return out;
};
