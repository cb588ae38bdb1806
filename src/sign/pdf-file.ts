/**
 * Reads the structure of a PDF: the cross-reference sections of every revision (following
 * `/Prev`), classic tables or PDF 1.5 cross-reference streams (and the `/XRefStm` of hybrid
 * files), the last trailer, any object by number (objects inside object streams included), and
 * where each revision ends (`%%EOF`). Limits: sections followed, decoded stream sizes
 * (pdf-streams.ts), nesting and sizes of values (pdf-syntax.ts).
 *
 * @example
 * const pdf = readPdfStructure(bytes);
 * const catalog = pdf.object(pdf.root.num); // Map { 'Type' => PdfName('Catalog'), … }
 */
import {
  MAX_DECODED_BYTES,
  type ObjectStream,
  objectStream,
  streamData,
  type XrefEntry,
  xrefStreamEntries,
} from './pdf-streams.ts';
import {
  get,
  type PdfDict,
  PdfRef,
  PdfSyntaxError,
  type PdfValue,
  parseValue,
  skipSpace,
} from './pdf-syntax.ts';

export type { XrefEntry } from './pdf-streams.ts';

/** One cross-reference section (an update of the file), as written. */
export interface XrefSection {
  /** Offset of its `xref` keyword, or of its cross-reference stream object. */
  readonly offset: number;
  /** The trailer, or the cross-reference stream's dictionary. */
  readonly trailer: PdfDict;
  /** Where each object it lists is. */
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /** Written as a cross-reference stream (PDF 1.5), not as a classic table. */
  readonly stream: boolean;
}

export interface PdfStructure {
  readonly bytes: Uint8Array;
  /** The cross-reference sections of the chain, newest first. */
  readonly sections: readonly XrefSection[];
  /** Where each object is read from (the newest entry wins). */
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /**
   * The byte offset the object's bytes are read from: its own, or its object stream's when it is
   * compressed; undefined when it is freed or unknown.
   */
  readonly position: (num: number) => number | undefined;
  /** The newest trailer dictionary. */
  readonly trailer: PdfDict;
  readonly root: PdfRef;
  /** Offset of the newest cross-reference table (the next update's `/Prev`). */
  readonly startxref: number;
  /** Highest object number + 1 (the trailer's `/Size`). */
  readonly size: number;
  /** Byte offset just after each `%%EOF` (and its end of line), in file order. */
  readonly revisionEnds: readonly number[];
  /** The object's value, or undefined when it does not exist. */
  readonly object: (num: number) => PdfValue | undefined;
  /** Follows a reference (values that are not references are returned as they are). */
  readonly resolve: (value: PdfValue | undefined) => PdfValue | undefined;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, to)).toString('latin1');

function lastStartxref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  // The last one: bytes appended after it (a tampered file) must not hide the structure.
  const match = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].pop();
  if (!match) throw new PdfSyntaxError('Pas de « startxref » à la fin du fichier', bytes.length);
  return Number(match[1]);
}

/** Most cross-reference sections followed (a file signed by every councillor has a few dozen). */
const MAX_SECTIONS = 10_000;

const HEADER = /^(\d+)\s+(\d+)\s+obj/;

/** Parses the cross-reference stream object at `offset`. */
function readXrefStream(bytes: Uint8Array, offset: number): XrefSection {
  const header = HEADER.exec(latin1(bytes, offset, offset + 40));
  if (!header) throw new PdfSyntaxError('Table de références croisées absente', offset);
  const { value: dict, end } = parseValue(bytes, offset + header[0].length);
  if (!(dict instanceof Map) || get.name(dict, 'Type') !== 'XRef')
    throw new PdfSyntaxError('Table de références croisées absente', offset);
  // The entries of a cross-reference stream's dictionary are direct (ISO 32000-1, 7.5.8.2).
  const data = streamData(bytes, end, dict, (v) => v);
  return { offset, trailer: dict, entries: xrefStreamEntries(dict, data, offset), stream: true };
}

/** Parses one `xref` table (or cross-reference stream) at `offset`. */
function readXrefSection(bytes: Uint8Array, offset: number): XrefSection {
  const offsets = new Map<number, XrefEntry>();
  if (latin1(bytes, offset, offset + 4) !== 'xref') return readXrefStream(bytes, offset);
  let p = offset + 4;
  for (;;) {
    p = skipSpace(bytes, p);
    if (latin1(bytes, p, p + 7) === 'trailer') break;
    const header = /^(\d+)\s+(\d+)/.exec(latin1(bytes, p, p + 40));
    if (!header) throw new PdfSyntaxError('Sous-section de références croisées incorrecte', p);
    const first = Number(header[1]);
    const count = Number(header[2]);
    p = skipSpace(bytes, p + header[0].length);
    for (let i = 0; i < count; i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(latin1(bytes, p, p + 18));
      if (!entry) throw new PdfSyntaxError('Entrée de références croisées incorrecte', p);
      const num = first + i;
      if (entry[3] === 'n') offsets.set(num, { kind: 'offset', offset: Number(entry[1]) });
      else if (num !== 0) offsets.set(num, { kind: 'free' });
      p = skipSpace(bytes, p + 18);
    }
  }
  const trailer = parseValue(bytes, p + 7).value;
  if (!(trailer instanceof Map)) throw new PdfSyntaxError('Trailer incorrect', p);
  // A hybrid file: the objects in object streams are listed by a stream beside the table.
  const hybrid = get.number(trailer, 'XRefStm');
  if (hybrid !== undefined) {
    if (!Number.isSafeInteger(hybrid) || hybrid < 0 || hybrid >= bytes.length)
      throw new PdfSyntaxError('/XRefStm incorrect', p);
    for (const [num, entry] of readXrefStream(bytes, hybrid).entries)
      if (!offsets.has(num)) offsets.set(num, entry);
  }
  return { offset, trailer, entries: offsets, stream: false };
}

