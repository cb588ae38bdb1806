/**
 * Writing a signed PDF safely: a temporary file in the same folder, then a rename, so that the
 * target is either the old file or the new one, never half-written; and the bundle's
 * manifest.json updated (sha256, bytes) when it lists the file.
 *
 * @example
 * await writeAtomically('out/convention.pdf', bytes);
 * await updateManifest('out/convention.pdf', bytes); // true when the manifest listed it
 */
import { randomBytes } from 'node:crypto';
import { lstat, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, sha256 } from '../bundle/manifest.ts';
import { DiagnosticError } from '../diagnostics.ts';
import { signError } from './errors.ts';

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

const notWritable = (
  file: string,
  why: string,
  hint = 'Indiquez un fichier dans un dossier existant où vous pouvez écrire.',
) => signError('output.not-writable', `Impossible d’écrire « ${file} » : ${why}.`, file, hint);

/**
 * Where the signed PDF will really be written: the target itself, or the file a symbolic link
 * points to. Refuses (DiagnosticError `output.not-writable`) a folder, a device, a missing or
 * read-only folder, before anything is signed or written.
 *
 * @example
 * await resolveTarget('/dev/full') // throws « … n’est pas un fichier ordinaire »
 */
export async function resolveTarget(path: string, file = path): Promise<string> {
  let target = path;
  try {
    if ((await lstat(path)).isSymbolicLink()) target = await realpath(path);
    const info = await stat(target);
    if (!info.isFile()) {
      throw notWritable(
        file,
        info.isDirectory() ? 'c’est un dossier' : 'ce n’est pas un fichier ordinaire (périphérique, tube…)',
        'Indiquez le chemin du PDF à écrire, par exemple « -o signe.pdf ».',
      );
    }
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    if (errorCode(error) !== 'ENOENT') throw notWritable(file, 'chemin inaccessible');
  }
  try {
    const folder = await stat(dirname(target));
    if (!folder.isDirectory()) throw notWritable(file, `« ${dirname(target)} » n’est pas un dossier`);
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    throw notWritable(file, `le dossier « ${dirname(target)} » n’existe pas`);
  }
  return target;
}

/** A write failure as a French diagnostic (read-only file system, no room, no permission). */
export function writeFailure(file: string, error: unknown): Error {
  const code = errorCode(error);
  const why =
    code === 'EROFS'
      ? 'système de fichiers en lecture seule'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission refusée'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'plus de place sur le disque'
          : code === 'ENOENT'
            ? 'le dossier n’existe pas'
            : code === 'EISDIR'
              ? 'c’est un dossier'
              : `erreur du système (${String(code ?? 'inconnue')})`;
  return notWritable(file, why);
}

/** Writes `bytes` to `file` through a temporary sibling and a rename. */
export async function writeAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

interface ManifestLike {
  documents?: { path?: unknown; sha256?: unknown; bytes?: unknown }[];
}

/**
 * Updates the entry of `file` in the manifest.json next to it (same key order, same format as
 * `delib build`). Returns false when there is no manifest or it does not list the file.
 *
 * @example
 * await updateManifest('output/seance/point-01-convention-1.pdf', signed) // true
 */
export async function updateManifest(file: string, bytes: Uint8Array): Promise<boolean> {
  const manifestFile = join(dirname(file), MANIFEST_FILE);
  let manifest: ManifestLike;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as ManifestLike;
  } catch {
    return false;
  }
  const entry = manifest.documents?.find((d) => d.path === basename(file));
  if (!entry) return false;
  entry.sha256 = sha256(bytes);
  entry.bytes = bytes.byteLength;
  await writeAtomically(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
