/**
 * The dossier de séance assembled from PDFs already rendered and from joined files: pages copied
 * (never laid out again), one bookmark a point with its parts below it, a stamp « Dossier – page
 * 12 / 48 » on every page, the parts' structure trees gathered (tagged PDF), metadata, and PDF/A
 * when asked and every part is PDF/A. Written as it goes: each part is read, copied and written
 * out before the next one is read, so that memory holds one part at a time (plus the bookmarks,
 * the structure's own elements and the parent tree). Same bytes for the same parts and date.
 *
 * @example
 * const { bytes, pages } = await assembleDossier(parts, { meta, creationDate: new Date(0) });
 * const { sha256, size } = await writeDossierFile(parts, options, 'dossier-de-seance.pdf');
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  AFRelationship,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPageLeaf,
  type PDFRef,
} from 'pdf-lib';
import { copyPdfPart } from './copy-part.ts';
import { addImagePage } from './image-part.ts';
import { declaresPdfa, LOAD_OPTIONS, metadataXml, writeMetadata } from './metadata.ts';
import { type OutlineNode, writeOutline } from './outline.ts';
import { type ByteSink, createPdfWriter, type WrittenPdf } from './pdf-writer.ts';
import { createStamper } from './stamp-pages.ts';
import { createStructure, type StructNode } from './structure.ts';
import type { DossierOptions, DossierPart, DossierResult } from './types.ts';

export { stampLabel } from './stamp-pages.ts';

/** The dossier written to a sink: what it holds, and the file's hash and size. */
export type WrittenDossier = Omit<DossierResult, 'bytes'> & WrittenPdf;

interface Group {
  readonly title: string;
  readonly node: { title: string; dest: PDFArray; children: OutlineNode[]; open: boolean };
  readonly struct: StructNode;
}

export async function writeDossier(
  parts: Iterable<DossierPart> | AsyncIterable<DossierPart>,
  options: DossierOptions,
  sink: ByteSink,
): Promise<WrittenDossier> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const { context } = out;
  const writer = createPdfWriter(sink);
  const pagesRef = out.catalog.get(PDFName.of('Pages')) as PDFRef;
  // Changed until the end: the catalog and the page tree.
  const keep = new Set([context.trailerInfo.Root as PDFRef, pagesRef]);
  const structure = createStructure(out);
  const stamper = createStamper(context);
  const pages: PDFRef[] = [];
  const outline: OutlineNode[] = [];
  const digest = createHash('sha256');
  const notPdfa: string[] = [];
  const untagged: string[] = [];
  let outputIntents: PDFArray | undefined;
  let group: Group | undefined;

  for await (const part of parts) {
    options.signal?.throwIfAborted();
    const source = await part.load();
    digest.update(part.title).update(source.bytes);
    let parent = structure.root;
    if (part.group === undefined) group = undefined;
    else if (group?.title !== part.group) {
      group = {
        title: part.group,
        node: { title: part.group, dest: context.obj([]), children: [], open: true },
        struct: structure.group(part.group),
      };
    }
    if (group) parent = group.struct;
    const sect = structure.section(parent, part.title);
    let children: readonly OutlineNode[] = [];
    let added: readonly PDFRef[];
    if (source.kind === 'pdf') {
      const src = await PDFDocument.load(source.bytes, LOAD_OPTIONS);
      const copied = copyPdfPart(out, src, structure, sect, part.alt ?? part.title);
      added = copied.pages;
      children = copied.outline;
      if (!copied.tagged) untagged.push(part.label);
      if (!declaresPdfa(metadataXml(src))) notPdfa.push(part.label);
      else if (!outputIntents) {
        const intents = src.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
        if (intents) outputIntents = PDFObjectCopier.for(src.context, context).copy(intents);
      }
    } else {
      added = [await addImagePage(out, source, structure, sect, part.alt ?? part.title)];
    }
    for (const ref of added) {
      const leaf = context.lookup(ref);
      if (!(leaf instanceof PDFPageLeaf)) throw new Error('dossier page is not a page');
      stamper.stamp(leaf);
    }
    const first = added[0] ?? pages.at(-1);
    pages.push(...added);
    const dest = context.obj(first ? [first, PDFName.of('Fit')] : []);
    const node = { title: part.title, dest, children: [...children], open: false };
    if (group) {
      if (group.node.children.length === 0) {
        group.node.dest = node.dest;
        outline.push(group.node);
      }
      group.node.children.push(node);
    } else {
      outline.push(node);
    }
    // The part's pages, resources and structure elements go out before the next part is read.
    await writer.flush(context, keep);
  }

  await stamper.finish(options, () => writer.flush(context, keep));
  const tree = out.catalog.Pages();
  tree.set(PDFName.of('Kids'), context.obj(pages));
  tree.set(PDFName.of('Count'), PDFNumber.of(pages.length));
  writeOutline(out, outline);
  structure.finish();
  const pdfa = options.pdfa !== undefined && notPdfa.length === 0 && outputIntents !== undefined;
  if (pdfa && outputIntents) out.catalog.set(PDFName.of('OutputIntents'), outputIntents);
  const yaml = options.pdfa?.source;
  if (pdfa && yaml) {
    await out.attach(yaml.data, yaml.name, {
      mimeType: 'application/yaml',
      description: 'Données de la séance (source)',
      creationDate: options.creationDate,
      modificationDate: options.creationDate,
      afRelationship: AFRelationship.Source,
    });
  }
  writeMetadata(out, {
    meta: options.meta,
    creationDate: options.creationDate,
    digest: digest.digest('hex'),
    pdfa,
  });
  // Embeds the attachment (the only object pdf-lib defers here).
  await out.flush();
  const written = await writer.end(context);
  return { ...written, pages: pages.length, notPdfa: options.pdfa ? notPdfa : [], untagged };
}

/** The dossier in memory (tests, benchmarks). */
export async function assembleDossier(
  parts: readonly DossierPart[],
  options: DossierOptions,
): Promise<DossierResult> {
  const chunks: Uint8Array[] = [];
  const written = await writeDossier(parts, options, {
    write: async (chunk) => {
      chunks.push(chunk);
    },
  });
  const { sha256: _, size: __, ...result } = written;
  return { ...result, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/** The dossier written straight into `path` (created or replaced), never whole in memory. */
export async function writeDossierFile(
  parts: Iterable<DossierPart> | AsyncIterable<DossierPart>,
  options: DossierOptions,
  path: string,
): Promise<WrittenDossier> {
  const handle = await open(path, 'w');
  try {
    return await writeDossier(parts, options, {
      write: async (chunk) => {
        for (let at = 0; at < chunk.byteLength; ) {
          at += (await handle.write(chunk, at, chunk.byteLength - at)).bytesWritten;
        }
      },
    });
  } finally {
    await handle.close();
  }
}
