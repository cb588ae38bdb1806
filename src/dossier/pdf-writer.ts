/**
 * A PDF written as it is built: the indirect objects of a pdf-lib context are serialized and
 * dropped from the context part by part (`flush`), only their offsets kept for the cross-reference
 * table written by `end`. The objects a later part still changes (catalog, page tree) stay in the
 * context until the end. Same bytes for the same objects flushed in the same order.
 *
 * @example
 * const writer = createPdfWriter(sink);
 * await writer.flush(out.context, new Set([catalogRef]));
 * const { sha256, size } = await writer.end(out.context);
 */
import { createHash } from 'node:crypto';
import {
  type PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  type PDFObject,
  PDFRef,
  PDFStream,
  PDFTrailer,
  PDFTrailerDict,
} from 'pdf-lib';

/** Where the bytes go, in order; each write is awaited before the next. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface WrittenPdf {
  /** Hex SHA-256 of the whole file. */
  readonly sha256: string;
  /** Its size in bytes. */
  readonly size: number;
}

export interface PdfWriter {
  /** Writes every object of `context` but those of `keep`, and removes them from the context. */
  flush(context: PDFContext, keep?: ReadonlySet<PDFRef>): Promise<void>;
  /** Writes the remaining objects, the cross-reference table and the trailer. */
  end(context: PDFContext): Promise<WrittenPdf>;
}

/** Bytes gathered before a write to the sink. */
const CHUNK = 1 << 20;

export function createPdfWriter(sink: ByteSink): PdfWriter {
  const offsets = new Map<number, number>();
  const hash = createHash('sha256');
  let position = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const push = (chunk: Uint8Array) => {
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    position += chunk.byteLength;
  };
  const drain = async () => {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    hash.update(chunk);
    await sink.write(chunk);
  };
  // pdf-lib's own syntax (what its writer gives), built as one string per object: its strings and
  // names hold bytes as char codes below 256, so latin1 is that byte; a stream's data is copied as is.
  const object = (ref: PDFRef, value: PDFObject) => {
    offsets.set(ref.objectNumber, position);
    const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    if (value instanceof PDFStream) {
      value.updateDict();
      push(Buffer.from(`${head}${value.dict.toString()}\nstream\n`, 'latin1'));
      push(value.getContents());
      push(Buffer.from('\nendstream\nendobj\n\n', 'latin1'));
    } else {
      push(Buffer.from(`${head}${value.toString()}\nendobj\n\n`, 'latin1'));
    }
  };
  const writeAll = async (context: PDFContext, keep?: ReadonlySet<PDFRef>) => {
    for (const [ref, value] of context.enumerateIndirectObjects()) {
      if (keep?.has(ref)) continue;
      object(ref, value);
      context.delete(ref);
      if (pendingBytes >= CHUNK) await drain();
    }
  };

  const header = PDFHeader.forVersion(1, 7);
  const headerBytes = new Uint8Array(header.sizeInBytes() + 2);
  header.copyBytesInto(headerBytes, 0);
  headerBytes.set([0x0a, 0x0a], headerBytes.byteLength - 2);
  push(headerBytes);

  return {
    async flush(context, keep) {
      await writeAll(context, keep);
      await drain();
    },
    async end(context) {
      await writeAll(context);
      const xref = PDFCrossRefSection.create();
      for (const number of [...offsets.keys()].sort((a, b) => a - b)) {
        xref.addEntry(PDFRef.of(number), offsets.get(number)!);
      }
      const xrefOffset = position;
      const { trailerInfo } = context;
      const trailerDict = PDFTrailerDict.of(
        context.obj({
          Size: context.largestObjectNumber + 1,
          Root: trailerInfo.Root,
          Info: trailerInfo.Info,
          ID: trailerInfo.ID,
        }),
      );
      const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
      const tail = new Uint8Array(
        xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2 + trailer.sizeInBytes(),
      );
      let at = xref.copyBytesInto(tail, 0);
      tail[at++] = 0x0a;
      at += trailerDict.copyBytesInto(tail, at);
      tail[at++] = 0x0a;
      tail[at++] = 0x0a;
      trailer.copyBytesInto(tail, at);
      push(tail);
      await drain();
      return { sha256: hash.digest('hex'), size: position };
    },
  };
}
