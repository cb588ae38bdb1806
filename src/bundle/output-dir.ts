/**
 * Atomic output: a bundle is written into a temporary folder beside the target, then moved into
 * place with renames. An error or a kill halfway leaves the previous bundle untouched; temporary
 * folders of killed runs are removed by the next run. A target holding files delib did not write
 * is refused unless `force`; two builds into one folder at once are refused by a lock file.
 *
 * @example
 * const staged = await stageOutput('output/2023-03-23-conseil-municipal', { force: false });
 * try { await writeFile(join(staged.dir, 'a.pdf'), bytes); await staged.commit(); }
 * catch (e) { await staged.abort(); throw e; }
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DiagnosticError, diagnostic } from '../diagnostics.ts';
import { MANIFEST_FILE } from './manifest.ts';

export interface StagedOutput {
  /** The temporary folder to write into. */
  readonly dir: string;
  /** The final folder. */
  readonly target: string;
  /** Moves the temporary folder into place (replacing the previous bundle) and releases the lock. */
  commit(): Promise<void>;
  /** Removes the temporary folder and releases the lock; the previous bundle stays as it was. */
  abort(): Promise<void>;
}

const TMP = '.delib-tmp-';
const OLD = '.delib-old-';
const LOCK = '.delib-lock';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error
    ? String((error as NodeJS.ErrnoException).code)
    : undefined;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** What a file system error means, in French. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'accès refusé en écriture',
  EPERM: 'accès refusé en écriture',
  EROFS: 'système de fichiers en lecture seule',
  ENOSPC: 'disque plein',
  EDQUOT: 'quota de disque dépassé',
  ENOTDIR: 'un élément du chemin est un fichier, pas un dossier',
  // mkdir -p answers EEXIST when a part of the path is a file.
  EEXIST: 'un élément du chemin est un fichier, pas un dossier',
  EISDIR: 'un dossier se trouve là où un fichier était attendu',
  ENAMETOOLONG: 'chemin trop long',
  EMFILE: 'trop de fichiers ouverts',
  EIO: 'erreur d’entrée-sortie du disque',
};

/** Whether `error` is a file system error (it has an errno code). */
export function isFileSystemError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

/** A file system error met while writing `target`, as a French diagnostic. */
export function outputError(target: string, error: unknown): DiagnosticError {
  const code = errorCode(error);
  const reason = (code && REASONS[code]) ?? `erreur du système de fichiers (${code ?? 'inconnue'})`;
  return new DiagnosticError([
    diagnostic(
      'output.not-writable',
      'erreur',
      `Impossible d’écrire le dossier de sortie « ${target} » : ${reason}.`,
      {
        file: target,
        hint:
          code === 'ENOSPC'
            ? 'Libérez de la place sur le disque puis relancez ; le dossier précédent est intact.'
            : 'Choisissez un autre dossier avec -o, ou vérifiez ses droits ; le dossier précédent est intact.',
      },
    ),
  ]);
}

/** The pid written in a lock or temporary folder name, if any. */
function pidOf(name: string, prefix: string): number {
  const rest = name.slice(name.indexOf(prefix) + prefix.length);
  return Number.parseInt(rest, 10);
}

/** Locks held by this process: two runs in one process (the API, tests) exclude each other too. */
const HELD = new Set<string>();

async function releaseLock(lockPath: string): Promise<void> {
  HELD.delete(lockPath);
  await rm(lockPath, { force: true });
}

