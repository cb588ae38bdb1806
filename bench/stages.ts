/**
 * Where a build's CPU goes, in one process, one thread, after a warm-up: each document of a séance
 * composed (template, Markdown, typography), rendered as PDF and as DOCX with the options the CLI
 * uses, then the dossier assembled from those PDFs; CPU time of the process (all its threads: V8's
 * collector and compilers included) per stage and kind of document. Prints one JSON object on stdout.
 *
 * @example
 * node bin/dev.js bench/stages.ts bench/work/seance-100.yaml
 */
import { DOSSIER_ID } from '../src/bundle/build.ts';
import { loadForRendering } from '../src/cli/options.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { kindSpec } from '../src/compose/kinds.ts';
import { documentMeta } from '../src/compose/meta.ts';
import { assembleDossier } from '../src/dossier/assemble.ts';
import type { DossierPart } from '../src/dossier/types.ts';
import { charactersBeyondBase } from '../src/render/docx/embedded-fonts.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { templateEnv } from '../src/template/env.ts';

export interface StageCosts {
  readonly n: number;
  readonly pages: number;
  readonly composeMs: number;
  readonly pdfMs: number;
  readonly docxMs: number;
}

export interface Stages {
  readonly documents: number;
  /** By kind of document; séance-wide documents by their own name (they grow with the séance). */
  readonly kinds: Readonly<Record<string, StageCosts>>;
  readonly dossierMs: number;
  readonly dossierPages: number;
}

const file = process.argv[2];
if (!file) throw new Error('usage : node bin/dev.js bench/stages.ts SEANCE.yaml');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const loaded = await loadForRendering(file, process.cwd());
const { seance } = loaded;
const env = templateEnv();
const refs = listDocuments(seance);
const creationDate = new Date(0);
const pdfOptions = { creationDate, assets: loaded.assets };
const docxOptions = {
  creationDate,
  assets: loaded.assets,
  fontCharacters: charactersBeyondBase([JSON.stringify(seance)]),
};

// Warm-up: modules, fonts, templates and the JIT, as a running build has them after a few documents.
for (const ref of refs.slice(0, 6)) {
  const tree = composeDocument(seance, ref, { env });
  await renderPdf(tree, pdfOptions);
  await renderDocx(tree, docxOptions);
}

const kinds: Record<string, { n: number; pages: number; composeMs: number; pdfMs: number; docxMs: number }> =
  {};
const parts: DossierPart[] = [];
for (const ref of refs) {
  const t0 = cpuMs();
  const tree = composeDocument(seance, ref, { env });
  const t1 = cpuMs();
  const pdf = await renderPdf(tree, pdfOptions);
  const t2 = cpuMs();
  await renderDocx(tree, docxOptions);
  const t3 = cpuMs();
  const key = ref.point === null ? ref.id : ref.kind;
  const k = kinds[key] ?? { n: 0, pages: 0, composeMs: 0, pdfMs: 0, docxMs: 0 };
  kinds[key] = k;
  k.n++;
  k.pages += pdf.pages;
  k.composeMs += t1 - t0;
  k.pdfMs += t2 - t1;
  k.docxMs += t3 - t2;
  // The dossier's parts as build.ts lists them, files annexed as such left out (the benchmark's
  // séances have none).
  if (kindSpec(ref.kind).dossier) {
    const bytes = pdf.bytes;
    parts.push({
      title: tree.meta.title,
      ...(ref.point === null ? {} : { group: `Point ${ref.point}` }),
      label: `${ref.id}.pdf`,
      load: async () => ({ kind: 'pdf', bytes }),
    });
  }
}
const meta = { ...documentMeta(seance, refs[0]!), title: DOSSIER_ID };
const t4 = cpuMs();
const dossier = await assembleDossier(parts, { meta, creationDate });
const result: Stages = {
  documents: refs.length,
  kinds,
  dossierMs: cpuMs() - t4,
  dossierPages: dossier.pages,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
