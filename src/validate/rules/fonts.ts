/**
 * The collectivité's own fonts (`collectivite.polices`): each face a TTF, OTF or WOFF file inside
 * the séance folder that fontkit can read; a warning for French characters the font lacks.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import type * as Fontkit from 'fontkit';
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';
import { inside } from './files.ts';
import { fontkit } from './lazy-fontkit.ts';

const FACES = ['normal', 'gras', 'italique', 'gras_italique'] as const;
const FORMATS = new Set(['.ttf', '.otf', '.woff']);
/** Characters every French council document needs. */
const FRENCH =
  'aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyzÿæœAÀÂÄBCÇDEÉÈÊËFGHIÎÏJKLMNOÔÖPQRSTUÙÛÜVWXYŸÆŒ0123456789«»’€°–—…\u00A0';

export const fontsRule: Rule = (context) => {
  const polices = context.collectivite?.polices;
  if (polices === undefined) return [];
  const out: Diagnostic[] = [];
  const folder = context.sources.folder;
  for (const face of FACES) {
    const path = polices[face];
    const pointer = `/collectivite/polices/${face}`;
    const problem = (code: Diagnostic['code'], message: string, hint: string) =>
      out.push(at(context, pointer, code, 'erreur', message, hint));
    const target = resolve(folder, path);
    if (isAbsolute(path) || !inside(folder, target)) {
      problem(
        'file.outside-folder',
        `La police « ${path} » est hors du dossier de la séance.`,
        'Copiez le fichier de police dans le dossier de la séance et donnez un chemin relatif.',
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
    try {
      if (!statSync(target).isFile()) throw new Error('not a file');
    } catch {
      problem(
        'rule.file-missing',
        `La police « ${path} » est introuvable.`,
        'Le chemin est relatif au fichier de la séance : vérifiez le nom et l’emplacement du fichier.',
      );
      continue;
    }
    if (!inside(realpathSync(folder), realpathSync(target))) {
      problem(
        'file.outside-folder',
        `La police « ${path} » mène hors du dossier de la séance.`,
        'Copiez le fichier lui-même dans le dossier de la séance.',
      );
      continue;
    }
    let font: Fontkit.Font;
    try {
      const parsed = fontkit().create(readFileSync(target));
      if (!('glyphForCodePoint' in parsed)) throw new Error('collection');
      font = parsed;
    } catch {
      problem(
        'rule.file-missing',
        `La police « ${path} » ne peut pas être lue.`,
        'Donnez un fichier TTF, OTF ou WOFF contenant une seule police.',
      );
      continue;
    }
    const missing = [...FRENCH].filter((c) => font.glyphForCodePoint(c.codePointAt(0) ?? 0).id === 0);
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
