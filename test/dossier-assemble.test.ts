import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembleDossier, stampLabel } from '../src/dossier/assemble.ts';
import type { DossierPart, PartSource } from '../src/dossier/types.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { foldSpaces } from '../src/tree/text.ts';
import { png } from './hostile/images.ts';
import { readPdf } from './support/pdf.ts';
import { getDocument } from './support/pdfjs.ts';
import { sampleTree } from './support/sample-tree.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const source = { name: 'seance.yaml', data: new TextEncoder().encode('seance: 2023-03-23\n') };

async function parts(pdfa: boolean): Promise<{ parts: DossierPart[]; singles: Uint8Array[] }> {
  const options = { creationDate, ...(pdfa ? { pdfa: { source } } : {}) };
  const a = await renderPdf(sampleTree(), options);
  const b = await renderPdf(sampleTree({ paragraphs: 12 }), options);
  const part = (title: string, bytes: Uint8Array, group?: string): DossierPart => ({
    title,
    label: title,
    ...(group ? { group } : {}),
    load: async (): Promise<PartSource> => ({ kind: 'pdf', bytes }),
  });
  return {
    singles: [a.bytes, b.bytes],
    parts: [
      part('Ordre du jour', a.bytes),
      part('Note de présentation', b.bytes, 'Point n° 1 – Budget'),
      {
        title: 'Annexe 1 : Plan de situation',
        group: 'Point n° 1 – Budget',
        label: 'annexes/plan.png',
        load: async () => ({ kind: 'image', format: 'png', bytes: png(40, 30) }),
      },
      part('Note de présentation', a.bytes, 'Point n° 2 – Voirie'),
    ],
  };
}

async function xmpOf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  return stream instanceof PDFRawStream ? new TextDecoder().decode(stream.getContents()) : '';
}

async function attachments(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false });
  const doc = await task.promise;
  const files = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string }>;
  await doc.destroy();
  return Object.values(files).map((f) => f.filename);
}

const meta = {
  ...sampleTree().meta,
  title: 'Dossier de séance – Conseil municipal',
  subject: 'Dossier de séance',
};

describe('assembleDossier', () => {
  it('copies the pages of every part in order, under one bookmark per point, with a stamp on each page', async () => {
    const { parts: list, singles } = await parts(false);
    const result = await assembleDossier(list, { meta, creationDate });
    const pdf = await readPdf(result.bytes);
    const [a, b] = await Promise.all(singles.map((s) => readPdf(s)));
    if (!a || !b) throw new Error('parts not read');
    expect(result.pages).toBe(a.pages.length * 2 + b.pages.length + 1);
    expect(pdf.pages).toHaveLength(result.pages);
    expect(pdf.outline.map((o) => o.title)).toEqual([
      'Ordre du jour',
      'Point n° 1 – Budget',
      'Point n° 2 – Voirie',
    ]);
    expect(pdf.outline[1]?.items.map((o) => o.title)).toEqual([
      'Note de présentation',
      'Annexe 1 : Plan de situation',
    ]);
    // The parts' own headings are kept below their bookmark.
    expect(pdf.outline[0]?.items.map((o) => o.title)).toEqual(a.outline.map((o) => o.title));
    // Same body text as the part: pages copied, not laid out again.
    const bodyOf = (doc: typeof pdf, page: number) =>
      doc.pages[page]?.items
        .filter((i) => !i.artifact)
        .map((i) => i.str)
        .join('');
    expect(bodyOf(pdf, a.pages.length)).toBe(bodyOf(b, 0));
    pdf.pages.forEach((_, i) => {
      expect(foldSpaces(pdf.artifactText(i))).toContain(foldSpaces(stampLabel(i + 1, result.pages)));
    });
    expect(pdf.info.Title).toBe(meta.title);
    expect(pdf.info.Producer).toBe('delib (pdf-lib)');
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(result.untagged).toEqual([]);
  });

  it('keeps the structure tree of every part and tags an image as a figure with its title', async () => {
    const { parts: list } = await parts(false);
    const pdf = await readPdf((await assembleDossier(list, { meta, creationDate })).bytes);
    const roles = (node: unknown): string[] => {
      const n = node as { role?: string; children?: unknown[] } | null;
      if (!n) return [];
      return [n.role ?? '', ...(n.children ?? []).flatMap(roles)];
    };
    const first = roles(pdf.pages[0]?.structTree);
    expect(first).toContain('Document');
    expect(first).toContain('Sect');
    expect(first.filter((r) => r === 'P' || r === 'H1' || r === 'H2').length).toBeGreaterThan(0);
    const imagePage = pdf.pages.findIndex((p) => roles(p.structTree).includes('Figure'));
    expect(imagePage).toBeGreaterThan(0);
    const figure = JSON.stringify(pdf.pages[imagePage]?.structTree);
    expect(figure).toContain('Plan de situation');
  });

  it('is PDF/A-3b with the source attached when every part is, and says which part is not', async () => {
    const { parts: list } = await parts(true);
    const pdfa = await assembleDossier(list, { meta, creationDate, pdfa: { source } });
    expect(pdfa.notPdfa).toEqual([]);
    expect(await xmpOf(pdfa.bytes)).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(await attachments(pdfa.bytes)).toEqual(['seance.yaml']);
    const { parts: plain } = await parts(false);
    const mixed = await assembleDossier([list[0]!, plain[1]!], { meta, creationDate, pdfa: { source } });
    expect(mixed.notPdfa).toEqual(['Note de présentation']);
    expect(await xmpOf(mixed.bytes)).not.toContain('pdfaid');
  });

  it('gives the same bytes for the same parts and date, other bytes for another date', async () => {
    const { parts: list } = await parts(true);
    const one = await assembleDossier(list, { meta, creationDate, pdfa: { source } });
    const two = await assembleDossier(list, { meta, creationDate, pdfa: { source } });
    expect(sha(two.bytes)).toBe(sha(one.bytes));
    const other = await assembleDossier(list, { meta, creationDate: new Date('2024-01-01T00:00:00Z') });
    expect(sha(other.bytes)).not.toBe(sha(one.bytes));
  });
});
