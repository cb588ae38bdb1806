/**
 * Characters a document cannot hold or draw.
 *
 * Control characters (U+0000–U+001F except tab and line breaks, DEL, C1 controls, U+FFFE/U+FFFF)
 * and lone surrogates are invisible in an editor, forbidden in XML (Word refuses a DOCX holding
 * one) and meaningless in a PDF: they are errors, placed on the text that holds them.
 * Characters the default fonts lack (emoji, Arabic, Hebrew, CJK…) are drawn as a substitute
 * glyph (an empty box) in the PDF: a warning `render.glyph-missing`, placed on the text.
 */

import type * as Fontkit from 'fontkit';
import type { Diagnostic } from '../../diagnostics.ts';
import { defaultFontFiles } from '../../render/font-files.ts';
import { missingCharacters } from '../../render/missing-characters.ts';
import { at, type Rule } from './context.ts';
import { checkedFont } from './font-check.ts';
import { openFace } from './lazy-fontkit.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
/** Explicit bidirectional embeddings, overrides and isolates: they reorder what is displayed. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Unicode line and paragraph separators: invisible in an editor, line breaks for some readers. */
const SEPARATOR = /[\u2028\u2029]/u;
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
 * The regular face the documents will be drawn with: the collectivité's own (from the resources
 * read at loading, when the fonts rule accepts it), else the default family shipped by npm.
 */
function documentFont(context: Parameters<Rule>[0]): Fontkit.Font {
  const polices = context.collectivite?.polices;
  const bytes = polices ? context.resources.files.get(polices.normal) : undefined;
  if (bytes) {
    const checked = checkedFont(bytes);
    if ('font' in checked) return checked.font;
  }
  return openFace(defaultFontFiles().regular);
}

/** Longest word accepted: far beyond any French word or URL, far below what slows the layout. */
export const MAX_WORD_LENGTH = 1_000;

/** Length of the longest run of characters with no break opportunity (one linear pass). */
function longestWord(text: string): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xad || c === 0x2d) current = 0;
    else if (++current > longest) longest = current;
  }
  return longest;
}

function describe(chars: readonly string[]): string {
  const shown = chars.slice(0, 5).map((c) => `« ${c} » (${codePointName(c)})`);
  return `${shown.join(', ')}${chars.length > 5 ? ` et ${chars.length - 5} autre(s)` : ''}`;
}

/** What makes a text unusable, as [message, hint], or undefined. */
function textProblem(text: string): readonly [string, string] | undefined {
  const control = CONTROL.exec(text)?.[0];
  if (control !== undefined) {
    return [
      `Caractère de contrôle invisible ${codePointName(control)} dans ce texte.`,
      'Supprimez-le (il vient souvent d’un copier-coller) ; dans un texte entre guillemets doubles, retirez les séquences « \\0 », « \\x1b », « \\u0007 »…',
    ];
  }
  const bidi = BIDI.exec(text)?.[0];
  if (bidi !== undefined) {
    return [
      `Caractère invisible de sens d’écriture ${codePointName(bidi)} dans ce texte : il change l’ordre d’affichage (« 1500 € » peut s’afficher « € 0051 ») et le PDF et Word ne montreraient pas la même chose.`,
      'Supprimez-le (il vient d’un copier-coller) : le sens d’écriture du français n’a pas besoin d’être indiqué.',
    ];
  }
  const separator = SEPARATOR.exec(text)?.[0];
  if (separator !== undefined) {
    return [
      `Séparateur ${separator === '\u2028' ? 'de ligne' : 'de paragraphe'} Unicode invisible ${codePointName(separator)} dans ce texte : certains logiciels y passent à la ligne, d’autres non.`,
      'Remplacez-le par une espace, ou, dans un texte enrichi (exposé, proposition…), par un vrai retour à la ligne.',
    ];
  }
  if (text.length > MAX_WORD_LENGTH && longestWord(text) > MAX_WORD_LENGTH) {
    return [
      `Mot de plus de ${MAX_WORD_LENGTH.toLocaleString('fr-FR')} caractères sans espace ni tiret dans ce texte : il ne peut pas être coupé en lignes lisibles.`,
      'Vérifiez le copier-coller (texte collé sans espaces, empreinte, donnée encodée) ; coupez le mot par des espaces.',
    ];
  }
  if (LONE_SURROGATE.test(text)) {
    return [
      'Demi-caractère Unicode isolé (« \\uD800 » à « \\uDFFF ») dans ce texte.',
      'Écrivez le caractère lui-même, ou son code complet « \\U0001F600 ».',
    ];
  }
  return undefined;
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
      const problem = textProblem(text);
      if (problem) {
        out.push(at(context, pointer, 'rule.text', 'erreur', problem[0], problem[1]));
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
