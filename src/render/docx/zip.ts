/**
 * Reading and writing the DOCX zip, in a fixed entry order with fixed times, so the same parts
 * always give the same bytes. Parts are deflated by Node's zlib (level 6) and checksummed by its
 * CRC-32, native code: fflate's deflate and a CRC in JavaScript ran interpreted in a new process
 * (≈ 0.1 s of a one-point build). The bytes then depend on Node's zlib, as those of the PDF
 * streams pdfkit deflates with it already do: the same Node gives the same bytes on every run and
 * with any number of threads. Reading (a reference DOCX, tests) stays fflate's.
 *
 * @example
 * const parts = readParts(bytes); parts.set('word/styles.xml', utf8('…')); writeParts(parts, date);
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';

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

/** DOS date and time fields of `date`, read in UTC so the bytes do not depend on the machine's TZ. */
function dosDateTime(date: Date): { time: number; day: number } {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export interface Compressed {
  readonly data: Uint8Array;
  readonly crc: number;
}

/**
 * Deflated entries kept per part object: the embedded fonts are the same objects in every package
 * of a process, so they are deflated once (the rest is small XML).
 */
const compressedCache = new WeakMap<Uint8Array, Compressed>();
const CACHE_FROM = 16 * 1024;

function compress(data: Uint8Array): Compressed {
  const hit = compressedCache.get(data);
  if (hit) return hit;
  const out = compressedPart(data);
  if (data.length >= CACHE_FROM) compressedCache.set(data, out);
  return out;
}

/** A part as the zip writer stores it: deflated (level 6) and its CRC-32. */
export function compressedPart(data: Uint8Array): Compressed {
  const deflated = deflateRawSync(data, { level: 6 });
  return {
    data: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length),
    crc: crc32(data) >>> 0,
  };
}

/** Gives the zip writer a part's deflated bytes made earlier (compressedPart, at build time). */
export function primeCompressed(data: Uint8Array, compressed: Compressed): void {
  compressedCache.set(data, compressed);
}

/**
 * Zips the parts: content types first, then the package relationships, then by name; every entry
 * deflated, with the same time. A plain zip (no zip64, no data descriptors), as Word writes them.
 */
export function writeParts(parts: Parts, date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const name of [...parts.keys()].sort(order)) {
    const data = parts.get(name)!;
    const { data: deflated, crc } = compress(data);
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // names are UTF-8
    l.setUint16(8, 8, true); // deflate
    l.setUint16(10, time, true);
    l.setUint16(12, day, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, deflated.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const header = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(header.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 8, true);
    c.setUint16(12, time, true);
    c.setUint16(14, day, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, deflated.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, offset, true);
    header.set(nameBytes, 46);
    chunks.push(local, deflated);
    central.push(header);
    offset += local.length + deflated.length;
    count++;
  }
  const centralSize = central.reduce((sum, h) => sum + h.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, count, true);
  e.setUint16(10, count, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...central, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
