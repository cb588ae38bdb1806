// Unit tests of the ASN.1 DER/BER reader.
import { describe, expect, it } from 'vitest';
import { DerError, integerOf, oidOf, parseDer, TAG, unsignedBytes } from './der.ts';

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s/g, ''), 'hex'));

describe('parseDer', () => {
  it('reads short and long lengths and keeps offsets', () => {
    const long = hex(`30 81 83 04 81 80 ${'ab'.repeat(128)}`);
    const root = parseDer(long);
    expect(root.type).toBe(TAG.sequence);
    expect([root.contentStart, root.end]).toEqual([3, 134]);
    expect(root.children[0]!.contentStart).toBe(6);
    expect(parseDer(hex('02 01 05 00 00')).end).toBe(3); // trailing padding ignored
  });

  it('reads indefinite lengths (BER) and context tags, high tag numbers', () => {
    const root = parseDer(hex('30 80 a0 03 02 01 07 9f 81 01 00 00 00'));
    expect(root.end).toBe(13);
    expect(root.children.map((c) => [c.cls, c.type])).toEqual([
      [2, 0],
      [2, 129],
    ]);
    expect(integerOf(hex('a0 03 02 01 07'), root.children[0]!.children[0])).toBe(undefined);
  });

  it('decodes object identifiers and integers', () => {
    const oid = hex('06 09 2a 86 48 86 f7 0d 01 07 02');
    expect(oidOf(oid, parseDer(oid))).toBe('1.2.840.113549.1.7.2');
    const int = hex('02 03 00 ff 01');
    expect(integerOf(int, parseDer(int))).toBe(0xff01);
    expect(Buffer.from(unsignedBytes(int, parseDer(int))).toString('hex')).toBe('ff01');
  });

  it('refuses truncated, oversized and too deeply nested input', () => {
    for (const [input, message] of [
      ['30 05 02 01', 'tronquée'],
      ['30 85 01 00 00 00 00', 'trop grande'],
      ['04 80 00 00', 'indéfinie'],
      ['', 'tronquée'],
      ['30 80'.repeat(10_000), 'trop imbriquée'],
    ] as const) {
      expect(() => parseDer(hex(input)), input.slice(0, 20)).toThrow(DerError);
      expect(() => parseDer(hex(input)), input.slice(0, 20)).toThrow(message);
    }
  });
});
