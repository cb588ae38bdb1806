/**
 * Referenced files (the logo): exist, stay inside the séance folder, are PNG or JPEG images.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';
import { imageInfo } from './image-header.ts';

/** Largest logo file read: a letterhead logo weighs a few hundred kilobytes. */
export const MAX_LOGO_BYTES = 10 * 1024 * 1024;

/** Whether `target` lies strictly inside `folder`. */
export function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Checks `collectivite.logo`. */
export const filesRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const logo = context.collectivite?.logo;
  if (logo === undefined) return out;
  const pointer = '/collectivite/logo';
  const folder = context.sources.folder;
  const target = resolve(folder, logo);
  const outside = () =>
    at(
      context,
      pointer,
      'file.outside-folder',
      'erreur',
      `Le logo « ${logo} » est hors du dossier de la séance.`,
      'Copiez l’image dans le dossier de la séance et donnez un chemin relatif sans « .. ».',
    );
  if (isAbsolute(logo) || !inside(folder, target)) return [outside()];
  let size = 0;
  try {
    const info = statSync(target);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    return [
      at(
        context,
        pointer,
        'rule.file-missing',
        'erreur',
        `Le logo « ${logo} » est introuvable.`,
        'Le chemin est relatif au fichier de la séance : vérifiez le nom et l’emplacement de l’image.',
      ),
    ];
  }
  if (!inside(realpathSync(folder), realpathSync(target))) return [outside()];
  const image = (problem: string) =>
    at(
      context,
      pointer,
      'rule.image',
      'erreur',
      `Le logo « ${logo} » n’est pas une image PNG ou JPEG utilisable : ${problem}.`,
      'Exportez le logo en PNG (de préférence) ou en JPEG, en quelques centaines de pixels de large.',
    );
  if (size > MAX_LOGO_BYTES) return [image(`fichier de ${size} octets, au-delà de ${MAX_LOGO_BYTES} octets`)];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target);
  } catch {
    return [image('fichier illisible')];
  }
  const info = imageInfo(bytes);
  if ('problem' in info) out.push(image(info.problem));
  return out;
};
