/**
 * Files made at build time (dist/) and read at run time: read and parsed once per process; null
 * when absent (the sources, or a dist/ built without it).
 *
 * @example
 * const stored = readJsonOnce<Stored>(new URL('./default-font-package.json', import.meta.url));
 */
import { readFileSync } from 'node:fs';

const read = new Map<string, unknown>();

export function readJsonOnce<T>(file: URL): T | null {
  if (!read.has(file.href)) {
    let found: unknown = null;
    try {
      found = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      found = null;
    }
    read.set(file.href, found);
  }
  return read.get(file.href) as T | null;
}
