/**
 * `delib build`: every document of a séance, in every requested format, plus the dossier de séance
 * and manifest.json, written atomically into one folder.
 *
 * @example
 * const result = await buildBundle({ seance, source, outDir: 'output/seance', formats: ['pdf', 'docx'],
 *   creationDate: new Date(0) });
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnnexFile } from '../annex/inspect.ts';
import { annexList } from '../compose/annexes.ts';
import { type DocumentRef, listDocuments } from '../compose/documents.ts';
import { kindSpec } from '../compose/kinds.ts';
import { documentMeta } from '../compose/meta.ts';
import { writeDossierFile } from '../dossier/assemble.ts';
import type { DossierPart } from '../dossier/types.ts';
import { type Formules, fillFormula, resolveFormules } from '../facts/formules.ts';
import { shownNumber } from '../facts/point.ts';
import { readTemplatesFolder } from '../load/templates-folder.ts';
import { ctesAct } from '../publish/ctes.ts';
import type { FontFiles } from '../render/font-files.ts';
import { loadFonts } from '../render/fonts.ts';
import type { Seance } from '../schema/seance.ts';
import { dateLongue } from '../template/helpers/date-longue.ts';
import { oneLine } from '../tree/text.ts';
import { frenchTypographyText } from '../tree/transforms/typography.ts';
import { annexFileEntries, annexTitle, conventionAnnexParts, fileAnnexParts } from './annex-files.ts';
import { DossierTurn, deferred } from './dossier-turn.ts';
import { boundHeapGrowth } from './heap-growth.ts';
import {
  type Format,
  MANIFEST_FILE,
  type Manifest,
  type ManifestDocument,
  serializeManifest,
  sha256,
} from './manifest.ts';
import { isFileSystemError, outputError, stageOutput } from './output-dir.ts';
import type { OutputGuards } from './output-place.ts';
import type { DocxFonts, RenderJob } from './render-documents.ts';
import { renderAll, threadsFor, type WarmWorkers } from './scheduler.ts';
import { VERSION } from './version.ts';

export interface BuildOptions {
  readonly seance: Seance;
  /** The séance file: its name goes in the manifest, its bytes are hashed (and attached to PDF/A). */
  readonly source: { readonly file: string; readonly bytes: Uint8Array };
  readonly outDir: string;
  readonly formats: readonly Format[];
  /** Only these points (the séance-wide documents are always built). */
  readonly points?: ReadonlySet<number>;
  readonly templatesDir?: string;
  readonly referenceDocx?: Uint8Array;
  /** How the DOCX embed their fonts (default: a subset, none with a reference DOCX). */
  readonly docxFonts?: DocxFonts;
  readonly pdfa?: boolean;
  /** Describe each act's PDF for @ctes in the manifest. */
  readonly ctes?: boolean;
  readonly force?: boolean;
  /** Paths the output must keep clear of (see output-place.ts); the séance file by default. */
  readonly guards?: Omit<OutputGuards, 'templatesDir'>;
  readonly creationDate: Date;
  /** The collectivité's own font files (default: Source Sans 3 from npm). */
  readonly fonts?: FontFiles;
  /** Logo bytes by the path written in the séance. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
  /** Files annexed to points, read and checked, by the path written in the séance. */
  readonly annexes?: ReadonlyMap<string, AnnexFile>;
  /** Threads to render with, at most: 1 renders in this thread; default: both cores for big séances. */
  readonly jobs?: number;
  /** Fewest documents worth a worker thread (see scheduler.ts; tests lower it). */
  readonly parallelFrom?: number;
  /** Workers started while the séance was loaded (scheduler.ts `warmUp`); the caller stops them. */
  readonly warm?: WarmWorkers;
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the build and leaves the previous bundle as it was. */
  readonly signal?: AbortSignal;
}

export interface BuildResult {
  readonly outDir: string;
  readonly manifest: Manifest;
  readonly pages: number;
}

export const DOSSIER_ID = 'dossier-de-seance';

function selected(seance: Seance, points: ReadonlySet<number> | undefined): DocumentRef[] {
  return listDocuments(seance).filter((ref) => ref.point === null || !points || points.has(ref.point));
}

/**
 * The dossier de séance sent with the convocation: the séance-wide documents the registry puts
 * in it (convocation, ordre du jour), then for each point, under one bookmark, its documents that
 * go in (note, projet de délibération, annexes in their order); each rendered part is read back
 * from the PDF already written in `dir`, by its reference and title (`titleOf(i)`: `refs[i]`'s,
 * once it is written). Adopted acts and the liste are not in it. Each part is given when its
 * document is written: the dossier is assembled while the others are rendered.
 */
