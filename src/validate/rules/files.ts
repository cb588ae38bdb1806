/**
 * Referenced files (the logo): exist, stay inside the séance folder, are PNG or JPEG images.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(8);
    const n = readSync(fd, buffer, 0, 8, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function isImage(bytes: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

/** Checks `collectivite.logo`. */
export const filesRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  const logo = context.collectivite?.logo;
  if (logo === undefined) return out;
  const pointer = '/collectivite/logo';
  const folder = dirname(resolve(context.sources.root.file));
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
  try {
    if (!statSync(target).isFile()) throw new Error('not a file');
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
  if (!isImage(head(target))) {
    out.push(
      at(
        context,
        pointer,
        'rule.image',
        'erreur',
        `Le logo « ${logo} » n’est pas une image PNG ou JPEG.`,
        'Exportez le logo en PNG (de préférence) ou en JPEG.',
      ),
    );
  }
  return out;
};
