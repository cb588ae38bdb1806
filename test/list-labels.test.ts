import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { listLabel, theme } from '../src/render/theme.ts';
import type { Block, DocumentTree, ListItem } from '../src/tree/types.ts';
import { readDocx, wordLabels } from './support/docx.ts';
import { readPdf, taggedTexts } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';
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

const reglement = documentOf(
  await renderFixture('fixtures/structures/typographie.yaml', /point-02-deliberation/),
  'point-02-deliberation',
);

describe('list labels of nested lists typed in a délibération (YAML), in PDF and DOCX', () => {
  const [bullet, dash] = theme.list.numbering.bullets;
  // Exposé: ordered inside unordered, then a list starting at 3 with bullets inside; article 2: a
  // bullet list with an ordered sub-list.
  const labels = [
    ...[bullet, 'a)', 'b)', bullet],
    ...['3.', '4.', dash, dash],
    ...[bullet, bullet, 'a)', 'b)', bullet],
  ];

  it('draws the labels of the theme in the PDF, at every depth, the start at 3 kept', () => {
    expect(taggedTexts(reglement.pdf, /^Lbl$/).map((l) => l.text.trim())).toEqual(labels);
  });

  it('writes the same labels in the DOCX, each item at its depth', () => {
    const { document, parts } = reglement.docx;
    expect(wordLabels(document, parts.get('word/numbering.xml') ?? '')).toEqual(labels);
    const depth = (text: string) => {
      const p = reglement.docx.paragraphs.find((x) => x.text === text);
      return /<w:ilvl w:val="(\d)"/.exec(p?.xml ?? '')?.[1];
    };
    expect(depth('des créneaux le week-end\u00A0:')).toBe('0');
    expect(depth('le samedi matin pour les répétitions\u202F;')).toBe('1');
    expect(depth('l’entretien du parquet\u202F;')).toBe('0');
    expect(depth('la sonorisation.')).toBe('1');
    expect(depth('ouverture à 8 heures\u202F;')).toBe('1');
  });
});
