/**
 * The default family's shaping tables, derived once at build time (bin/build-dist.js) and read
 * from dist/ at run time: deriving them reads each face's GSUB and GPOS tables (≈ 40–300 ms a
 * face cold), as long as shaping the words of a one-point séance. Each face's tables are recorded
 * under the SHA-256 of its bytes and used only for those bytes; any other face (another family,
 * or the sources, which have no such file) derives its tables when it first shapes text.
 *
 * @example
 * const tables = shapingTablesFor(probe, bytes); // prebuilt, derived, or undefined (fontkit only)
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readJsonOnce } from '../read-once.ts';
import type { FontTables } from './opentype.ts';
import { deriveShapingTables, type ShapingTables } from './tables.ts';

const FILE = new URL('./default-shaping-tables.json', import.meta.url);

interface Stored {
  /** Tables by SHA-256 of the face's bytes. */
  readonly faces: Readonly<Record<string, ShapingTables>>;
}

export function faceKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The tables shipped for these bytes, else derived from the parsed face (undefined: fontkit only). */
export function shapingTablesFor(
  font: FontTables,
  bytes: Uint8Array,
  file: URL = FILE,
): ShapingTables | undefined {
  const shipped = readJsonOnce<Stored>(file)?.faces[faceKey(bytes)];
  return shipped ?? deriveShapingTables(font);
}

/** Writes the tables of the given faces (parsed fonts with their bytes) where shapingTablesFor reads them. */
export function writePrebuiltShapingTables(
  faces: readonly { readonly font: FontTables; readonly bytes: Uint8Array }[],
  file: URL = FILE,
): void {
  const out: Record<string, ShapingTables> = {};
  for (const { font, bytes } of faces) {
    const tables = deriveShapingTables(font);
    if (tables) out[faceKey(bytes)] = tables;
  }
  writeFileSync(file, `${JSON.stringify({ faces: out } satisfies Stored)}\n`);
}
