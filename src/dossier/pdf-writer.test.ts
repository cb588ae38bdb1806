import { PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createPdfWriter } from './pdf-writer.ts';

const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString('latin1');

/** A document of `count` empty pages, written one page per flush. */
async function written(count: number) {
  const chunks: Uint8Array[] = [];
  const flushedBefore: number[] = [];
  const writer = createPdfWriter({ write: async (chunk) => void chunks.push(chunk) });
  const out = await PDFDocument.create({ updateMetadata: false });
  const { context } = out;
  const tree = out.catalog.get(PDFName.of('Pages')) as PDFRef;
  const keep = new Set([context.trailerInfo.Root as PDFRef, tree]);
  const pages: PDFRef[] = [];
  for (let i = 0; i < count; i++) {
    flushedBefore.push(chunks.length);
    const content = context.register(context.stream(`% page ${i + 1}\n`));
    pages.push(
      context.register(
        context.obj({ Type: 'Page', Parent: tree, MediaBox: [0, 0, 100, 100], Contents: content }),
      ),
    );
    await writer.flush(context, keep);
    expect(context.enumerateIndirectObjects().map(([ref]) => ref)).toEqual(
      [...keep].sort((a, b) => a.objectNumber - b.objectNumber),
    );
  }
  out.catalog.Pages().set(PDFName.of('Kids'), context.obj(pages));
  out.catalog.Pages().set(PDFName.of('Count'), PDFNumber.of(count));
  const end = await writer.end(context);
  return { chunks, flushedBefore, end };
}

describe('createPdfWriter', () => {
  it('writes each flushed object at once, drops it from the context, and ends with a readable file', async () => {
    const { chunks, flushedBefore, end } = await written(3);
    // The first page was in the sink before the second was made.
    expect(flushedBefore).toEqual([0, 1, 2]);
    expect(text(chunks.slice(0, 1))).toContain('% page 1');
    expect(text(chunks.slice(0, 1))).not.toContain('% page 2');
    const bytes = new Uint8Array(Buffer.concat(chunks));
    expect(end.size).toBe(bytes.byteLength);
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
    expect(doc.getPageCount()).toBe(3);
    expect(text([bytes])).toMatch(/^%PDF-1\.7\n/);
  });

  it('gives every object its offset in the cross-reference table', async () => {
    const { chunks } = await written(2);
    const file = text(chunks);
    const start = file.lastIndexOf('\nxref\n') + 1;
    const xref = file.slice(start);
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(xref) ?? [];
    expect(first).toBe('0');
    const entries = xref.split('\n').slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f ');
    for (const [number, entry] of entries.entries()) {
      if (number === 0) continue;
      const offset = Number(entry.slice(0, 10));
      expect(file.slice(offset, offset + `${number} 0 obj`.length)).toBe(`${number} 0 obj`);
    }
    expect(entries.length).toBeGreaterThan(4);
    expect(file).toMatch(new RegExp(`startxref\\n${start}\\n%%EOF$`));
  });

  it('gives the same bytes and hash for the same objects', async () => {
    const a = await written(2);
    const b = await written(2);
    expect(Buffer.concat(a.chunks).equals(Buffer.concat(b.chunks))).toBe(true);
    expect(a.end.sha256).toBe(b.end.sha256);
  });
});
