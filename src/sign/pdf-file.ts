/**
 * Reads the structure of a PDF written by pdfkit or by `delib sign`: the classic cross-reference
 * tables of every revision (following `/Prev`), the last trailer, any object by number, and where
 * each revision ends (`%%EOF`). Cross-reference streams are refused: delib never writes them.
 *
 * @example
 * const pdf = readPdfStructure(bytes);
 * const catalog = pdf.object(pdf.root.num); // Map { 'Type' => PdfName('Catalog'), … }
 */
import {
  get,
  type PdfDict,
  PdfRef,
  PdfSyntaxError,
  type PdfValue,
  parseValue,
  skipSpace,
} from './pdf-syntax.ts';

/** One cross-reference section (an update of the file), as written. */
export interface XrefSection {
  /** Offset of its `xref` keyword. */
  readonly offset: number;
  readonly trailer: PdfDict;
  /** Offset of each object it lists (-1 for a freed object). */
  readonly entries: ReadonlyMap<number, number>;
}

export interface PdfStructure {
  readonly bytes: Uint8Array;
  /** The cross-reference sections of the chain, newest first. */
  readonly sections: readonly XrefSection[];
  /** Where each object is read from (the newest entry wins; -1 when freed). */
  readonly offsets: ReadonlyMap<number, number>;
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

/** Parses one `xref` table at `offset`; returns offsets by object number and the trailer. */
function readXrefTable(bytes: Uint8Array, offset: number): XrefSection {
  const offsets = new Map<number, number>();
  if (latin1(bytes, offset, offset + 4) !== 'xref') {
    if (/^\d+\s+\d+\s+obj/.test(latin1(bytes, offset, offset + 40))) {
      throw new PdfSyntaxError(
        'références croisées en flux (PDF 1.5 et suivants), que delib ne lit pas',
        offset,
        true,
      );
    }
    throw new PdfSyntaxError('Table de références croisées absente', offset);
  }
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
      if (entry[3] === 'n') offsets.set(num, Number(entry[1]));
      else if (num !== 0) offsets.set(num, -1);
      p = skipSpace(bytes, p + 18);
    }
  }
  const trailer = parseValue(bytes, p + 7).value;
  if (!(trailer instanceof Map)) throw new PdfSyntaxError('Trailer incorrect', p);
  return { offset, trailer, entries: offsets };
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
  const offsets = new Map<number, number>();
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  for (let at: number | undefined = startxref; at !== undefined; ) {
    if (seen.has(at) || at < 0 || at >= bytes.length || !Number.isInteger(at) || seen.size >= MAX_SECTIONS)
      throw new PdfSyntaxError('Chaîne /Prev incorrecte', at);
    seen.add(at);
    const section = readXrefTable(bytes, at);
    sections.push(section);
    for (const [num, offset] of section.entries) if (!offsets.has(num)) offsets.set(num, offset);
    at = get.number(section.trailer, 'Prev');
  }
  const last = sections[0]!.trailer;
  const root = get.ref(last, 'Root');
  if (!root) throw new PdfSyntaxError('Trailer sans /Root', startxref);
  const cache = new Map<number, PdfValue | undefined>();
  const object = (num: number): PdfValue | undefined => {
    if (cache.has(num)) return cache.get(num);
    const offset = offsets.get(num);
    let value: PdfValue | undefined;
    if (offset !== undefined && offset >= 0) {
      const header = /^(\d+)\s+(\d+)\s+obj/.exec(latin1(bytes, offset, offset + 40));
      if (!header || Number(header[1]) !== num) throw new PdfSyntaxError(`Objet ${num} introuvable`, offset);
      value = parseValue(bytes, offset + header[0].length).value;
    }
    cache.set(num, value);
    return value;
  };
  const resolve = (value: PdfValue | undefined) => (value instanceof PdfRef ? object(value.num) : value);
  return {
    bytes,
    sections,
    offsets,
    trailer: last,
    root,
    startxref,
    size: get.number(last, 'Size') ?? 0,
    revisionEnds: revisionEnds(bytes),
    object,
    resolve,
  };
}
