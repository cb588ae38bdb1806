// The user's cache folder for delib (XDG_CACHE_HOME, else the platform's own), where bin/delib.js
// keeps V8's compile cache and bin/snapshot.js the start-up snapshot; never beside the output.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** `…/delib` in the user's cache folder, or undefined when there is no usable one. */
export function cacheFolder(env = process.env) {
  try {
    const base =
      env.XDG_CACHE_HOME ||
      (process.platform === 'win32'
        ? env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local')
        : join(homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
    // An empty HOME would put it in the current folder; Node's recursive mkdir never returns
    // under /proc (Node 22 and 24): no cache then.
    if (!isAbsolute(base) || /^\/proc(\/|$)/.test(base)) return undefined;
    return join(base, 'delib');
  } catch {
    // No home folder.
    return undefined;
  }
}
