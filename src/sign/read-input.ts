/**
 * Reads a file given to `delib sign` or `delib verify`: only a regular file (a FIFO or a device
 * would block or never end), and only up to a size limit checked before reading.
 *
 * @example
 * const bytes = await readInputFile('convention.pdf', 'Le PDF', 200 * 1024 * 1024);
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { DiagnosticError } from '../diagnostics.ts';
import { signError } from './errors.ts';

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} Mo`;

/**
 * The bytes of `path` (named `file`, as the user wrote it, in messages); throws a DiagnosticError (`file.not-found`, `file.unreadable`,
 * `file.too-large`) otherwise.
 *
 * @example
 * await readInputFile('/tmp/fifo', 'Le certificat', 1e6) // throws « … n’est pas un fichier ordinaire »
 */
export async function readInputFile(
  path: string,
  what: string,
  maxBytes: number,
  file = path,
): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw signError('file.not-found', `${what} « ${file} » est introuvable ou illisible.`, file);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw signError(
        'file.unreadable',
        `${what} « ${file} » n’est pas un fichier ordinaire (dossier, tube ou périphérique).`,
        file,
        'Indiquez le chemin d’un fichier.',
      );
    }
    if (info.size > maxBytes) {
      throw signError(
        'file.too-large',
        `${what} « ${file} » est trop volumineux (${megabytes(info.size)} ; au plus ${megabytes(maxBytes)}).`,
        file,
      );
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    throw signError('file.unreadable', `${what} « ${file} » est illisible.`, file);
  } finally {
    await handle.close();
  }
}
