import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { type CounterFormat, counterText, listLabel, theme } from '../src/render/theme.ts';
import type { Block, DocumentTree, ListItem } from '../src/tree/types.ts';
import { readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';
import { sampleTree } from './support/sample-tree.ts';

const creationDate = new Date('2023-03-23T18:30:00Z');
const item = (text: string, ...nested: Block[]): ListItem => ({
  type: 'listItem',
  children: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: text }] }, ...nested],
});
const list = (ordered: boolean, start: number, ...items: ListItem[]): Block => ({
  type: 'list',
  ordered,
  start,
  children: items,
});

/** Three levels, each ordered list starting elsewhere than 1, a bullet list at the bottom. */
const nested: Block = list(
  true,
  2,
  item('Premier point du programme'),
  item(
    'Second point du programme',
    list(true, 3, item('Sous-point gamma'), item('Sous-point delta', list(false, 1, item('Détail ultime')))),
  ),
);
const tree: DocumentTree = { ...sampleTree(), children: [nested] };

/** The labels in reading order, from the theme: what both renderers must draw. */
const expected = ['2.', '3.', 'c)', 'd)', theme.list.numbering.bullets[2]];

const FORMATS: Record<string, CounterFormat> = {
  decimal: 'decimal',
  lowerLetter: 'lowerLetter',
  upperLetter: 'upperLetter',
  lowerRoman: 'lowerRoman',
  upperRoman: 'upperRoman',
};

/** Each numbered paragraph's label as Word computes it from numbering.xml. */
function wordLabels(documentXml: string, numberingXml: string): string[] {
  const abstractOf = new Map(
    [...numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const levelOf = (abstractId: string, ilvl: string) => {
    const abs = new RegExp(
      `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`,
    ).exec(numberingXml)?.[1];
    const lvl = new RegExp(`<w:lvl w:ilvl="${ilvl}"[^>]*>([\\s\\S]*?)</w:lvl>`).exec(abs ?? '')?.[1] ?? '';
    return {
      start: Number(/<w:start w:val="(\d+)"/.exec(lvl)?.[1] ?? '1'),
      format: /<w:numFmt w:val="([^"]+)"/.exec(lvl)?.[1] ?? '',
      text: /<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? '',
    };
  };
  const counters = new Map<string, number>();
  const labels: string[] = [];
  for (const p of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const numId = /<w:numId w:val="(\d+)"/.exec(p[0])?.[1];
    const ilvl = /<w:ilvl w:val="(\d+)"/.exec(p[0])?.[1] ?? '0';
    if (!numId) continue;
    const level = levelOf(abstractOf.get(numId) ?? '', ilvl);
    const key = `${numId}/${ilvl}`;
    const n = counters.has(key) ? (counters.get(key) as number) + 1 : level.start;
    counters.set(key, n);
    const format = FORMATS[level.format];
    labels.push(format ? level.text.replace(/%\d/, counterText(n, format)) : level.text);
  }
  return labels;
}

describe('list labels: one numbering description, the same labels in PDF and DOCX', () => {
  it('computes labels from the theme at every depth', () => {
    const at = (ordered: boolean, depth: number, n: number) =>
      listLabel(theme.list.numbering, { ordered, depth, n });
    expect([at(true, 0, 12), at(true, 1, 28), at(true, 2, 4), at(true, 3, 5), at(false, 1, 1)]).toEqual([
      '12.',
      'ab)',
      'iv.',
      '5.',
      '–',
    ]);
  });

  it('draws in the PDF the labels of the theme, nested starts kept', async () => {
    const pdf = await readPdf((await renderPdf(tree, { creationDate })).bytes);
    const labels = pdf.pages[0]?.items
      .filter((i) => !i.artifact && expected.includes(i.str.trim()))
      .map((i) => i.str.trim());
    expect(labels).toEqual(expected);
  });

  it('writes in the DOCX the same labels, nested starts kept', async () => {
    const docx = readDocx(await renderDocx(tree, { creationDate, embedFonts: false }));
    expect(wordLabels(docx.document, docx.parts.get('word/numbering.xml') ?? '')).toEqual(expected);
  });

  // « - - Premier » and « 1. - Premier »: an item whose first block is a list.
  const opening = (ordered: boolean): Block =>
    list(
      ordered,
      1,
      { type: 'listItem', children: [list(false, 1, item('Premier détail'), item('Second détail'))] },
      item('Point suivant'),
    );
  const bullets = theme.list.numbering.bullets;
  it.each([
    [false, [bullets[0], bullets[1], bullets[1], bullets[0]]],
    [true, ['1.', bullets[1], bullets[1], '2.']],
  ] as const)(
    'puts the label of an item opening with a list on its own line in both (ordered: %s)',
    async (ordered, labels) => {
      const t: DocumentTree = { ...sampleTree(), children: [opening(ordered)] };
      const pdf = await readPdf((await renderPdf(t, { creationDate })).bytes);
      const items = (pdf.pages[0]?.items ?? []).filter((i) => !i.artifact && i.str.trim() !== '');
      const drawn = items.filter((i) => (labels as readonly string[]).includes(i.str.trim()));
      expect(drawn.map((i) => i.str.trim())).toEqual(labels);
      const [outer, inner] = drawn;
      const text = items.find((i) => i.str.includes('Premier'));
      // The outer label alone on its line, the inner list one line below and one indent further.
      expect(outer && inner && text).toBeTruthy();
      if (!outer || !inner || !text) return;
      expect(inner.y).toBeGreaterThan(outer.y + 5);
      expect(Math.abs(text.y - inner.y)).toBeLessThan(1);
      expect(inner.x).toBeGreaterThan(outer.x + theme.list.indent / 2);
      expect(items.filter((i) => Math.abs(i.y - outer.y) < 1).map((i) => i.str.trim())).toEqual([labels[0]]);

      const docx = readDocx(await renderDocx(t, { creationDate, embedFonts: false }));
      expect(wordLabels(docx.document, docx.parts.get('word/numbering.xml') ?? '')).toEqual(labels);
      const numbered = [...docx.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((m) => m[0])
        .filter((p) => p.includes('<w:numId'))
        .map((p) => ({
          level: /<w:ilvl w:val="(\d+)"/.exec(p)?.[1],
          text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
        }));
      expect(numbered).toEqual([
        { level: '0', text: '' },
        { level: '1', text: 'Premier détail' },
        { level: '1', text: 'Second détail' },
        { level: '0', text: 'Point suivant' },
      ]);
    },
  );
});
