/**
 * Writing one output file (`export scdl -o`, `sign -o`): through a temporary sibling and a rename,
 * so that a reader sees the old file or the new one, never half; never over something that is not
 * a regular file (a folder, a device such as /dev/full, a FIFO, a link); every file system failure
 * said in French.
 *
 * @example
 * await writeOutputFile('deliberations.csv', csv);
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DiagnosticError, diagnostic } from '../diagnostics.ts';
import { outputError } from './output-dir.ts';

function notAFile(file: string, what: string): DiagnosticError {
  return new DiagnosticError([
    diagnostic(
      'output.not-writable',
      'erreur',
      `Impossible d’écrire « ${file} » : c’est ${what}, pas un fichier.`,
      {
        file,
        hint: 'Indiquez le chemin d’un fichier avec -o ; rien n’a été écrit.',
      },
    ),
  ]);
}

/**
 * Writes `data` to `file` atomically, or throws `output.not-writable` (naming the file `shown`)
 * leaving everything as it was.
 */
export async function writeOutputFile(file: string, data: Uint8Array | string, shown = file): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (info?.isDirectory()) throw notAFile(shown, 'un dossier');
  if (info?.isSymbolicLink()) throw notAFile(shown, 'un lien symbolique');
  if (info && !info.isFile()) throw notAFile(shown, 'un périphérique ou un tube');
  const temp = join(
    dirname(file),
    `.${basename(file)}.delib-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw outputError(shown, error);
  }
}
