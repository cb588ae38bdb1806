/**
 * The helpers templates may call, bound to a Handlebars instance: the French helpers (pure
 * functions in ./helpers/) plus the few that produce Markdown (`riche`, `attr`).
 *
 * Handlebars passes an `options` object as the last argument of every helper; the pure helpers
 * never see it.
 *
 * @example
 * {{dateLongue seance.date}}      → 23 mars 2023
 * {{riche point.note.expose}}     → the clerk's Markdown, inserted as Markdown
 * ::signataire{nom="{{attr nom}}"}
 */
import type Handlebars from 'handlebars';
import { RETRAIT_CLOSE, RETRAIT_END, RETRAIT_OPEN, RETRAIT_START } from '../tree/retrait.ts';
import { escapeAttributeValue } from './escape.ts';
import { frenchHelpers, HELPERS_WITH_OPTIONS } from './helpers/index.ts';

type HelperFn = (...args: never[]) => unknown;

/**
 * The lines of a clerk's text with every « : » opening a line escaped, so that it can never open
 * or close a directive of the template around it — except each `:::retrait` line followed by a
 * `:::` line, the one block a clerk may write: the pair becomes the template's ::debut-retrait and
 * ::fin-retrait (leaf directives, which close nothing), on lines of their own.
 */
function escapeDirectives(text: string): string {
  const lines = text.split('\n');
  // An opening is a block only if a closing line follows it somewhere: the last closing line's
  // index answers that for every opening (a search after each one was quadratic in the lines).
  const lastClose = lines.findLastIndex((l) => RETRAIT_CLOSE.test(l));
  const out: string[] = [];
  let open = false;
  for (const [i, line] of lines.entries()) {
    if (!open && RETRAIT_OPEN.test(line) && i < lastClose) {
      out.push('', `::${RETRAIT_START}`, '');
      open = true;
    } else if (open && RETRAIT_CLOSE.test(line)) {
      out.push('', `::${RETRAIT_END}`, '');
      open = false;
    } else {
      out.push(line.replace(/^([ \t]*):/, '$1\\:'));
    }
  }
  return out.join('\n');
}

/**
 * A clerk's rich text, inserted as Markdown. It was checked against the documented subset before
 * templating; lines starting with « : » are escaped (escapeDirectives).
 *
 * `under` is the level of the heading the text sits under: 1, the document's title, for an exposé;
 * a convention article's own level for its text. « # Titre » is a section one level below it,
 * « ## » two; a clerk's headings stop there (« ### » and deeper read as « ## »), and at level 6.
 */
export function richTextMarkdown(value: string, field = 0, under = 1): string {
  const text = escapeDirectives(value.replace(/\r\n?/g, '\n').trim()).replace(
    /^( {0,3})(#{1,6})(?=[ \t]|$)/gm,
    (_, indent: string, marks: string) =>
      `${indent}${'#'.repeat(Math.min(under + Math.min(marks.length, 2), 6))}`,
  );
  // Footnote labels are the clerk's per field: two fields of one document may both use [^1].
  return field === 0 ? text : text.replace(/\[\^([^\]\s]+)\]/g, `[^${field}-$1]`);
}

/** Helpers by name; `hb` provides SafeString (each environment has its own). */
export function templateHelpers(hb: typeof Handlebars): Record<string, Handlebars.HelperDelegate> {
  const out: Record<string, Handlebars.HelperDelegate> = {};
  for (const [name, fn] of Object.entries(frenchHelpers as Record<string, HelperFn>)) {
    const call = fn as (...a: unknown[]) => unknown;
    const withOptions = HELPERS_WITH_OPTIONS.has(name as keyof typeof frenchHelpers);
    out[name] = (...args: unknown[]) => {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      const positional = args.slice(0, -1);
      // `{{montant x centimes=false}}`: the hash becomes the helper's options object.
      return withOptions && Object.keys(options.hash ?? {}).length > 0
        ? call(...positional, options.hash)
        : call(...positional);
    };
  }
  let field = 0;
  // `{{riche texte sous=niveau}}`: the text of a heading of level `niveau` (a convention article).
  out.riche = (value: unknown, options: Handlebars.HelperOptions) => {
    const sous = Number(options.hash?.sous ?? 1);
    const under = Number.isInteger(sous) && sous >= 1 && sous <= 6 ? sous : 1;
    return new hb.SafeString(typeof value === 'string' ? richTextMarkdown(value, ++field, under) : '');
  };
  out.attr = (value: unknown) =>
    new hb.SafeString(escapeAttributeValue(value === undefined ? '' : String(value)));
  out.majuscules = (value: unknown) => String(value ?? '').toLocaleUpperCase('fr-FR');
  return out;
}
