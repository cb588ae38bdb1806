/**
 * One preview per séance folder: a lock file in the temporary folder, named after the folder's
 * real path (so the séance folder itself gets no file), holding the pid and port of the preview
 * that owns it. A lock whose process is gone (killed, machine restarted) is taken over.
 *
 * @example
 * const lock = await lockFolder('/srv/seance', 4000); // throws apercu.busy if one is open
 * await lock.release();
 */
import { createHash } from 'node:crypto';
import { open, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../bundle/output-dir.ts';
import { DiagnosticError, diagnostic } from '../diagnostics.ts';

export interface FolderLock {
  /** Writes the port the preview listens on into the lock (said to a second preview). */
  readonly setPort: (port: number) => Promise<void>;
  readonly release: () => Promise<void>;
}

/** Locks held by this process (two previews in one process exclude each other too). */
const HELD = new Set<string>();

async function lockPath(folder: string): Promise<string> {
  const real = await realpath(folder).catch(() => folder);
  const key = createHash('sha256').update(real).digest('hex').slice(0, 24);
  return join(tmpdir(), `delib-apercu-${key}.lock`);
}

function busy(folder: string, owner: { pid: number; port?: number }): DiagnosticError {
  const where = owner.port ? ` sur le port ${owner.port}` : '';
  return new DiagnosticError([
    diagnostic(
      'apercu.busy',
      'erreur',
      `Un aperçu de ce dossier est déjà ouvert${where} (processus ${owner.pid}) : « ${folder} ».`,
      {
        file: folder,
        hint: 'Revenez à la page de cet aperçu dans le navigateur, ou arrêtez-le (Ctrl-C dans son terminal) avant d’en ouvrir un autre.',
      },
    ),
  ]);
}

async function readOwner(path: string): Promise<{ pid: number; port?: number }> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; port?: unknown };
    return {
      pid: typeof data.pid === 'number' ? data.pid : 0,
      ...(typeof data.port === 'number' ? { port: data.port } : {}),
    };
  } catch {
    return { pid: 0 };
  }
}

export async function lockFolder(folder: string): Promise<FolderLock> {
  const path = await lockPath(folder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      await handle.writeFile(JSON.stringify({ pid: process.pid }));
      await handle.close();
      HELD.add(path);
      return {
        setPort: async (port) => {
          const h = await open(path, 'w');
          await h.writeFile(JSON.stringify({ pid: process.pid, port }));
          await h.close();
        },
        release: async () => {
          if (!HELD.delete(path)) return;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(path);
      if (isAlive(owner.pid) && (owner.pid !== process.pid || HELD.has(path))) throw busy(folder, owner);
      await rm(path, { force: true });
    }
  }
  throw busy(folder, { pid: 0 });
}
