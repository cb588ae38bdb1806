import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { theme } from '../src/render/theme.ts';
import type { Seance } from '../src/schema/seance.ts';
import { templateEnv } from '../src/template/env.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import type { Block, DocumentTree } from '../src/tree/types.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { readDocx } from './support/docx.ts';
import { dehyphenate, type ReadPdf, readPdf, softText } from './support/pdf.ts';
import { fillers, para, t, treeOf } from './support/pdf-trees.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');

async function loadFixture(file: string): Promise<Seance> {
  const { seance } = await loadAndValidate(file);
  if (!seance) throw new Error(`${file} is not valid`);
  return seance;
}
/** Filler counts that move the tested block across the end of the first page. */
const SWEEP = Array.from({ length: 12 }, (_, i) => 23 + i);

async function render(tree: DocumentTree) {
  const result = await renderPdf(tree, { creationDate });
  const pdf = await readPdf(result.bytes);
  expect(dehyphenate(pdf.bodyLines(), softText(tree))).toBe(foldSpaces(treeText(tree)));
  return { result, pdf };
}

/** Distinct (page, baseline) lines holding a body item whose text matches. */
function linesPerPage(pdf: ReadPdf, match: (text: string) => boolean): number[] {
  return pdf.pages.map((page) => {
    const ys = new Set(
      page.items.filter((i) => !i.artifact && match(i.str)).map((i) => Math.round(i.y * 10) / 10),
    );
    return ys.size;
  });
}

function pagesOf(pdf: ReadPdf, word: string): number[] {
  return pdf.pages.flatMap((page, n) =>
    page.items.some((i) => !i.artifact && i.str.includes(word)) ? [n] : [],
  );
}

