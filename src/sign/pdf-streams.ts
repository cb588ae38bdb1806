/**
 * The streams that PDF 1.5 files keep their structure in: the data of a stream object (`/Length`
 * bytes after `stream`), decoded when it is FlateDecode with or without a PNG or TIFF predictor
 * (what cross-reference streams and object streams use), within size limits; the rows of a
 * cross-reference stream (`/Type /XRef`, `/W`, `/Index`); the objects of an object stream
 * (`/Type /ObjStm`, `/N`, `/First`). Anything else is refused as « non pris en charge ».
 *
 * @example
 * const data = streamData(bytes, afterDict, dict, (v) => v); // decoded bytes
 * xrefStreamEntries(dict, data) // Map { 1 => { kind: 'offset', offset: 15 }, … }
 */
import { inflateSync } from 'node:zlib';
import {
  get,
  MAX_ITEMS,
  type PdfDict,
  PdfName,
  PdfSyntaxError,
  type PdfValue,
  skipSpace,
} from './pdf-syntax.ts';

/** Where an object is: at a byte offset of the file, inside an object stream, or freed. */
export type XrefEntry =
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number }
  | { readonly kind: 'free' };

/** Largest decoded stream (a cross-reference stream of a million objects takes 7 MB). */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** The raw bytes of the stream whose dictionary ends at `dictEnd`. */
function rawData(bytes: Uint8Array, dictEnd: number, length: number | undefined): Uint8Array {
  const p = skipSpace(bytes, dictEnd);
  if (latin1(bytes, p, p + 6) !== 'stream') throw new PdfSyntaxError('Flux attendu', p);
  let start = p + 6;
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  if (length === undefined || !Number.isSafeInteger(length) || length < 0 || start + length > bytes.length)
    throw new PdfSyntaxError('Longueur de flux incorrecte', p);
  const end = skipSpace(bytes, start + length);
  if (latin1(bytes, end, end + 9) !== 'endstream') throw new PdfSyntaxError('Fin de flux absente', end);
  return bytes.subarray(start, start + length);
}

function inflate(data: Uint8Array, at: number): Uint8Array {
  try {
    return new Uint8Array(inflateSync(data, { maxOutputLength: MAX_DECODED_BYTES }));
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new PdfSyntaxError(`Flux décompressé trop grand (plus de ${MAX_DECODED_BYTES} octets)`, at);
    throw new PdfSyntaxError('Flux compressé endommagé', at);
  }
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes a PNG (10–15) or TIFF (2, 8 bits) predictor, as /DecodeParms describes it. */
function unpredict(data: Uint8Array, params: PdfDict | undefined, at: number): Uint8Array {
  const predictor = get.number(params, 'Predictor') ?? 1;
  if (predictor === 1) return data;
  const colors = get.number(params, 'Colors') ?? 1;
  const bits = get.number(params, 'BitsPerComponent') ?? 8;
  const columns = get.number(params, 'Columns') ?? 1;
  if (
    ![1, 2, 4, 8, 16].includes(bits) ||
    !Number.isInteger(colors) ||
    !Number.isInteger(columns) ||
    colors < 1 ||
    colors > 32 ||
    columns < 1 ||
    columns > 1 << 20
  )
    throw new PdfSyntaxError('Paramètres de prédiction incorrects', at);
  const bpp = Math.max(1, (colors * bits) >> 3);
  const row = Math.ceil((columns * colors * bits) / 8);
  if (predictor === 2) {
    if (bits !== 8) throw new PdfSyntaxError(`prédicteur TIFF sur ${bits} bits`, at, true);
    const out = Uint8Array.from(data);
    for (let r = 0; r + row <= out.length; r += row)
      for (let i = bpp; i < row; i++) out[r + i] = (out[r + i]! + out[r + i - bpp]!) & 0xff;
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new PdfSyntaxError(`prédicteur ${predictor}`, at, true);
  const rows = Math.floor(data.length / (row + 1));
  const out = new Uint8Array(rows * row);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (row + 1)]!;
    const src = r * (row + 1) + 1;
    const dst = r * row;
    for (let i = 0; i < row; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - row + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - row + i - bpp]! : 0;
      const value =
        type === 0
          ? raw
          : type === 1
            ? raw + left
            : type === 2
              ? raw + up
              : type === 3
                ? raw + ((left + up) >> 1)
                : type === 4
                  ? raw + paeth(left, up, upLeft)
                  : -1;
      if (value < 0) throw new PdfSyntaxError(`Filtre de ligne PNG ${type} inconnu`, at);
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

/**
 * The decoded data of the stream object whose dictionary `dict` ends at `dictEnd`. `resolve`
 * gives the value of an indirect `/Length`. Throws PdfSyntaxError (unsupported for a filter other
 * than FlateDecode).
 */
export function streamData(
  bytes: Uint8Array,
  dictEnd: number,
  dict: PdfDict,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): Uint8Array {
  const length = resolve(dict.get('Length'));
  const raw = rawData(bytes, dictEnd, typeof length === 'number' ? length : undefined);
  const filter = dict.get('Filter');
  const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]) as PdfValue[];
  const parms = dict.get('DecodeParms');
  const params = (Array.isArray(parms) ? parms : [parms]) as (PdfValue | undefined)[];
  let data = raw;
  for (const [i, f] of filters.entries()) {
    const name = f instanceof PdfName ? f.name : '?';
    if (name !== 'FlateDecode' && name !== 'Fl')
      throw new PdfSyntaxError(`flux compressé par ${name}`, dictEnd, true);
    const p = params[i];
    data = unpredict(inflate(data, dictEnd), p instanceof Map ? p : undefined, dictEnd);
  }
  return data;
}

