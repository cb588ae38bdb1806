/**
 * Watching the files a séance reads: the folders that hold them are watched (an editor that saves
 * by writing a new file and renaming it over the old one replaces the file a watch on the file
 * itself would follow), and an event on one of the files, or anywhere in a watched folder given
 * whole (the templates folder), calls `onChange` once the burst of events is over.
 *
 * @example
 * const watcher = watchInputs(() => session.rebuild());
 * watcher.update(session.inputs());
 * watcher.close();
 */
import { type FSWatcher, watch } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Inputs {
  readonly files: ReadonlySet<string>;
  /** Folders every file of which counts (the templates folder). */
  readonly folders: readonly string[];
}

export interface InputWatcher {
  /** Watches these inputs from now on (folders no longer needed are let go). */
  readonly update: (inputs: Inputs) => void;
  readonly close: () => void;
}

/** Events closer than this are one change (an editor writes, renames, sets the mode). */
const QUIET_MS = 60;

/**
 * `onChange(true)` after a change in a watched folder given whole (the templates), `onChange(false)`
 * after a change of one of the files.
 */
export function watchInputs(onChange: (inFolder: boolean) => void): InputWatcher {
  const watchers = new Map<string, FSWatcher>();
  let inputs: Inputs = { files: new Set(), folders: [] };
  let timer: NodeJS.Timeout | undefined;
  let inFolder = false;
  const changed = (folder: boolean) => {
    inFolder ||= folder;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const folderChanged = inFolder;
      inFolder = false;
      onChange(folderChanged);
    }, QUIET_MS);
  };
  const listen = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (name === null || inputs.folders.includes(dir)) changed(true);
    else if (inputs.files.has(join(dir, String(name)))) changed(false);
  };
  return {
    update: (next) => {
      inputs = next;
      const dirs = new Set([...[...next.files].map((f) => dirname(f)), ...next.folders]);
      for (const [dir, watcher] of watchers) {
        if (!dirs.has(dir)) {
          watcher.close();
          watchers.delete(dir);
        }
      }
      for (const dir of dirs) {
        if (watchers.has(dir)) continue;
        try {
          const watcher = watch(dir, { persistent: false }, listen(dir));
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(dir);
          });
          watchers.set(dir, watcher);
        } catch {
          // A folder that does not exist (yet): its files are missing, which the problems say.
        }
      }
    },
    close: () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