describe('page ends', () => {
  it('splits a paragraph with at least two lines on each page, or moves it whole', async () => {
    const target = para('Zorglub '.repeat(90).trim());
    const seen: string[] = [];
    let total: number | undefined;
    for (const n of SWEEP) {
      const { pdf } = await render(treeOf([...fillers(n), target, para('Fin.')]));
      const counts = linesPerPage(pdf, (s) => s.includes('Zorglub')).filter((c) => c > 0);
      const sum = counts.reduce((a, b) => a + b, 0);
      total ??= sum;
      expect(sum).toBe(total);
      for (const c of counts) expect(c).toBeGreaterThanOrEqual(2);
      seen.push(counts.join('+'));
    }
    expect(seen.some((s) => s.includes('+'))).toBe(true);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(seen.filter((s) => s === String(total)).length).toBeGreaterThan(0);
  });

  it('keeps a heading on the page of the first lines of what follows', async () => {
    let moved = 0;
    for (const n of SWEEP) {
      const heading: Block = { type: 'heading', level: 2, children: [t('Article Xylophone')] };
      const { pdf } = await render(treeOf([...fillers(n), heading, para('Quetzal '.repeat(60).trim())]));
      const [headingPage] = pagesOf(pdf, 'Xylophone');
      const [bodyPage] = pagesOf(pdf, 'Quetzal');
      expect(headingPage).toBe(bodyPage);
      if (headingPage === 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('splits a table between rows and repeats its header row (as an artifact) on the next page', async () => {
    const row = (a: string, b: string) => ({
      type: 'tableRow' as const,
      children: [
        { type: 'tableCell' as const, children: [t(a)] },
        { type: 'tableCell' as const, children: [t(b)] },
      ],
    });
    const table: Block = {
      type: 'table',
      align: ['left', 'right'],
      head: row('Poste budgétaire', 'Montant'),
      body: Array.from({ length: 8 }, (_, i) => row(`Ligne Wombat ${i + 1}`, `${i + 1}\u202F000,00\u00A0€`)),
    };
    let splits = 0;
    for (const n of SWEEP) {
      const { pdf } = await render(treeOf([...fillers(n), table, para('Fin.')]));
      const pages = pagesOf(pdf, 'Wombat');
      if (pages.length < 2) continue;
      splits++;
      const next = pdf.pages[pages[1] ?? 0];
      const header = next?.items.filter((i) => i.artifact && i.str.includes('Poste')) ?? [];
      const firstRow = next?.items.find((i) => !i.artifact && i.str.includes('Wombat'));
      expect(header.length).toBe(1);
      expect(header[0]?.y ?? 0).toBeLessThan(firstRow?.y ?? 0);
      expect(pdf.pages[pages[0] ?? 0]?.items.some((i) => i.artifact && i.str.includes('Poste'))).toBe(false);
    }
    expect(splits).toBeGreaterThan(0);
  });

  it('never splits a signature block kept with its closing line: it moves to the next page', async () => {
    let moved = 0;
    for (const n of SWEEP) {
      const block: Block = {
        type: 'keepTogether',
        children: [
          { type: 'paragraph', role: 'closing', children: [t('Fait à Sceaux, le 23\u00A0mars 2023.')] },
          {
            type: 'signatures',
            children: [
              {
                type: 'signatory',
                id: 'signature-1',
                heading: 'Pour la Ville',
                qualite: 'Le Maire',
                nom: 'Philippe Laurent',
              },
              {
                type: 'signatory',
                id: 'signature-2',
                heading: 'Pour la Métropole',
                qualite: 'Le Président',
                nom: 'Patrick Ollier',
              },
            ],
          },
        ],
      };
      const { result, pdf } = await render(treeOf([...fillers(n), block]));
      const pages = new Set([
        ...pagesOf(pdf, 'Fait'),
        ...pagesOf(pdf, 'Laurent'),
        ...pagesOf(pdf, 'Ollier'),
        ...pagesOf(pdf, 'Maire'),
      ]);
      expect(pages.size).toBe(1);
      const [page] = [...pages];
      expect(result.signatureBoxes?.map((b) => b.page)).toEqual([page, page]);
      if (page === 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('lets the last page absorb a short end rather than open a page for it, above the footer', async () => {
    const mention: Block = { type: 'paragraph', role: 'note', children: [t('Mention finale Wapiti.')] };
    let absorbed = 0;
    for (const n of Array.from({ length: 14 }, (_, i) => 26 + i)) {
      const { pdf } = await render(treeOf([...fillers(n), mention]));
      const [page] = pagesOf(pdf, 'Wapiti');
      const first = pdf.pages[0];
      if (!first) throw new Error('no page');
      const item = pdf.pages[page ?? 0]?.items.find((i) => i.str.includes('Wapiti'));
      const footer = first.items.filter((i) => i.artifact && i.y > first.height / 2).map((i) => i.y);
      // Never on the footer: at least one footer line height above it.
      expect(item?.y ?? 0).toBeLessThan(Math.min(...footer) - 8);
      if (page === 0 && (item?.y ?? 0) > first.height - theme.page.marginBottom) absorbed++;
    }
    expect(absorbed).toBeGreaterThan(0);
  });

  it('keeps the exécutoire and recours mentions on the page of the signatures of a délibération', async () => {
    const seance = await loadFixture('fixtures/conseil-2024-06-27.yaml');
    const env = templateEnv();
    const ref = listDocuments(seance).find((d) => d.kind === 'deliberation');
    if (!ref) throw new Error('no délibération');
    const tree = composeDocument(seance, ref, { env });
    let moved = 0;
    // Every count from 24 to 47 fillers: at 35 the closing block ends at the foot of page 2 (the
    // recours mention, outside the kept block, went alone onto page 3).
    for (const n of Array.from({ length: 24 }, (_, i) => 24 + i)) {
      const padded = { ...tree, children: [...fillers(n), ...tree.children] };
      const pdf = await readPdf((await renderPdf(padded, { creationDate })).bytes);
      const signed = pagesOf(pdf, 'Fait').at(-1);
      expect(pagesOf(pdf, 'exécutoire')).toEqual([signed]);
      // The recours mention and its Télérecours sentence come last, on that page too.
      expect(pagesOf(pdf, 'Télérecours')).toEqual([signed]);
      expect(pagesOf(pdf, 'excès')).toEqual([signed]);
      if ((signed ?? 0) > 0 && pdf.pages.length === (signed ?? 0) + 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps the closing, the signatures and both mentions together in the DOCX, no paragraph split', async () => {
    const seance = await loadFixture('fixtures/conseil-2024-06-27.yaml');
    const ref = listDocuments(seance).find((d) => d.kind === 'deliberation');
    if (!ref) throw new Error('no délibération');
    const tree = composeDocument(seance, ref, { env: templateEnv() });
    const { paragraphs } = readDocx(await renderDocx(tree, { creationDate, embedFonts: false }));
    const from = paragraphs.findIndex((p) => p.text.startsWith('Fait'));
    const recours = paragraphs.findIndex((p) => p.text.includes('Télérecours'));
    expect(from).toBeGreaterThan(0);
    expect(recours).toBe(paragraphs.length - 1);
    expect(paragraphs.slice(from).some((p) => p.text.includes('exécutoire'))).toBe(true);
    // Every paragraph keeps with the next but the last (the signatures' style keeps their lines).
    for (const [i, p] of paragraphs.slice(from).entries()) {
      if (from + i < recours) expect(p.xml, p.text).toContain('<w:keepNext/>');
      if (!p.style.startsWith('Signature')) expect(p.xml, p.text).toContain('<w:keepLines/>');
    }
    expect(paragraphs[recours]?.xml).not.toContain('<w:keepNext/>');
  });
});