async function acquireLock(lockPath: string, target: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      HELD.add(lockPath);
      return;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (isAlive(owner) && (owner !== process.pid || HELD.has(lockPath))) {
        throw new DiagnosticError([
          diagnostic(
            'output.busy',
            'erreur',
            `Une autre construction écrit déjà dans « ${target} » (processus ${owner}).`,
            {
              file: target,
              hint: 'Attendez la fin de l’autre construction, ou choisissez un autre dossier avec -o.',
            },
          ),
        ]);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new DiagnosticError([
    diagnostic('output.busy', 'erreur', `Le verrou de « ${target} » n’a pas pu être pris.`, { file: target }),
  ]);
}

/** Removes what killed runs left beside the target, and puts back a bundle a crash left aside. */
async function recover(parent: string, name: string, target: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  const targetExists = entries.includes(name);
  for (const entry of entries) {
    if (entry.startsWith(`.${name}${TMP}`) && !isAlive(pidOf(entry, TMP))) {
      await rm(join(parent, entry), { recursive: true, force: true });
    } else if (entry.startsWith(`.${name}${OLD}`) && !isAlive(pidOf(entry, OLD))) {
      if (targetExists) await rm(join(parent, entry), { recursive: true, force: true });
      else await rename(join(parent, entry), target);
    }
  }
}

/** Files of the target that a previous delib bundle does not list. */
async function foreignFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [basename(target)];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => !e.isDirectory())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(target.length + 1)
        .replaceAll('\\', '/'),
    );
  if (files.length === 0) return [];
  let listed = new Set<string>();
  try {
    const manifest = JSON.parse(await readFile(join(target, MANIFEST_FILE), 'utf8')) as {
      generator?: { name?: string };
      documents?: { path?: string }[];
    };
    if (manifest.generator?.name === 'delib') {
      listed = new Set([MANIFEST_FILE, ...(manifest.documents ?? []).map((d) => d.path ?? '')]);
    }
  } catch {
    // No manifest of ours: every file is foreign.
  }
  return files.filter((f) => !listed.has(f)).sort();
}

export async function stageOutput(
  outDir: string,
  options: { readonly force: boolean },
): Promise<StagedOutput> {
  const target = resolve(outDir);
  const parent = dirname(target);
  const name = basename(target);
  const createdParent = await stat(parent).then(
    () => false,
    () => true,
  );
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw outputError(outDir, error);
  }
  const lockPath = join(parent, `.${name}${LOCK}`);
  try {
    await acquireLock(lockPath, outDir);
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    throw outputError(outDir, error);
  }
  const release = async () => {
    await releaseLock(lockPath);
    if (createdParent) await rmdir(parent).catch(() => undefined);
  };
  try {
    await recover(parent, name, target);
    const foreign = await foreignFiles(target);
    if (foreign.length > 0 && !options.force) {
      const shown =
        foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} en tout)` : '');
      throw new DiagnosticError([
        diagnostic(
          'output.foreign-files',
          'erreur',
          `Le dossier de sortie « ${outDir} » contient des fichiers que delib n’a pas écrits : ${shown}.`,
          {
            file: outDir,
            hint: 'delib remplace tout le dossier : choisissez un dossier vide avec -o, ou ajoutez --force pour le remplacer quand même.',
          },
        ),
      ]);
    }
    const dir = join(parent, `.${name}${TMP}${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir);
    let done = false;
    return {
      dir,
      target,
      async commit() {
        if (done) return;
        done = true;
        const old = join(parent, `.${name}${OLD}${process.pid}-${randomBytes(4).toString('hex')}`);
        try {
          const hadTarget = await stat(target).then(
            () => true,
            () => false,
          );
          if (hadTarget) await rename(target, old);
          await rename(dir, target);
          if (hadTarget) await rm(old, { recursive: true, force: true });
        } catch (error) {
          // Put the previous bundle back if it was moved aside.
          const moved = await stat(old).then(
            () => true,
            () => false,
          );
          const targetBack = await stat(target).then(
            () => true,
            () => false,
          );
          if (moved && !targetBack) await rename(old, target).catch(() => undefined);
          await rm(dir, { recursive: true, force: true });
          throw outputError(outDir, error);
        } finally {
          await releaseLock(lockPath);
        }
      },
      async abort() {
        if (done) return;
        done = true;
        await rm(dir, { recursive: true, force: true });
        await release();
      },
    };
  } catch (error) {
    await release();
    if (error instanceof DiagnosticError) throw error;
    throw outputError(outDir, error);
  }
}