/** Reads a big-endian unsigned field of `width` bytes. */
function field(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i++) value = value * 256 + data[at + i]!;
  return value;
}

/**
 * The entries of a cross-reference stream (its dictionary `dict`, its decoded `data`), by object
 * number. Entries of unknown types are left out (references to them are null).
 */
export function xrefStreamEntries(dict: PdfDict, data: Uint8Array, at: number): Map<number, XrefEntry> {
  const widths = (get.array(dict, 'W') ?? []).filter((w): w is number => typeof w === 'number');
  const size = get.number(dict, 'Size');
  if (
    widths.length !== 3 ||
    !widths.every((w) => Number.isInteger(w) && w >= 0 && w <= 6) ||
    widths[1] === 0 ||
    size === undefined ||
    !Number.isSafeInteger(size) ||
    size < 0
  )
    throw new PdfSyntaxError('Flux de références croisées incorrect (/W ou /Size)', at);
  const [w0, w1, w2] = widths as [number, number, number];
  const rowSize = w0 + w1 + w2;
  const index = (get.array(dict, 'Index') ?? [0, size]).filter((v): v is number => typeof v === 'number');
  if (index.length % 2 !== 0) throw new PdfSyntaxError('/Index incorrect', at);
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let k = 0; k < index.length; k += 2) {
    const first = index[k]!;
    const count = index[k + 1]!;
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0)
      throw new PdfSyntaxError('/Index incorrect', at);
    if ((row + count) * rowSize > data.length)
      throw new PdfSyntaxError('Flux de références croisées plus court que son /Index', at);
    for (let i = 0; i < count; i++, row++) {
      const p = row * rowSize;
      const type = w0 === 0 ? 1 : field(data, p, w0);
      const a = field(data, p + w0, w1);
      const b = field(data, p + w0 + w1, w2);
      const num = first + i;
      if (type === 0 && num !== 0) entries.set(num, { kind: 'free' });
      else if (type === 1) entries.set(num, { kind: 'offset', offset: a });
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: a, index: b });
    }
  }
  return entries;
}

/** An object stream: where each of its objects starts in its decoded data. */
export interface ObjectStream {
  readonly data: Uint8Array;
  /** Object number and start (in `data`) of each object, in order. */
  readonly objects: readonly { readonly num: number; readonly start: number }[];
}

/** Reads the header of an object stream (`/N` pairs « number offset » before `/First`). */
export function objectStream(dict: PdfDict, data: Uint8Array, at: number): ObjectStream {
  const n = get.number(dict, 'N');
  const first = get.number(dict, 'First');
  if (
    get.name(dict, 'Type') !== 'ObjStm' ||
    n === undefined ||
    first === undefined ||
    !Number.isSafeInteger(n) ||
    !Number.isSafeInteger(first) ||
    n < 0 ||
    n > MAX_ITEMS ||
    first < 0 ||
    first > data.length
  )
    throw new PdfSyntaxError('Flux d’objets incorrect', at);
  const numbers = latin1(data, 0, first).trim().split(/\s+/).filter(Boolean).map(Number);
  if (numbers.length < 2 * n || numbers.some((v) => !Number.isSafeInteger(v) || v < 0))
    throw new PdfSyntaxError('En-tête de flux d’objets incorrect', at);
  const objects = Array.from({ length: n }, (_, i) => ({
    num: numbers[2 * i]!,
    start: first + numbers[2 * i + 1]!,
  }));
  if (objects.some((o) => o.start >= data.length)) throw new PdfSyntaxError('Flux d’objets tronqué', at);
  return { data, objects };
}
