/**
 * The dossier de séance assembled from PDFs already rendered and from joined files: pages copied
 * (never laid out again), one bookmark a point with its parts below it, a stamp « Dossier – page
 * 12 / 48 » on every page, the parts' structure trees gathered (tagged PDF), metadata, and PDF/A
 * when asked and every part is PDF/A. Same bytes for the same parts and date.
 *
 * @example
 * const { bytes, pages } = await assembleDossier(parts, { meta, creationDate: new Date(0) });
 */
import { createHash } from 'node:crypto';
import {
  AFRelationship,
  beginMarkedContent,
  endMarkedContent,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFObjectCopier,
} from 'pdf-lib';
import { renderStamps, STAMP_BOX } from '../render/pdf/stamps.ts';
import { theme } from '../render/theme.ts';
import { copyPdfPart } from './copy-part.ts';
import { addImagePage } from './image-part.ts';
import { declaresPdfa, LOAD_OPTIONS, metadataXml, writeMetadata } from './metadata.ts';
import { type OutlineNode, writeOutline } from './outline.ts';
import { createStructure, type StructNode } from './structure.ts';
import type { DossierOptions, DossierPart, DossierResult } from './types.ts';

/** The stamp of a dossier page. */
export function stampLabel(page: number, pages: number): string {
  return `Dossier – page ${page} / ${pages}`;
}

interface Group {
  readonly title: string;
  readonly node: { title: string; dest: PDFArray; children: OutlineNode[]; open: boolean };
  readonly struct: StructNode;
}

export async function assembleDossier(
  parts: readonly DossierPart[],
  options: DossierOptions,
): Promise<DossierResult> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const structure = createStructure(out);
  const outline: OutlineNode[] = [];
  const digest = createHash('sha256');
  const notPdfa: string[] = [];
  const untagged: string[] = [];
  let outputIntents: PDFArray | undefined;
  let group: Group | undefined;

  for (const part of parts) {
    const source = await part.load();
    digest.update(part.title).update(source.bytes);
    const first = out.getPageCount();
    const dest = () => out.context.obj([out.getPage(first).ref, PDFName.of('Fit')]);
    let parent = structure.root;
    if (part.group === undefined) group = undefined;
    else if (group?.title !== part.group) {
      group = {
        title: part.group,
        node: { title: part.group, dest: out.context.obj([]), children: [], open: true },
        struct: structure.group(part.group),
      };
    }
    if (group) parent = group.struct;
    const sect = structure.section(parent, part.title);
    let children: readonly OutlineNode[] = [];
    if (source.kind === 'pdf') {
      const src = await PDFDocument.load(source.bytes, LOAD_OPTIONS);
      const copied = copyPdfPart(out, src, structure, sect, part.alt ?? part.title);
      children = copied.outline;
      if (!copied.tagged) untagged.push(part.label);
      if (!declaresPdfa(metadataXml(src))) notPdfa.push(part.label);
      else if (!outputIntents) {
        const intents = src.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
        if (intents) outputIntents = PDFObjectCopier.for(src.context, out.context).copy(intents);
      }
    } else {
      await addImagePage(out, source, structure, sect, part.alt ?? part.title);
    }
    const node = { title: part.title, dest: dest(), children: [...children], open: false };
    if (group) {
      if (group.node.children.length === 0) {
        group.node.dest = node.dest;
        outline.push(group.node);
      }
      group.node.children.push(node);
    } else {
      outline.push(node);
    }
  }

  await stampPages(out, options);
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
  const bytes = await out.save({
    addDefaultPage: false,
    // Object streams make the file ≈ 15 % smaller but pdf-lib writes them ≈ 10 × slower.
    useObjectStreams: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
    updateFieldAppearances: false,
  });
  return { bytes, pages: out.getPageCount(), notPdfa: options.pdfa ? notPdfa : [], untagged };
}

/** « Dossier – page N / M » at the top right of every page, drawn as a pagination artifact. */
async function stampPages(out: PDFDocument, options: DossierOptions): Promise<void> {
  const pages = out.getPages();
  const labels = pages.map((_, i) => stampLabel(i + 1, pages.length));
  const stamps = await PDFDocument.load(
    await renderStamps(labels, {
      creationDate: options.creationDate,
      ...(options.fonts ? { fonts: options.fonts } : {}),
    }),
    LOAD_OPTIONS,
  );
  const embedded = await out.embedPages(stamps.getPages());
  pages.forEach((page, i) => {
    const { x, y, width, height } = page.getMediaBox();
    const stamp = embedded[i];
    if (!stamp) return;
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawPage(stamp, {
      x: x + width - theme.page.marginRight - STAMP_BOX.width,
      y: y + height - 34 - STAMP_BOX.height / 2,
    });
    page.pushOperators(endMarkedContent());
  });
}
