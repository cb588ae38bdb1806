/**
 * The containment rule of every file a séance names (`inclure`, annexes): a relative path, without
 * « .. » leading out, to a file that lies inside the séance folder once symbolic links are resolved.
 *
 * @example
 * const absolute = lexicallyInside('/s', 'annexes/plan.pdf'); // '/s/annexes/plan.pdf'
 * if (absolute && (await reallyInside('/s', absolute))) read(absolute);
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

/** Whether `target` lies strictly inside `folder` (paths compared as written). */
export function isInside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel === '' ? false : !rel.startsWith('..') && !isAbsolute(rel);
}

/** The absolute path of `target` written relative to `folder`, or undefined when it leads out. */
export function lexicallyInside(folder: string, target: string): string | undefined {
  const absolute = resolve(folder, target);
  return isAbsolute(target) || !isInside(folder, absolute) ? undefined : absolute;
}

async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Whether `absolute` is still inside `folder` once links are followed (a link may lead out). */
export async function reallyInside(folder: string, absolute: string): Promise<boolean> {
  return isInside(await realOrSelf(folder), await realOrSelf(absolute));
}