async function* dossierParts(
  seance: Seance,
  f: Formules,
  refs: readonly DocumentRef[],
  titleOf: (index: number) => Promise<string>,
  dir: string,
  files: ReadonlyMap<string, AnnexFile>,
): AsyncGenerator<DossierPart> {
  // File annexes of the current point not joined yet, by their index among its annexes.
  let pending: { point: number | null; items: { index: number; part: DossierPart }[] } | undefined;
  function* flush(before = Number.POSITIVE_INFINITY): Generator<DossierPart> {
    while (pending?.items[0] && pending.items[0].index < before) yield pending.items.shift()!.part;
  }
  const typeset = (formula: string, values: Readonly<Record<string, string>>) =>
    frenchTypographyText(fillFormula(formula, values));
  for (const [i, ref] of refs.entries()) {
    const key = kindSpec(ref.kind).dossier;
    if (!key) continue;
    const title = await titleOf(i);
    const bookmark = (titre: string) => typeset(f[key], { titre });
    if (pending && pending.point !== ref.point) yield* flush();
    const file = `${ref.id}.pdf`;
    const load = async () => ({
      kind: 'pdf' as const,
      bytes: new Uint8Array(await readFile(join(dir, file))),
    });
    if (ref.point === null) {
      yield { title: bookmark(title), label: file, load };
      continue;
    }
    const point = seance.points.find((p) => p.numero === ref.point);
    const group = typeset(f.signet_point, {
      numero: point ? shownNumber(point) : String(ref.point),
      objet: oneLine(point?.objet ?? ''),
    });
    if (point && pending?.point !== ref.point) {
      pending = { point: ref.point, items: fileAnnexParts(f.annexe, point, group, files) };
    }
    if (ref.annex !== null) yield* flush(ref.annex);
    const numero = point && ref.annex !== null ? annexList(point)[ref.annex]?.numero : undefined;
    const shown = ref.annex === null ? bookmark(title) : annexTitle(f.annexe, numero ?? '', title);
    yield { title: shown, group, label: file, load };
    if (point && ref.annex !== null) yield* conventionAnnexParts(f.annexe, point, ref.annex, group, files);
  }
  yield* flush();
}

