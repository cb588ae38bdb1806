/**
 * The raw engines' floor, in one process, one thread, after a warm-up: the same documents rendered
 * by delib (renderPdf, renderDocx) and by the bare libraries (pdfkit writing the documents' text as
 * plain justified paragraphs with the same fonts; docx packing the same paragraphs without styles).
 * Prints one JSON object on stdout.
 *
 * @example
 * node bin/dev.js bench/floor.ts bench/work/seance-100.yaml
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { loadForRendering } from '../src/cli/options.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { loadFonts } from '../src/render/fonts.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { templateEnv } from '../src/template/env.ts';
import type { DocumentTree, Inline } from '../src/tree/types.ts';

const file = process.argv[2];
if (!file) throw new Error('usage : node bin/dev.js bench/floor.ts SEANCE.yaml');

const inlineText = (inlines: readonly Inline[]): string =>
  inlines
    .map((i) =>
      i.type === 'text'
        ? i.value
        : i.type === 'break'
          ? ' '
          : i.type === 'pageRef'
            ? ''
            : inlineText(i.children),
    )
    .join('');

/** Every paragraph of text of a tree, in order, as plain strings. */
function paragraphs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) paragraphs(n, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const n = node as { type?: string; children?: unknown; head?: unknown; body?: unknown };
  if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
    out.push(inlineText(n.children as Inline[]).replace(/\u00AD/g, ''));
    return out;
  }
  for (const value of Object.values(n)) if (typeof value === 'object') paragraphs(value, out);
  return out;
}

const loaded = await loadForRendering(file, process.cwd());
const env = templateEnv();
const trees: DocumentTree[] = listDocuments(loaded.seance).map((ref) =>
  composeDocument(loaded.seance, ref, { env }),
);
const texts = trees.map((t) => paragraphs(t.children));
const creationDate = new Date(0);
const fonts = loadFonts();

async function rawPdf(lines: readonly string[]): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 70, bottom: 70, left: 70, right: 70 } });
  // The same parsed fontkit faces delib uses (pdfkit accepts them in place of a path).
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.font('regular').fontSize(11);
  for (const line of lines) doc.text(line, { align: 'justify', paragraphGap: 6 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.end();
  await done;
  return Buffer.concat(chunks).byteLength;
}

async function rawDocx(lines: readonly string[]): Promise<number> {
  const doc = new Document({
    sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return (await Packer.toBuffer(doc)).byteLength;
}

type Task = (index: number) => Promise<unknown>;
const tasks: Record<string, Task> = {
  delibPdf: (i) => renderPdf(trees[i]!, { creationDate, assets: loaded.assets }),
  rawPdf: (i) => rawPdf(texts[i]!),
  delibDocx: (i) => renderDocx(trees[i]!, { creationDate, assets: loaded.assets }),
  delibDocxNoFonts: (i) => renderDocx(trees[i]!, { creationDate, assets: loaded.assets, embedFonts: false }),
  rawDocx: (i) => rawDocx(texts[i]!),
};

const warm = Math.min(5, trees.length);
const ms: Record<string, number> = {};
// BENCH_FLOOR_ONLY=delibPdf,rawPdf restricts the run (for profiling one of them).
const only = process.env.BENCH_FLOOR_ONLY?.split(',');
for (const [name, task] of Object.entries(tasks)) {
  if (only && !only.includes(name)) continue;
  for (let i = 0; i < warm; i++) await task(i);
  const start = performance.now();
  for (let i = 0; i < trees.length; i++) await task(i);
  ms[name] = performance.now() - start;
}
process.stdout.write(`${JSON.stringify({ documents: trees.length, ms })}\n`);
