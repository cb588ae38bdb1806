/**
 * Composes and renders documents of a séance: the work one thread does, in the main thread or in a
 * worker. Fonts and templates are loaded once per thread (the template environment and the font
 * cache are per process and thread).
 *
 * @example
 * const out = await renderDocuments(job, [ref]);
 */
import { composeDocument } from '../compose/compose.ts';
import type { DocumentRef } from '../compose/documents.ts';
import type { TemplateSources } from '../load/templates-folder.ts';
import { charactersBeyondBase } from '../render/docx/embedded-fonts.ts';
import { renderDocx } from '../render/docx/index.ts';
import type { FontFiles } from '../render/font-files.ts';
import { loadFonts } from '../render/fonts.ts';
import { renderPdf } from '../render/pdf/index.ts';
import type { Seance } from '../schema/seance.ts';
import { templateEnv } from '../template/env.ts';
import type { DocumentTree } from '../tree/types.ts';
import type { Format } from './manifest.ts';

/** `subset`: the characters a clerk types and the document's; `full`: whole files; `none`. */
export type DocxFonts = 'subset' | 'full' | 'none';

/** Everything a thread needs to render documents; plain data (it crosses to workers). */
export interface RenderJob {
  readonly seance: Seance;
  readonly formats: readonly Format[];
  /** The collectivité's templates, read once (load/templates-folder.ts). */
  readonly templates?: TemplateSources;
  /** A templates folder to read in each thread (library callers); `templates` wins. */
  readonly templatesDir?: string;
  readonly referenceDocx?: Uint8Array;
  /** How the DOCX embed their fonts (default: a subset, none with a reference DOCX). */
  readonly docxFonts?: DocxFonts;
  readonly pdfa: boolean;
  /** The séance YAML, attached to PDF/A files as their source. */
  readonly source: { readonly name: string; readonly data: Uint8Array };
  /** Logo bytes by the path written in the séance. */
  readonly assets: ReadonlyMap<string, Uint8Array>;
  readonly creationDate: Date;
  /** The collectivité's own font files (default: Source Sans 3 from npm). */
  readonly fonts?: FontFiles;
}

export interface RenderedDocument extends RenderedFiles {
  readonly ref: DocumentRef;
  readonly tree: DocumentTree;
}

/**
 * What a bundle keeps of a rendered document: its files and its title. The tree stays in the
 * thread that composed it (a worker sends this back, not the whole tree by structured clone).
 */
export interface RenderedFiles {
  readonly title: string;
  readonly pdf?: { readonly bytes: Uint8Array; readonly pages: number };
  readonly docx?: Uint8Array;
}

export function renderedFiles(rendered: RenderedDocument): RenderedFiles {
  return {
    title: rendered.tree.meta.title,
    ...(rendered.pdf ? { pdf: rendered.pdf } : {}),
    ...(rendered.docx ? { docx: rendered.docx } : {}),
  };
}

/** Characters of a séance beyond what a clerk types, once per séance and thread. */
const seanceCharacters = new WeakMap<Seance, readonly number[]>();

function docxCharacters(seance: Seance): readonly number[] {
  let characters = seanceCharacters.get(seance);
  if (characters === undefined) {
    characters = charactersBeyondBase([JSON.stringify(seance)]);
    seanceCharacters.set(seance, characters);
  }
  return characters;
}

export async function renderDocument(job: RenderJob, ref: DocumentRef): Promise<RenderedDocument> {
  const env = templateEnv(
    job.templates
      ? { templates: job.templates }
      : job.templatesDir === undefined
        ? {}
        : { templatesDir: job.templatesDir },
  );
  const tree = composeDocument(job.seance, ref, { env });
  const pdf = job.formats.includes('pdf')
    ? await renderPdf(tree, {
        ...(job.fonts ? { fonts: loadFonts(job.fonts) } : {}),
        creationDate: job.creationDate,
        assets: job.assets,
        ...(job.pdfa ? { pdfa: { source: job.source } } : {}),
      })
    : undefined;
  const docx = job.formats.includes('docx')
    ? await renderDocx(tree, {
        ...(job.fonts ? { fonts: job.fonts } : {}),
        creationDate: job.creationDate,
        assets: job.assets,
        ...(job.referenceDocx ? { referenceDocx: job.referenceDocx } : {}),
        fontCharacters: docxCharacters(job.seance),
        // The PDF's page numbers as the PAGEREF fields' results (a PV's sommaire).
        ...(pdf?.anchors?.size ? { pageNumbers: pdf.anchors } : {}),
        ...(job.docxFonts
          ? {
              embedFonts: job.docxFonts !== 'none',
              fontEmbedding: job.docxFonts === 'full' ? 'full' : 'subset',
            }
          : {}),
      })
    : undefined;
  return {
    ref,
    tree,
    title: tree.meta.title,
    ...(pdf ? { pdf: { bytes: pdf.bytes, pages: pdf.pages } } : {}),
    ...(docx ? { docx } : {}),
  };
}
