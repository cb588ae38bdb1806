/**
 * Where a signed PDF goes: the target checked before anything is signed (a folder, a device, a
 * missing folder are refused at once), and the bundle's manifest.json updated (sha256, bytes) when
 * it lists the file. Both are written with the project's writeOutputFile (bundle/output-file.ts):
 * a temporary sibling and a rename, the previous file intact on failure.
 *
 * @example
 * const target = await resolveTarget('out/convention.pdf');
 * await writeOutputFile(target, bytes, 'out/convention.pdf');
 * await updateManifest(target, bytes); // true when the manifest listed it
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, sha256 } from '../bundle/manifest.ts';
import { writeOutputFile } from '../bundle/output-file.ts';
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
  await writeOutputFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