function revisionEnds(bytes: Uint8Array): number[] {
  const text = latin1(bytes, 0, bytes.length);
  const ends: number[] = [];
  const re = /%%EOF(\r\n|\r|\n)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

/**
 * Reads the cross-reference chain and the trailer. Throws PdfSyntaxError on anything unexpected
 * (also later, from `object`, when an object cannot be read). Reading `bytes.subarray(0, end)`
 * gives the file as it was at the revision that ends at `end`.
 *
 * @example
 * readPdfStructure(readFileSync('deliberation.pdf')).root // PdfRef { num: 3, gen: 0 }
 */
export function readPdfStructure(bytes: Uint8Array): PdfStructure {
  if (latin1(bytes, 0, 5) !== '%PDF-') throw new PdfSyntaxError('Ce n’est pas un fichier PDF', 0);
  const startxref = lastStartxref(bytes);
  const entries = new Map<number, XrefEntry>();
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  for (let at: number | undefined = startxref; at !== undefined; ) {
    if (seen.has(at) || at < 0 || at >= bytes.length || !Number.isInteger(at) || seen.size >= MAX_SECTIONS)
      throw new PdfSyntaxError('Chaîne /Prev incorrecte', at);
    seen.add(at);
    const section = readXrefSection(bytes, at);
    sections.push(section);
    for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
    at = get.number(section.trailer, 'Prev');
  }
  const last = sections[0]!.trailer;
  const root = get.ref(last, 'Root');
  if (!root) throw new PdfSyntaxError('Trailer sans /Root', startxref);
  const cache = new Map<number, PdfValue | undefined>();
  const streams = new Map<number, ObjectStream>();
  let decoded = 0;
  /** The dictionary of the (uncompressed) object at `offset`, and where it ends. */
  const direct = (num: number, offset: number) => {
    const header = HEADER.exec(latin1(bytes, offset, offset + 40));
    if (!header || Number(header[1]) !== num) throw new PdfSyntaxError(`Objet ${num} introuvable`, offset);
    return parseValue(bytes, offset + header[0].length);
  };
  const objectStreamOf = (num: number): ObjectStream => {
    const known = streams.get(num);
    if (known) return known;
    const entry = entries.get(num);
    if (entry?.kind !== 'offset') throw new PdfSyntaxError(`Flux d’objets ${num} introuvable`, 0);
    const { value: dict, end } = direct(num, entry.offset);
    if (!(dict instanceof Map)) throw new PdfSyntaxError(`Flux d’objets ${num} incorrect`, entry.offset);
    // An indirect /Length is read only from an uncompressed object (no recursion into streams).
    const length = (v: PdfValue | undefined) => {
      if (!(v instanceof PdfRef)) return v;
      const at = entries.get(v.num);
      return at?.kind === 'offset' ? direct(v.num, at.offset).value : undefined;
    };
    const data = streamData(bytes, end, dict, length);
    decoded += data.length;
    if (decoded > 8 * MAX_DECODED_BYTES)
      throw new PdfSyntaxError('Flux d’objets trop volumineux au total', entry.offset);
    const parsed = objectStream(dict, data, entry.offset);
    streams.set(num, parsed);
    return parsed;
  };
  const object = (num: number): PdfValue | undefined => {
    if (cache.has(num)) return cache.get(num);
    const entry = entries.get(num);
    let value: PdfValue | undefined;
    if (entry?.kind === 'offset') value = direct(num, entry.offset).value;
    else if (entry?.kind === 'compressed') {
      const stream = objectStreamOf(entry.stream);
      const slot = stream.objects[entry.index];
      if (!slot || slot.num !== num)
        throw new PdfSyntaxError(`Objet ${num} introuvable dans le flux d’objets ${entry.stream}`, 0);
      value = parseValue(stream.data, slot.start).value;
    }
    cache.set(num, value);
    return value;
  };
  const position = (num: number): number | undefined => {
    const entry = entries.get(num);
    if (entry?.kind === 'offset') return entry.offset;
    if (entry?.kind !== 'compressed') return undefined;
    const stream = entries.get(entry.stream);
    return stream?.kind === 'offset' ? stream.offset : undefined;
  };
  const resolve = (value: PdfValue | undefined) => (value instanceof PdfRef ? object(value.num) : value);
  return {
    bytes,
    sections,
    entries,
    position,
    trailer: last,
    root,
    startxref,
    size: get.number(last, 'Size') ?? 0,
    revisionEnds: revisionEnds(bytes),
    object,
    resolve,
  };
}
