import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { fieldsOf, paragraphsOf, type ReadDocx } from './support/docx.ts';
import type { PdfPage } from './support/pdf.ts';
import { type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/pages.yaml';
const docs = await renderFixture(FILE);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};

/** Artifact lines of a PDF page, top to bottom, each line's items left to right. */
function artifactLines(page: PdfPage): { y: number; text: string; x: number; right: number }[] {
  const rows = new Map<number, { str: string; x: number; width: number }[]>();
  for (const item of page.items) {
    if (!item.artifact || item.str.trim() === '') continue;
    const y = Math.round(item.y);
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, items]) => {
      const sorted = items.sort((a, b) => a.x - b.x);
      const last = sorted[sorted.length - 1]!;
      return {
        y,
        text: foldSpaces(sorted.map((i) => i.str).join('|')),
        x: sorted[0]!.x,
        right: last.x + last.width,
      };
    });
}

/** The header or footer part of the DOCX that the section names for `type` pages. */
function part(docx: ReadDocx, kind: 'header' | 'footer', type: 'first' | 'default'): string | undefined {
  const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1];
  if (id === undefined) return undefined;
  const rels = docx.parts.get('word/_rels/document.xml.rels') ?? '';
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return docx.parts.get(`word/${target}`);
}

/** Paragraph texts of a part, no-break spaces as spaces (a leading tab kept). */
const texts = (xml: string | undefined) =>
  paragraphsOf(xml ?? '').map((p) => p.text.replace(/[\u00A0\u202F]/g, ' '));

describe('running page lines as the collectivité words them', () => {
  const deliberation = get('point-01-deliberation');

  it('prints the header and the centred footer on every PDF page, with the page count', () => {
    const { pages } = deliberation.pdf;
    expect(pages.length).toBe(2);
    pages.forEach((page, i) => {
      const lines = artifactLines(page);
      expect(lines[0]?.text).toBe(`Conseil communautaire – 17 avril 2025 – SAINT-AUBRAC|Page ${i + 1} sur 2`);
      expect(lines[0]!.y).toBeLessThan(30);
      const footer = lines[lines.length - 1]!;
      expect(footer.text).toBe('Communauté de communes des Coteaux de l’Orbière – délibération DE-2025-014');
      expect(footer.y).toBeGreaterThan(page.height - 40);
      // Centred: as much room on its left as on its right.
      expect(Math.abs(footer.x - (page.width - footer.right))).toBeLessThan(2);
      expect(page.items.some((item) => /Page \d+ \/ \d+/.test(item.str))).toBe(false);
    });
    // The lines are artifacts: the body text does not hold them.
    expect(deliberation.pdfText).not.toContain('SAINT-AUBRAC');
  });

  it('writes the same lines in the DOCX, PAGE and NUMPAGES as fields', () => {
    const { docx } = deliberation;
    const first = part(docx, 'header', 'first');
    const later = part(docx, 'header', 'default');
    expect(texts(first)).toEqual([
      'Conseil communautaire – 17 avril 2025 – SAINT-AUBRAC\tPage  sur ',
      'Communauté de communes des Coteaux de l’Orbière',
    ]);
    expect(texts(later)).toEqual(['Conseil communautaire – 17 avril 2025 – SAINT-AUBRAC\tPage  sur ']);
    for (const xml of [first, later]) expect(fieldsOf(xml ?? '')).toEqual(['PAGE', 'NUMPAGES']);
    for (const type of ['first', 'default'] as const) {
      const footer = part(docx, 'footer', type);
      expect(texts(footer)).toEqual([
        '\tCommunauté de communes des Coteaux de l’Orbière – délibération DE-2025-014',
      ]);
      expect(footer).toContain('<w:tab w:val="center"');
      expect(fieldsOf(footer ?? '')).toEqual([]);
    }
    // The running header sits above the top margin, the first page's header below it.
    expect(docx.document).toMatch(/<w:pgMar [^>]*w:top="1134"[^>]*w:header="270"/);
  });

  it('leaves out an optional part without its value', () => {
    const convocation = get('convocation');
    const lines = artifactLines(convocation.pdf.pages[0]!);
    expect(lines[lines.length - 1]?.text).toBe('Communauté de communes des Coteaux de l’Orbière');
    expect(texts(part(convocation.docx, 'footer', 'default'))).toEqual([
      '\tCommunauté de communes des Coteaux de l’Orbière',
    ]);
  });

  it('gives a convention its own lines, and an emptied line is not printed', () => {
    const convention = get('point-01-convention-1');
    for (const page of convention.pdf.pages) {
      const lines = artifactLines(page);
      expect(lines.map((l) => l.text)).toEqual([
        'Page | 1 /1|Convention d’animation – Coteaux de l’Orbière & les Marcheurs du Causse',
        'Communauté de communes des Coteaux de l’Orbière',
      ]);
      expect(lines[0]!.y).toBeLessThan(30);
    }
    const { docx } = convention;
    expect(texts(part(docx, 'header', 'default'))).toEqual([
      'Page |  /\tConvention d’animation – Coteaux de l’Orbière & les Marcheurs du Causse',
    ]);
    expect(docx.footers).toEqual([]);
    expect(part(docx, 'footer', 'default')).toBeUndefined();
  });

  it('keeps delib’s own footer, and the tree as it was, without such formulas', async () => {
    const plain = await renderFixture('fixtures/minimale.yaml', /point-02-deliberation/);
    const d = plain.get('point-02-deliberation');
    expect(d?.tree.pages).toBeUndefined();
    const lines = artifactLines(d!.pdf.pages[0]!);
    expect(lines.map((l) => l.text)).toEqual(['Commune de Valbrune', 'Délibération – point n° 2|Page 1 / 1']);
    expect(texts(part(d!.docx, 'footer', 'default'))).toEqual(['Délibération – point n° 2\tPage  / ']);
    expect(part(d!.docx, 'header', 'default')).toBeUndefined();
  });
});

describe('running page lines checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an unknown value in a convention’s own line, at its line', async () => {
    const text = readFileSync(FILE, 'utf8').replace('"Page | {page} /{pages}"', '"Page | {page} /{total}"');
    const file = join(dir, 'seance.yaml');
    writeFileSync(file, text);
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('{total}')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.formula', line]]);
    expect(diagnostics[0]?.hint).toContain('{pages}');
  });
});
