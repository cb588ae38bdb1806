/**
 * Reading a file a séance (or a templates folder) refers to, safely: its path is resolved inside
 * its folder component by component, never looking at anything outside (a link that leads out is
 * refused without following it, so nothing about the outside file — existence, size, content —
 * can leak into a message); then only a regular file is opened (never a FIFO, a device or a
 * folder, which would hang or mislead), without blocking, and never read beyond a size limit.
 *
 * `readContained` checks and reads in one step (the séance's resources, included point files,
 * templates); `isInside` and `lexicallyInside` are the lexical checks of a path as written,
 * `reallyInside` the real-path check of a path that is written to, not read (the preview).
 *
 * @example
 * const r = readContained('/srv/seance', 'logo.png', { maxBytes: 10 * 1024 * 1024 });
 * if ('bytes' in r) use(r.bytes); else report(r.problem);
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
} from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Why a referenced file cannot be used. */
export type ContainedProblem =
  /** The path, or a link on its way, leads outside of the folder. */
  | { readonly kind: 'outside' }
  /** Nothing at that path (or a link inside the folder that leads nowhere). */
  | { readonly kind: 'missing'; readonly dangling: boolean }
  /** Something that is not a regular file: a folder, a FIFO, a device, a socket. */
  | { readonly kind: 'not-a-file'; readonly what: string }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly kind: 'unreadable'; readonly code: string };

export type ContainedRead =
  | { readonly bytes: Uint8Array; readonly realPath: string }
  | { readonly problem: ContainedProblem };

export interface ContainedOptions {
  readonly maxBytes: number;
}

function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function errorCode(error: unknown): string {
  return String((error as NodeJS.ErrnoException | null)?.code ?? 'erreur');
}

/** What a non-regular file is, in French. */
export function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'un dossier';
  if (info.isFIFO()) return 'un tube nommé (FIFO)';
  if (info.isSocket()) return 'une socket';
  return 'un périphérique';
}

/**
 * The real path of `relativePath` under `realFolder` (itself a real path), following links only
 * while they stay inside; never calls the file system on a path outside of the folder.
 */
function resolveInside(realFolder: string, relativePath: string): string | ContainedProblem {
  const parts = relativePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  let current = realFolder;
  let links = 0;
  while (parts.length > 0) {
    const part = parts.shift() as string;
    if (part === '..') {
      current = dirname(current);
      if (!within(current, realFolder)) return { kind: 'outside' };
      continue;
    }
    const next = join(current, part);
    let info: ReturnType<typeof lstatSync>;
    try {
      info = lstatSync(next);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', dangling: links > 0 };
      return { kind: 'unreadable', code };
    }
    if (info.isSymbolicLink()) {
      if (++links > 40) return { kind: 'missing', dangling: true };
      const target = resolve(current, readlinkSync(next));
      if (!within(target, realFolder)) return { kind: 'outside' };
      parts.unshift(
        ...relative(realFolder, target)
          .split(sep)
          .filter((p) => p !== ''),
      );
      current = realFolder;
      continue;
    }
    current = next;
  }
  return current;
}

/** Reads at most `limit + 1` bytes from an open descriptor. */
function readAtMost(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) break;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * Opens `path` only if it is a regular file of at most `maxBytes` bytes, and reads it. Used for
 * files named on the command line, which may be anywhere.
 */
export function readRegularFile(path: string, options: ContainedOptions): ContainedRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      let dangling = false;
      try {
        dangling = lstatSync(path).isSymbolicLink();
      } catch {
        // Nothing there at all.
      }
      return { problem: { kind: 'missing', dangling } };
    }
    if (code === 'EISDIR') return { problem: { kind: 'not-a-file', what: 'un dossier' } };
    return { problem: { kind: 'unreadable', code } };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { problem: { kind: 'not-a-file', what: kindOf(info) } };
    if (info.size > options.maxBytes) {
      return { problem: { kind: 'too-large', size: info.size, limit: options.maxBytes } };
    }
    const bytes = readAtMost(fd, options.maxBytes);
    if (bytes.length > options.maxBytes) {
      return { problem: { kind: 'too-large', size: bytes.length, limit: options.maxBytes } };
    }
    let realPath = resolve(path);
    try {
      realPath = realpathSync(path);
    } catch {
      // Removed meanwhile: the bytes read are what counts.
    }
    return { bytes, realPath };
  } catch (error) {
    return { problem: { kind: 'unreadable', code: errorCode(error) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `relativePath` inside `folder`, or says why not (see the module comment).
 *
 * @example
 * readContained('seance', '../../etc/passwd', { maxBytes: 1024 }) // { problem: { kind: 'outside' } }
 */
export function readContained(
  folder: string,
  relativePath: string,
  options: ContainedOptions,
): ContainedRead {
  if (isAbsolute(relativePath)) return { problem: { kind: 'outside' } };
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch (error) {
    return { problem: { kind: 'unreadable', code: errorCode(error) } };
  }
  const real = resolveInside(realFolder, relativePath);
  if (typeof real !== 'string') return { problem: real };
  if (real === realFolder) return { problem: { kind: 'not-a-file', what: 'un dossier' } };
  return readRegularFile(real, options);
}

/** The diagnostic code of a problem (a missing file is `missing`, to be named by the caller). */
export function problemCode(
  problem: ContainedProblem,
  missing: 'file.not-found' | 'rule.file-missing' = 'file.not-found',
): 'file.outside-folder' | 'file.too-large' | 'file.unreadable' | 'file.not-found' | 'rule.file-missing' {
  if (problem.kind === 'outside') return 'file.outside-folder';
  if (problem.kind === 'too-large') return 'file.too-large';
  if (problem.kind === 'missing') return missing;
  return 'file.unreadable';
}

/** A problem in French, for the file shown as `shown` (« Le logo « logo.png » »). */
export function describeProblem(subject: string, problem: ContainedProblem): string {
  switch (problem.kind) {
    case 'outside':
      return `${subject} est hors du dossier de la séance`;
    case 'missing':
      return problem.dangling
        ? `${subject} est un lien qui ne mène à aucun fichier`
        : `${subject} est introuvable`;
    case 'not-a-file':
      return `${subject} est ${problem.what}, pas un fichier`;
    case 'too-large':
      return `${subject} fait ${problem.size.toLocaleString('fr-FR')} octets, au-delà de la limite de ${problem.limit.toLocaleString('fr-FR')} octets`;
    case 'unreadable':
      return `${subject} ne peut pas être lu (${problem.code})`;
  }
}

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