export async function buildBundle(options: BuildOptions): Promise<BuildResult> {
  const { seance } = options;
  const formules = resolveFormules(seance.collectivite.formules, seance.seance.date);
  const refs = selected(seance, options.points);
  const job: RenderJob = {
    seance,
    formats: options.formats,
    ...(options.templatesDir !== undefined ? { templates: readTemplatesFolder(options.templatesDir) } : {}),
    ...(options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
    ...(options.docxFonts ? { docxFonts: options.docxFonts } : {}),
    pdfa: options.pdfa === true,
    source: { name: options.source.file.split(/[\\/]/).pop() ?? 'seance.yaml', data: options.source.bytes },
    assets: options.assets ?? new Map(),
    creationDate: options.creationDate,
    ...(options.fonts ? { fonts: options.fonts } : {}),
  };
  const total = refs.length + (options.formats.includes('pdf') ? 1 : 0);
  const staged = await stageOutput(options.outDir, {
    seanceFile: options.source.file,
    ...options.guards,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    force: options.force === true,
  });
  // Heaps collected closer to their live size while workers render beside this thread
  // (heap-growth.ts): 500 points peaked at 435 MB, most of it garbage this thread's heap could hold.
  const releaseHeap = boundHeapGrowth(threadsFor(refs.length, options.jobs, options.parallelFrom));
  try {
    // Entries by document index: files are written as they arrive (in any order with N threads)
    // and their bytes dropped, but the manifest lists them in the séance's order.
    const byIndex: ManifestDocument[][] = [];
    const dossierEntries: ManifestDocument[] = [];
    let pages = 0;
    const write = async (
      into: ManifestDocument[],
      file: string,
      bytes: Uint8Array,
      entry: Omit<ManifestDocument, 'path' | 'sha256' | 'bytes'>,
    ) => {
      options.signal?.throwIfAborted();
      await writeFile(join(staged.dir, file), bytes);
      into.push({ ...entry, path: file, sha256: sha256(bytes), bytes: bytes.byteLength });
    };
    /** Writes the dossier into the folder as its parts come: never whole in memory. */
    const writeSeanceDossier = async (
      parts: AsyncIterable<DossierPart>,
      odj: DocumentRef,
    ): Promise<ManifestDocument> => {
      const meta = {
        ...documentMeta(seance, odj),
        title: `Dossier de séance – ${seance.instance} du ${dateLongue(seance.seance.date)}`,
        shortTitle: `Dossier de séance – ${seance.instance}`,
        subject: 'Dossier de séance',
      };
      const file = `${DOSSIER_ID}.pdf`;
      const written = await writeDossierFile(
        parts,
        {
          meta,
          creationDate: job.creationDate,
          ...(job.fonts ? { fonts: loadFonts(job.fonts) } : {}),
          ...(job.pdfa ? { pdfa: { source: job.source } } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        },
        join(staged.dir, file),
      );
      return {
        kind: 'dossier',
        point: null,
        format: 'pdf',
        pages: written.pages,
        title: meta.title,
        path: file,
        sha256: written.sha256,
        bytes: written.size,
      };
    };
    // The dossier gathers the documents sent before the séance: none when the séance makes none
    // of them (`documents: { convocation: false, … }`, a séance transcribed for its PV alone).
    // Assembled in this thread while the documents are rendered, each part as soon as it is
    // written: the threads that render meanwhile take this thread's share of the documents.
    const odj = refs[0] ?? listDocuments(seance)[0];
    const titles = refs.map(() => deferred<string>());
    const turn = new DossierTurn();
    // A dossier that fails (an annexed file that cannot be read) stops the rendering, as the
    // caller's signal does. Not AbortSignal.any: its FinalizationRegistry breaks the start-up
    // snapshot, which builds a séance (V8: dirty_js_finalization_registries_list).
    const stopRendering = new AbortController();
    const signal = stopRendering.signal;
    const forward = () => stopRendering.abort(options.signal?.reason);
    if (options.signal?.aborted) forward();
    options.signal?.addEventListener('abort', forward, { once: true });
    const dossier =
      options.formats.includes('pdf') && odj && refs.some((ref) => kindSpec(ref.kind).dossier)
        ? writeSeanceDossier(
            dossierParts(
              seance,
              formules,
              refs,
              (i) => turn.title(titles[i]!),
              staged.dir,
              options.annexes ?? new Map(),
            ),
            odj,
          )
        : undefined;
    dossier?.then(
      () => turn.end(),
      (error: unknown) => {
        turn.end();
        stopRendering.abort(error);
      },
    );
    try {
      await renderAll(job, refs, {
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(options.parallelFrom !== undefined ? { parallelFrom: options.parallelFrom } : {}),
        ...(options.warm ? { warm: options.warm } : {}),
        onDone: (done) => options.onProgress?.(done, total),
        signal,
        ...(dossier ? { beforeEach: () => turn.whenIdle() } : {}),
        // Written at once, then only the title is kept (for the dossier's bookmarks).
        onResult: async (r, index) => {
          const ref = refs[index]!;
          const entries: ManifestDocument[] = [];
          byIndex[index] = entries;
          const base = { kind: ref.kind, point: ref.point, title: r.title };
          if (r.pdf) {
            const act = options.ctes ? ctesAct(seance, ref) : undefined;
            await write(entries, `${ref.id}.pdf`, r.pdf.bytes, {
              ...base,
              format: 'pdf',
              pages: r.pdf.pages,
              ...(act ? { ctes: act } : {}),
            });
            pages += r.pdf.pages;
          }
          if (r.docx) await write(entries, `${ref.id}.docx`, r.docx, { ...base, format: 'docx' });
          titles[index]!.resolve(r.title);
          return r.title;
        },
      });
    } catch (error) {
      // The dossier waits for documents that will not come: it stops, then the folder goes.
      for (const title of titles) title.reject(error);
      await dossier?.catch(() => undefined);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', forward);
    }
    if (dossier) {
      const entry = await dossier;
      dossierEntries.push(entry);
      pages += entry.pages ?? 0;
      options.onProgress?.(total, total);
    }
    // Each point's annexed files, copied as they are, listed after the point's documents.
    const annexEntries = new Map<number, ManifestDocument[]>();
    for (const point of seance.points) {
      if (options.points && !options.points.has(point.numero)) continue;
      const entries: ManifestDocument[] = [];
      for (const a of annexFileEntries(formules.annexe, point, options.annexes ?? new Map())) {
        await write(entries, a.file, a.bytes, a.entry);
        pages += a.entry.pages ?? 0;
      }
      annexEntries.set(point.numero, entries);
    }
    const documents = [
      ...byIndex.flatMap((entries, i) => {
        const point = refs[i]?.point ?? null;
        const last = point !== null && refs[i + 1]?.point !== point;
        return last ? [...entries, ...(annexEntries.get(point) ?? [])] : entries;
      }),
      ...dossierEntries,
    ];
    const manifest: Manifest = {
      generator: { name: 'delib', version: VERSION },
      source: { file: job.source.name, sha256: sha256(options.source.bytes) },
      seance: { collectivite: seance.collectivite.nom, instance: seance.instance, date: seance.seance.date },
      documents,
    };
    options.signal?.throwIfAborted();
    await writeFile(join(staged.dir, MANIFEST_FILE), serializeManifest(manifest));
    await staged.commit();
    return { outDir: staged.target, manifest, pages };
  } catch (error) {
    await staged.abort();
    // ENOSPC, EIO… while writing a document: the machine's problem, said in French.
    throw isFileSystemError(error) ? outputError(options.outDir, error) : error;
  } finally {
    releaseHeap();
  }
}
