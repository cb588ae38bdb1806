import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.ts';
import { theme } from '../src/render/theme.ts';
import { foldSpaces, treeText } from '../src/tree/text.ts';
import type { DocumentTree } from '../src/tree/types.ts';
import { dehyphenate, type ReadPdf, readPdf, softText } from './support/pdf.ts';
import { para, softHyphenate, treeOf } from './support/pdf-trees.ts';
import { sampleTree } from './support/sample-tree.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');

async function render(tree: DocumentTree) {
  const result = await renderPdf(tree, { creationDate });
  return { result, pdf: await readPdf(result.bytes) };
}

function expectSameText(pdf: ReadPdf, tree: DocumentTree): void {
  expect(dehyphenate(pdf.bodyLines(), softText(tree))).toBe(foldSpaces(treeText(tree)));
}

function roles(node: unknown, out = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const { role, children } = node as { role?: string; children?: unknown[] };
    if (role) out.add(role);
    for (const child of children ?? []) roles(child, out);
  }
  return out;
}

describe('renderPdf on the sample tree', async () => {
  const tree = sampleTree({ paragraphs: 12 });
  const { result, pdf } = await render(tree);

  it('reads back the tree text in order, header and footer excluded', () => {
    expectSameText(pdf, tree);
  });

  it('counts its pages and writes « Page X / Y » and the short title on every page', () => {
    expect(result.pages).toBe(3);
    expect(pdf.pages).toHaveLength(3);
    pdf.pages.forEach((_, i) => {
      expect(foldSpaces(pdf.artifactText(i))).toContain(`Page ${i + 1} / 3`);
      expect(foldSpaces(pdf.artifactText(i))).toContain('Convention – point n° 1');
    });
    expect(pdf.artifactText(0)).toContain('Ville de Sceaux');
    expect(pdf.artifactText(1)).not.toContain('Ville de Sceaux');
  });

  it('keeps every body text inside the margins and every text inside the page', () => {
    const { marginLeft, marginRight, marginTop, marginBottom, width, height } = theme.page;
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(width, 1);
      expect(page.height).toBeCloseTo(height, 1);
      for (const item of page.items.filter((i) => i.str.trim() !== '')) {
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width).toBeLessThanOrEqual(width);
        expect(item.y).toBeGreaterThan(0);
        expect(item.y).toBeLessThan(height);
        if (item.artifact) continue;
        expect(item.x).toBeGreaterThanOrEqual(marginLeft - 0.5);
        expect(item.x + item.width).toBeLessThanOrEqual(width - marginRight + 0.5);
        expect(item.y).toBeGreaterThan(marginTop);
        expect(item.y).toBeLessThan(height - marginBottom);
      }
    }
  });

  it('writes metadata, language and a well-formed XMP packet despite « & < > »', () => {
    const title = tree.meta.title;
    expect(pdf.info.Title).toBe(title);
    expect(pdf.info.Author).toBe('Ville de Sceaux');
    expect(pdf.info.Subject).toBe('Convention');
    expect(pdf.info.Keywords).toBe('convention, QMI');
    expect(pdf.info.CreationDate).toBe('D:20230323000000Z');
    expect(pdf.info.Language).toBe('fr-FR');
    expect(pdf.xmp.get('dc:title')).toBe(title);
    expect(pdf.xmp.get('dc:creator')).toEqual(['Ville de Sceaux']);
    expect(new TextDecoder('latin1').decode(result.bytes)).toMatch(/\/DisplayDocTitle true/);
  });

  it('is a tagged PDF with headings, paragraphs, lists and a table', () => {
    expect(pdf.markInfo?.Marked).toBe(true);
    const all = new Set<string>();
    for (const page of pdf.pages) roles(page.structTree, all);
    for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Div']) {
      expect(all).toContain(role);
    }
  });

  it('bookmarks level 1–2 headings outside the title block', () => {
    expect(pdf.outline.map((o) => o.title)).toEqual(['Article 2 – Engagements de la Métropole']);
  });

  it('starts a new page at an explicit page break', () => {
    const page = pdf.pages[2];
    const first = page?.items.find((i) => !i.artifact && i.str.trim() !== '');
    // The pieces of a line are one text object: pdf.js reads the line as one item.
    expect(first?.str).toMatch(/^Fait /);
    expect(first?.y).toBeLessThan(theme.page.marginTop + 20);
  });

  it('draws the superscript smaller and raised', () => {
    const items = pdf.pages[0]?.items ?? [];
    const er = items.find((i) => i.str.trim() === 'er');
    const one = items.find((i) => i.str.trim().endsWith('1') && Math.abs(i.x + i.width - (er?.x ?? 0)) < 1);
    expect(one && er).toBeTruthy();
    expect(er?.fontSize).toBeLessThan((one?.fontSize ?? 0) * 0.8);
    expect(er?.y).toBeLessThan((one?.y ?? 0) - 2);
  });

  it('records one signature box per signatory, side by side on the page of the signatures', () => {
    const boxes = result.signatureBoxes ?? [];
    expect(boxes.map((b) => b.id)).toEqual(['signature-1', 'signature-2']);
    expect(boxes.every((b) => b.page === 2 && b.height === theme.signatures.signHeight)).toBe(true);
    const [a, b] = boxes;
    expect(a?.y).toBe(b?.y);
    expect((a?.x ?? 0) + (a?.width ?? 0)).toBeLessThanOrEqual(b?.x ?? 0);
  });
});

describe('renderPdf hyphenation', () => {
  it('breaks at soft hyphens, draws « - » only at a line end, and keeps real hyphens', async () => {
    const text = softHyphenate(
      'Les administrations territoriales accompagnent systématiquement les expérimentations intercommunales, procès-verbal compris, conformément aux recommandations départementales et métropolitaines. ',
    ).repeat(6);
    const tree = treeOf([para(text), para('Un procès-verbal, un porte-parole et un rez-de-chaussée.')]);
    const { pdf } = await render(tree);
    expectSameText(pdf, tree);
    const lines = pdf.bodyLines();
    const soft = lines.filter((l) => /\p{L}-$/u.test(l.trim()) && !/procès-$/.test(l.trim()));
    expect(soft.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('procès-verbal, un porte-parole et un rez-de-chaussée.');
    expect(
      lines.some((l) => /\p{L}-\p{L}{2}/u.test(l) && !/procès-verbal|porte-parole|rez-de-chaussée/.test(l)),
    ).toBe(false);
  });
});
