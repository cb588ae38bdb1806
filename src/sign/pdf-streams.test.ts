// Unit tests of the PDF 1.5 structures read by sign and verify (cross-reference streams, object
// streams, FlateDecode with PNG predictors), on files built by hand here: no qpdf needed.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPdfStructure } from './pdf-file.ts';
import { MAX_DECODED_BYTES } from './pdf-streams.ts';
import { PdfName, PdfRef, PdfSyntaxError } from './pdf-syntax.ts';
import { changesAfter } from './revisions.ts';

/** PNG-predicts `rows` (each `columns` bytes) with the given row filter (0–4), as producers do. */
function pngPredict(data: Uint8Array, columns: number, filter: number): Uint8Array {
  const rows = data.length / columns;
  const out = new Uint8Array(rows * (columns + 1));
  for (let r = 0; r < rows; r++) {
    out[r * (columns + 1)] = filter;
    for (let i = 0; i < columns; i++) {
      const x = data[r * columns + i]!;
      const left = i > 0 ? data[r * columns + i - 1]! : 0;
      const up = r > 0 ? data[(r - 1) * columns + i]! : 0;
      const upLeft = r > 0 && i > 0 ? data[(r - 1) * columns + i - 1]! : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter]!;
      out[r * (columns + 1) + 1 + i] = (x - predicted) & 0xff;
    }
  }
  return out;
}

type Entry = readonly [num: number, type: number, a: number, b: number];

/** A cross-reference stream object: Flate and PNG-predicted rows of widths [1, 3, 1]. */
function xrefStream(num: number, entries: readonly Entry[], extra: string, filter = 2): string {
  const sorted = [...entries].sort((x, y) => x[0] - y[0]);
  const rows = Buffer.alloc(sorted.length * 5);
  sorted.forEach(([, type, a, b], i) => {
    rows.writeUInt8(type, i * 5);
    rows.writeUIntBE(a, i * 5 + 1, 3);
    rows.writeUInt8(b, i * 5 + 4);
  });
  const index = sorted.flatMap(([n]) => [n, 1]).join(' ');
  const data = deflateSync(pngPredict(rows, 5, filter));
  return `${num} 0 obj\n<< /Type /XRef /W [1 3 1] /Index [${index}] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >> /Length ${data.length} ${extra} >>\nstream\n${data.toString('latin1')}\nendstream\nendobj\n`;
}

/** An object stream holding `objects` (number → value text). */
function objectStreamText(num: number, objects: readonly (readonly [number, string])[]): string {
  let body = '';
  const header: string[] = [];
  for (const [n, text] of objects) {
    header.push(`${n} ${body.length}`);
    body += `${text}\n`;
  }
  const head = `${header.join(' ')}\n`;
  const data = deflateSync(Buffer.from(head + body, 'latin1'));
  return `${num} 0 obj\n<< /Type /ObjStm /N ${objects.length} /First ${head.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream\nendobj\n`;
}

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/**
 * A PDF 1.5 file as qpdf writes one: catalog, pages and page in object stream 4 (objects 1–3),
 * an info dictionary outside it (5), a cross-reference stream (6).
 */
function base(filter = 2): { bytes: Uint8Array; text: string } {
  let text = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const at = new Map<number, number>();
  const add = (num: number, object: string) => {
    at.set(num, text.length);
    text += object;
  };
  add(
    4,
    objectStreamText(4, [
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'],
    ]),
  );
  add(5, '5 0 obj\n<< /Creator (delib) >>\nendobj\n');
  const xrefAt = text.length;
  const entries: Entry[] = [
    [0, 0, 0, 255],
    [1, 2, 4, 0],
    [2, 2, 4, 1],
    [3, 2, 4, 2],
    [4, 1, at.get(4)!, 0],
    [5, 1, at.get(5)!, 0],
    [6, 1, xrefAt, 0],
  ];
  text += xrefStream(6, entries, '/Size 7 /Root 1 0 R /Info 5 0 R', filter);
  text += `startxref\n${xrefAt}\n%%EOF\n`;
  return { bytes: latin1(text), text };
}

/** An incremental update of `text` with `objects` and a cross-reference stream (number `num`). */
function update(
  text: string,
  num: number,
  objects: readonly (readonly [number, string])[],
  extra: Entry[] = [],
) {
  const prev = readPdfStructure(latin1(text)).startxref;
  let out = text;
  const entries: Entry[] = [...extra];
  for (const [n, object] of objects) {
    entries.push([n, 1, out.length, 0]);
    out += object;
  }
  const xrefAt = out.length;
  entries.push([num, 1, xrefAt, 0]);
  out += xrefStream(num, entries, `/Size ${num + 1} /Root 1 0 R /Info 5 0 R /Prev ${prev}`);
  out += `startxref\n${xrefAt}\n%%EOF\n`;
  return { bytes: latin1(out), text: out };
}

