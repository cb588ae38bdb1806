/**
 * The little of PDF's object syntax that signing needs: parse a value (dictionary, array, name,
 * string, number, reference) from bytes and write it back. Not a general PDF parser: streams are
 * skipped, only the dictionaries of fields, forms and signatures are read.
 *
 * @example
 * const { value } = parseValue(Buffer.from('<< /T (signature-1) /FT /Sig >>'), 0);
 * serialize(value) // '<< /T (signature-1) /FT /Sig >>'
 */

/** `/Name` */
export class PdfName {
  constructor(readonly name: string) {}
}

/** `(literal)` or `<hex>` string, as raw bytes. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
}

/** `12 0 R` */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export type PdfDict = ReadonlyMap<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | readonly PdfValue[] | PdfDict;

/** Thrown when the bytes are not the PDF syntax expected. */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    position: number,
    /** The bytes may be valid PDF, of a kind delib does not read (cross-reference streams). */
    readonly unsupported = false,
  ) {
    super(`${message} (octet ${position})`);
    this.name = 'PdfSyntaxError';
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

const isRegular = (byte: number | undefined) =>
  byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

/** Position of the next token: skips whitespace and comments. */
export function skipSpace(bytes: Uint8Array, position: number): number {
  let p = position;
  while (p < bytes.length) {
    const byte = bytes[p]!;
    if (WHITESPACE.has(byte)) p++;
    else if (byte === 0x25) {
      while (p < bytes.length && bytes[p] !== 0x0a && bytes[p] !== 0x0d) p++;
    } else break;
  }
  return p;
}

function regularToken(bytes: Uint8Array, position: number): { text: string; end: number } {
  let end = position;
  while (isRegular(bytes[end])) end++;
  return { text: Buffer.from(bytes.subarray(position, end)).toString('latin1'), end };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function parseLiteral(bytes: Uint8Array, position: number): { value: PdfString; end: number } {
  const out: number[] = [];
  let depth = 1;
  let p = position + 1;
  while (p < bytes.length) {
    const byte = bytes[p]!;
    if (byte === 0x5c) {
      const next = bytes[p + 1];
      p += 2;
      if (next === undefined) break;
      const simple: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
      if (simple[next] !== undefined) out.push(simple[next]);
      else if (next >= 0x30 && next <= 0x37) {
        let code = next - 0x30;
        for (let i = 0; i < 2 && bytes[p]! >= 0x30 && bytes[p]! <= 0x37; i++)
          code = code * 8 + bytes[p++]! - 0x30;
        out.push(code & 0xff);
      } else if (next === 0x0d) {
        if (bytes[p] === 0x0a) p++;
      } else if (next !== 0x0a) out.push(next);
      continue;
    }
    if (byte === 0x28) depth++;
    if (byte === 0x29 && --depth === 0) return { value: new PdfString(Uint8Array.from(out)), end: p + 1 };
    out.push(byte);
    p++;
  }
  throw new PdfSyntaxError('Chaîne non fermée', position);
}

function parseHex(bytes: Uint8Array, position: number): { value: PdfString; end: number } {
  const close = bytes.indexOf(0x3e, position);
  if (close < 0) throw new PdfSyntaxError('Chaîne hexadécimale non fermée', position);
  let hex = Buffer.from(bytes.subarray(position + 1, close))
    .toString('latin1')
    .replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError('Chaîne hexadécimale incorrecte', position);
  if (hex.length % 2 === 1) hex += '0';
  return { value: new PdfString(Uint8Array.from(Buffer.from(hex, 'hex')), true), end: close + 1 };
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Deepest nesting of arrays and dictionaries accepted (delib writes 4 at most). */
export const MAX_DEPTH = 64;
/** Most entries accepted in one array or dictionary. */
export const MAX_ITEMS = 100_000;

/**
 * Parses one value at `position` (after whitespace). References `n g R` are recognised. Throws
 * PdfSyntaxError beyond MAX_DEPTH levels of nesting or MAX_ITEMS entries.
 *
 * @example
 * parseValue(Buffer.from('[1 0 R /A]'), 0).value // [PdfRef(1, 0), PdfName('A')]
 */
export function parseValue(bytes: Uint8Array, position: number, depth = 0): { value: PdfValue; end: number } {
  const p = skipSpace(bytes, position);
  const byte = bytes[p];
  if (byte === undefined) throw new PdfSyntaxError('Fin de fichier inattendue', p);
  if (depth >= MAX_DEPTH) throw new PdfSyntaxError('Structure trop imbriquée', p);
  if (byte === 0x3c && bytes[p + 1] === 0x3c) {
    const dict = new Map<string, PdfValue>();
    let q = skipSpace(bytes, p + 2);
    while (!(bytes[q] === 0x3e && bytes[q + 1] === 0x3e)) {
      if (bytes[q] !== 0x2f) throw new PdfSyntaxError('Nom attendu dans un dictionnaire', q);
      const key = regularToken(bytes, q + 1);
      const item = parseValue(bytes, key.end, depth + 1);
      dict.set(decodeName(key.text), item.value);
      if (dict.size > MAX_ITEMS) throw new PdfSyntaxError('Dictionnaire trop grand', p);
      q = skipSpace(bytes, item.end);
      if (q >= bytes.length) throw new PdfSyntaxError('Dictionnaire non fermé', p);
    }
    return { value: dict, end: q + 2 };
  }
  if (byte === 0x3c) return parseHex(bytes, p);
  if (byte === 0x28) return parseLiteral(bytes, p);
  if (byte === 0x5b) {
    const items: PdfValue[] = [];
    let q = skipSpace(bytes, p + 1);
    while (bytes[q] !== 0x5d) {
      if (q >= bytes.length) throw new PdfSyntaxError('Tableau non fermé', p);
      const item = parseValue(bytes, q, depth + 1);
      items.push(item.value);
      if (items.length > MAX_ITEMS) throw new PdfSyntaxError('Tableau trop grand', p);
      q = skipSpace(bytes, item.end);
    }
    return { value: items, end: q + 1 };
  }
  if (byte === 0x2f) {
    const name = regularToken(bytes, p + 1);
    return { value: new PdfName(decodeName(name.text)), end: name.end };
  }
  const token = regularToken(bytes, p);
  if (token.text === 'true' || token.text === 'false')
    return { value: token.text === 'true', end: token.end };
  if (token.text === 'null') return { value: null, end: token.end };
  if (!NUMBER.test(token.text))
    throw new PdfSyntaxError(`Valeur inattendue « ${token.text.slice(0, 20)} »`, p);
  const number = Number(token.text);
  if (/^\d+$/.test(token.text)) {
    const second = skipSpace(bytes, token.end);
    const gen = regularToken(bytes, second);
    if (/^\d+$/.test(gen.text)) {
      const third = skipSpace(bytes, gen.end);
      if (bytes[third] === 0x52 && !isRegular(bytes[third + 1])) {
        return { value: new PdfRef(number, Number(gen.text)), end: third + 1 };
      }
    }
  }
  return { value: number, end: token.end };
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1000) / 1000);
}

function encodeName(name: string): string {
  return name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Writes a value in PDF syntax (latin1 string: one character per byte).
 *
 * @example
 * serialize(new Map([['Type', new PdfName('Sig')]])) // '<< /Type /Sig >>'
 */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return `/${encodeName(value.name)}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) {
    if (value.hex) return `<${Buffer.from(value.bytes).toString('hex')}>`;
    const text = Buffer.from(value.bytes).toString('latin1');
    return `(${text.replace(/[\\()]/g, '\\$&').replace(/\r/g, '\\r')})`;
  }
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  const dict = value as PdfDict;
  return `<< ${[...dict].map(([k, v]) => `/${encodeName(k)} ${serialize(v)}`).join(' ')} >>`;
}

/** A text string for the PDF (UTF-16BE with BOM when not plain ASCII). */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Uint8Array.from(Buffer.from(text, 'latin1')));
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return new PdfString(Uint8Array.from(utf16), true);
}

/** Decodes a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding ≈ latin1). */
export function decodeText(value: PdfValue | undefined): string | undefined {
  if (!(value instanceof PdfString)) return undefined;
  const b = value.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return Buffer.from(b.subarray(3)).toString('utf8');
  return Buffer.from(b).toString('latin1');
}

/** Typed lookups in a dictionary. */
export const get = {
  dict: (d: PdfDict | undefined, key: string): PdfDict | undefined => {
    const v = d?.get(key);
    return v instanceof Map ? v : undefined;
  },
  ref: (d: PdfDict | undefined, key: string): PdfRef | undefined => {
    const v = d?.get(key);
    return v instanceof PdfRef ? v : undefined;
  },
  array: (d: PdfDict | undefined, key: string): readonly PdfValue[] | undefined => {
    const v = d?.get(key);
    return Array.isArray(v) ? v : undefined;
  },
  name: (d: PdfDict | undefined, key: string): string | undefined => {
    const v = d?.get(key);
    return v instanceof PdfName ? v.name : undefined;
  },
  number: (d: PdfDict | undefined, key: string): number | undefined => {
    const v = d?.get(key);
    return typeof v === 'number' ? v : undefined;
  },
};
