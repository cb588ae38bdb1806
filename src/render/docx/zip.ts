/**
 * Reading and writing the DOCX zip with fflate, in a fixed entry order with fixed times, so the
 * same parts always give the same bytes.
 *
 * @example
 * const parts = readParts(bytes); parts.set('word/styles.xml', utf8('…')); writeParts(parts, date);
 */
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

export type Parts = Map<string, Uint8Array>;

export function readParts(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function text(parts: Parts, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes === undefined ? undefined : strFromU8(bytes);
}

export function setText(parts: Parts, name: string, value: string): void {
  parts.set(name, strToU8(value));
}

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

function order(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? FIRST.length : ia) - (ib === -1 ? FIRST.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A Date whose local-time fields are the UTC fields of `date`: zip (DOS) times are local times and
 * fflate reads them with local getters, so this keeps the bytes independent of the machine's TZ.
 * DOS times start in 1980.
 */
function dosDate(date: Date): Date {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/** Zips the parts: content types first, then the package relationships, then by name. */
export function writeParts(parts: Parts, date: Date): Uint8Array {
  const mtime = dosDate(date);
  const entries: Zippable = {};
  for (const name of [...parts.keys()].sort(order)) {
    entries[name] = [parts.get(name)!, { level: 6, mtime }];
  }
  return zipSync(entries);
}
