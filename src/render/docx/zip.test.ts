// The DOCX zip writer read back by hand, with Node's own inflate and CRC-32 (not the writer's):
// entry order, flags, DOS times in UTC, sizes and checksums, the central directory.
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Parts, readParts, setText, text, writeParts } from './zip.ts';

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly day: number;
  readonly crc: number;
  readonly data: Buffer;
  readonly size: number;
}

/** Local entries in file order, checked against the central directory and the end record. */
function entries(zip: Uint8Array): Entry[] {
  const bytes = Buffer.from(zip);
  const end = bytes.length - 22;
  expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
  const count = bytes.readUInt16LE(end + 10);
  const centralSize = bytes.readUInt32LE(end + 12);
  const centralStart = bytes.readUInt32LE(end + 16);
  expect(centralStart + centralSize).toBe(end);
  const out: Entry[] = [];
  let local = 0;
  let central = centralStart;
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    expect(bytes.readUInt32LE(central + 42)).toBe(local);
    const nameLength = bytes.readUInt16LE(local + 26);
    const compressed = bytes.readUInt32LE(local + 18);
    const name = bytes.toString('utf8', local + 30, local + 30 + nameLength);
    expect(bytes.toString('utf8', central + 46, central + 46 + nameLength)).toBe(name);
    const start = local + 30 + nameLength + bytes.readUInt16LE(local + 28);
    out.push({
      name,
      flags: bytes.readUInt16LE(local + 6),
      method: bytes.readUInt16LE(local + 8),
      time: bytes.readUInt16LE(local + 10),
      day: bytes.readUInt16LE(local + 12),
      crc: bytes.readUInt32LE(local + 14),
      data: bytes.subarray(start, start + compressed),
      size: bytes.readUInt32LE(local + 22),
    });
    local = start + compressed;
    central += 46 + nameLength + bytes.readUInt16LE(central + 30) + bytes.readUInt16LE(central + 32);
  }
  expect(local).toBe(centralStart);
  return out;
}

function sample(): Parts {
  const parts: Parts = new Map();
  setText(parts, 'word/styles.xml', '<w:styles/>');
  setText(parts, 'word/document.xml', '<w:document>Délibération n° 1</w:document>');
  setText(parts, '_rels/.rels', '<Relationships/>');
  parts.set(
    'word/media/image1.png',
    new Uint8Array(200_000).map((_, i) => (i * 7) % 251),
  );
  setText(parts, '[Content_Types].xml', '<Types/>');
  return parts;
}

const date = new Date('2023-03-23T18:30:42Z');

describe('writeParts', () => {
  it('writes content types, then package relationships, then the parts by name', () => {
    expect(entries(writeParts(sample(), date)).map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/media/image1.png',
      'word/styles.xml',
    ]);
  });

  it('deflates every entry with its size and CRC-32, UTF-8 names and no data descriptor', () => {
    const parts = sample();
    for (const entry of entries(writeParts(parts, date))) {
      const original = parts.get(entry.name) as Uint8Array;
      expect(entry.method).toBe(8);
      expect(entry.flags).toBe(0x0800);
      expect(entry.size).toBe(original.length);
      expect(Buffer.from(inflateRawSync(entry.data)).equals(Buffer.from(original)), entry.name).toBe(true);
      expect(entry.crc).toBe(crc32(original));
    }
  });

  it('stamps every entry with the date in UTC, two-second precision, never before 1980', () => {
    const [first] = entries(writeParts(sample(), date));
    expect(first?.time).toBe((18 << 11) | (30 << 5) | 21);
    expect(first?.day).toBe(((2023 - 1980) << 9) | (3 << 5) | 23);
    const [old] = entries(writeParts(sample(), new Date('1970-01-01T00:00:00Z')));
    expect(old?.day).toBe((1 << 5) | 1);
    expect(old?.time).toBe(0);
  });

  it('gives the same bytes for the same parts whatever order they were added in', () => {
    const a = writeParts(sample(), date);
    const reversed: Parts = new Map([...sample()].reverse());
    expect(Buffer.from(writeParts(reversed, date)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(writeParts(sample(), new Date('2024-01-01T00:00:00Z'))).equals(Buffer.from(a))).toBe(
      false,
    );
  });

  it('reads back what it wrote', () => {
    const back = readParts(writeParts(sample(), date));
    expect([...back.keys()].sort()).toEqual([...sample().keys()].sort());
    expect(text(back, 'word/document.xml')).toBe('<w:document>Délibération n° 1</w:document>');
    expect(text(back, 'word/absent.xml')).toBeUndefined();
  });
});
