/**
 * The collectivité's own fonts (`collectivite.polices`): each face a TTF, OTF or WOFF file inside
 * the séance folder that the renderers can lay out and embed (font-check.ts); a warning for
 * French characters the font lacks. The bytes come from the resources read at loading.
 */
import { extname } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { FONT_FACES } from '../../load/resources.ts';
import { at, type Rule } from './context.ts';
import { resourceProblem } from './files.ts';
import { checkedFont, FRENCH } from './font-check.ts';

const FORMATS = new Set(['.ttf', '.otf', '.woff']);

export const fontsRule: Rule = (context) => {
  const polices = context.collectivite?.polices;
  if (polices === undefined) return [];
  const out: Diagnostic[] = [];
  for (const face of FONT_FACES) {
    const path = polices[face];
    const pointer = `/collectivite/polices/${face}`;
    const problem = (code: Diagnostic['code'], message: string, hint: string) =>
      out.push(at(context, pointer, code, 'erreur', message, hint));
    const unreadable = context.resources.problems.get(path);
    if (unreadable) {
      out.push(
        resourceProblem(
          context,
          pointer,
          `La police « ${path} »`,
          unreadable,
          'Le chemin est relatif au fichier de la séance : vérifiez le nom et l’emplacement du fichier.',
        ),
      );
      continue;
    }
    if (!FORMATS.has(extname(path).toLowerCase())) {
      problem(
        'rule.file-missing',
        `La police « ${path} » n’est pas un fichier TTF, OTF ou WOFF.`,
        'Utilisez la version TTF ou OTF de la police (le WOFF2 n’est pas pris en charge).',
      );
      continue;
    }
    const bytes = context.resources.files.get(path);
    if (!bytes) continue;
    const checked = checkedFont(bytes);
    if ('problem' in checked) {
      problem(
        'rule.file-missing',
        `La police « ${path} » ne peut pas être utilisée : ${checked.problem}.`,
        'Donnez un fichier TTF, OTF ou WOFF complet contenant une seule police.',
      );
      continue;
    }
    const missing = [...FRENCH].filter((c) => !checked.font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
    if (missing.length > 0) {
      out.push(
        at(
          context,
          pointer,
          'render.glyph-missing',
          'avertissement',
          `La police « ${path} » n’a pas ces caractères : ${missing.map((c) => (c === '\u00A0' ? 'espace insécable' : c)).join(' ')}.`,
          'Ils seront dessinés avec un carré vide : choisissez une police complète pour le français.',
        ),
      );
    }
  }
  return out;
};
