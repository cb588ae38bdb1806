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
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, sha256 } from '../bundle/manifest.ts';

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