describe('cross-reference streams and object streams', () => {
  it('reads objects from an object stream through a Flate, PNG-predicted cross-reference stream', () => {
    for (const filter of [0, 1, 2, 3, 4]) {
      const pdf = readPdfStructure(base(filter).bytes);
      expect(pdf.sections).toHaveLength(1);
      expect(pdf.sections[0]!.stream).toBe(true);
      expect(pdf.root).toEqual(new PdfRef(1, 0));
      const catalog = pdf.object(1) as Map<string, unknown>;
      expect(catalog.get('Type')).toEqual(new PdfName('Catalog'));
      expect((pdf.object(3) as Map<string, unknown>).get('MediaBox')).toEqual([0, 0, 595, 842]);
      expect(pdf.entries.get(2)).toEqual({ kind: 'compressed', stream: 4, index: 1 });
      // A compressed object is read from its object stream's bytes.
      expect(pdf.position(2)).toBe(pdf.position(4));
      expect(pdf.object(0)).toBeUndefined();
    }
  });

  it('follows /Prev across cross-reference stream revisions: the newest entry wins', () => {
    const first = base();
    const second = update(first.text, 7, [
      [3, '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>\nendobj\n'],
    ]);
    const pdf = readPdfStructure(second.bytes);
    expect(pdf.sections.map((s) => s.stream)).toEqual([true, true]);
    expect((pdf.object(3) as Map<string, unknown>).get('MediaBox')).toEqual([0, 0, 842, 595]);
    expect(pdf.entries.get(3)?.kind).toBe('offset');
    expect((pdf.object(2) as Map<string, unknown>).get('Count')).toBe(1);
  });

  it('reads a hybrid file: a classic table whose trailer names a cross-reference stream (/XRefStm)', () => {
    const { text } = base();
    const pdf0 = readPdfStructure(latin1(text));
    const streamAt = pdf0.startxref;
    const body = text.slice(0, text.lastIndexOf('startxref'));
    const xrefAt = body.length;
    const table = `xref\n0 1\n0000000000 65535 f \n5 1\n${String(pdf0.position(5)).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Info 5 0 R /XRefStm ${streamAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const pdf = readPdfStructure(latin1(body + table));
    expect(pdf.sections[0]!.stream).toBe(false);
    expect((pdf.object(1) as Map<string, unknown>).get('Type')).toEqual(new PdfName('Catalog'));
  });

  it('names each change after a signed revision, across cross-reference streams', () => {
    const first = base();
    const prev = readPdfStructure(first.bytes);
    const replaced = update(first.text, 7, [
      [3, '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n'],
    ]);
    expect(changesAfter(prev, readPdfStructure(replaced.bytes), []).modifications).toEqual([
      'page 1 (objet 3) remplacé',
    ]);
    // Object 3 pointed to another place of the signed object stream (the catalog's slot).
    const shadow = update(first.text, 7, [], [[3, 2, 4, 0]]);
    expect(() => readPdfStructure(shadow.bytes).object(3)).toThrow(PdfSyntaxError);
    expect(changesAfter(prev, readPdfStructure(shadow.bytes), []).modifications).toEqual([
      `page 1 (objet 3) remplacé par un objet lu dans une partie déjà signée du fichier (octet ${prev.position(4)})`,
    ]);
    // An object stream written again: its objects are compared one by one.
    const rewritten = update(first.text, 8, [
      [
        4,
        objectStreamText(4, [
          [1, '<< /Type /Catalog /Pages 2 0 R >>'],
          [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
          [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] >>'],
        ]),
      ],
    ]);
    const changes = changesAfter(prev, readPdfStructure(rewritten.bytes), []).modifications;
    expect(changes).toContain('page 1 (objet 3) remplacé');
    // Nothing after the signed revision: nothing to say.
    expect(changesAfter(prev, readPdfStructure(first.bytes), [])).toEqual({
      signatures: [],
      modifications: [],
    });
  });

  it('refuses, as a PdfSyntaxError, what it cannot or must not read', () => {
    const { text } = base();
    const cases: [string, string, RegExp][] = [
      [
        'unknown filter',
        text.replace('/Filter /FlateDecode /DecodeParms', '/Filter /LZWDecode /DecodeParms'),
        /LZWDecode/,
      ],
      ['bad /W', text.replace('/W [1 3 1]', '/W [1 9 1]'), /\/W/],
      ['/Index longer than the data', text.replace(/\/Index \[0 1/, '/Index [0 900'), /plus court/],
      ['unknown predictor', text.replace('/Predictor 12', '/Predictor 17'), /prédicteur 17/],
    ];
    for (const [name, bad, message] of cases) {
      let error: unknown;
      try {
        readPdfStructure(latin1(bad)).object(1);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(PdfSyntaxError);
      expect((error as Error).message, name).toMatch(message);
    }
  });

  it('bounds decompression: a stream that inflates beyond the limit is refused, not decoded', () => {
    const bomb = deflateSync(Buffer.alloc(MAX_DECODED_BYTES + 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { text } = base();
    const object = `4 0 obj\n<< /Type /ObjStm /N 3 /First 10 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n${bomb.toString('latin1')}\nendstream\nendobj\n`;
    // Object stream 4 written again in an update, as a bomb.
    const bombed = update(text, 7, [[4, object]]);
    expect(() => readPdfStructure(bombed.bytes).object(1)).toThrow(/trop grand/);
  });

  it('refuses an object stream that would hold another object stream (no recursion)', () => {
    const { text } = base();
    const looping = update(text, 7, [], [[4, 2, 4, 0]]);
    expect(() => readPdfStructure(looping.bytes).object(1)).toThrow(/Flux d’objets 4 introuvable/);
  });
});
