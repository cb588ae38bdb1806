/**
 * A small reader of ASN.1 DER (and BER indefinite lengths, which some signing tools still write):
 * enough for CMS signatures, X.509 certificates and PKCS#12 files. Every node keeps its byte
 * offsets, so that a signed structure can be hashed exactly as it was written. Nesting depth and
 * node count are bounded: a hostile file cannot exhaust the stack or the memory.
 *
 * @example
 * const root = parseDer(bytes);
 * root.children[0]!.type // 6 (an OBJECT IDENTIFIER)
 */

/** Thrown when the bytes are not the ASN.1 expected (French message). */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface DerNode {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  readonly cls: number;
  readonly constructed: boolean;
  /** The tag number (SEQUENCE = 16, [0] = 0 in the context class). */
  readonly type: number;
  /** Offset of the identifier byte. */
  readonly start: number;
  /** Offset of the content. */
  readonly contentStart: number;
  /** Offset just after the content (and after the end-of-contents octets of an indefinite length). */
  readonly end: number;
  /** Offset just after the content proper (before end-of-contents octets). */
  readonly contentEnd: number;
  readonly children: readonly DerNode[];
}

export const TAG = {
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  bmpString: 30,
  utcTime: 23,
  generalizedTime: 24,
} as const;

export interface DerLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

const DEFAULT_LIMITS: DerLimits = { maxDepth: 40, maxNodes: 200_000 };

/**
 * Parses the value that starts at `start` (bytes after it are ignored: a signature's placeholder
 * is zero-padded). Throws DerError on malformed input or when a limit is passed.
 *
 * @example
 * parseDer(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x05])).children[0]!.contentStart // 4
 */
export function parseDer(bytes: Uint8Array, start = 0, limits: DerLimits = DEFAULT_LIMITS): DerNode {
  let nodes = 0;
  const read = (at: number, limit: number, depth: number): DerNode => {
    if (depth > limits.maxDepth) throw new DerError('structure ASN.1 trop imbriquée');
    if (++nodes > limits.maxNodes) throw new DerError('structure ASN.1 trop grande');
    if (at >= limit) throw new DerError('structure ASN.1 tronquée');
    const first = bytes[at]!;
    let p = at + 1;
    let type = first & 0x1f;
    if (type === 0x1f) {
      type = 0;
      for (let i = 0; ; i++) {
        if (p >= limit || i > 3) throw new DerError('étiquette ASN.1 incorrecte');
        const b = bytes[p++]!;
        type = type * 128 + (b & 0x7f);
        if (!(b & 0x80)) break;
      }
    }
    const constructed = (first & 0x20) !== 0;
    if (p >= limit) throw new DerError('structure ASN.1 tronquée');
    const lengthByte = bytes[p++]!;
    const base = { cls: first >> 6, constructed, type, start: at };
    if (lengthByte === 0x80) {
      if (!constructed) throw new DerError('longueur ASN.1 indéfinie sur une valeur simple');
      const children: DerNode[] = [];
      let q = p;
      while (!(bytes[q] === 0 && bytes[q + 1] === 0)) {
        if (q + 1 >= limit) throw new DerError('structure ASN.1 tronquée');
        const child = read(q, limit, depth + 1);
        children.push(child);
        q = child.end;
      }
      return { ...base, contentStart: p, contentEnd: q, end: q + 2, children };
    }
    let length = lengthByte;
    if (lengthByte & 0x80) {
      const count = lengthByte & 0x7f;
      if (count > 4) throw new DerError('longueur ASN.1 trop grande');
      length = 0;
      for (let i = 0; i < count; i++) {
        if (p >= limit) throw new DerError('structure ASN.1 tronquée');
        length = length * 256 + bytes[p++]!;
      }
    }
    const end = p + length;
    if (end > limit) throw new DerError('structure ASN.1 tronquée');
    const children: DerNode[] = [];
    if (constructed) {
      for (let q = p; q < end; ) {
        const child = read(q, end, depth + 1);
        children.push(child);
        q = child.end;
      }
    }
    return { ...base, contentStart: p, contentEnd: end, end, children };
  };
  return read(start, bytes.length, 0);
}

/** The content bytes of a node. */
export const contentOf = (bytes: Uint8Array, node: DerNode): Uint8Array =>
  bytes.subarray(node.contentStart, node.contentEnd);

/** The whole encoding of a node (identifier, length, content). */
export const rawOf = (bytes: Uint8Array, node: DerNode): Uint8Array => bytes.subarray(node.start, node.end);

/** Is the node of this universal type (or this context-specific tag when `context` is set)? */
export function isTag(node: DerNode | undefined, type: number, context = false): node is DerNode {
  return node !== undefined && node.type === type && node.cls === (context ? 2 : 0);
}

/**
 * The dotted form of an OBJECT IDENTIFIER node.
 *
 * @example
 * oidOf(bytes, node) // '1.2.840.113549.1.7.2'
 */
export function oidOf(bytes: Uint8Array, node: DerNode | undefined): string | undefined {
  if (!isTag(node, TAG.oid)) return undefined;
  const content = contentOf(bytes, node);
  const parts: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) return undefined;
    if (!(b & 0x80)) {
      if (parts.length === 0)
        parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** A small INTEGER node as a number (undefined when absent or too large). */
export function integerOf(bytes: Uint8Array, node: DerNode | undefined): number | undefined {
  if (!isTag(node, TAG.integer)) return undefined;
  const content = contentOf(bytes, node);
  if (content.length === 0 || content.length > 6) return undefined;
  let value = 0;
  for (const b of content) value = value * 256 + b;
  return value;
}

/** Content bytes of an INTEGER without the leading zero bytes (for comparing serial numbers). */
export function unsignedBytes(bytes: Uint8Array, node: DerNode): Uint8Array {
  const content = contentOf(bytes, node);
  let i = 0;
  while (i < content.length - 1 && content[i] === 0) i++;
  return content.subarray(i);
}
