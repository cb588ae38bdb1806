import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './support/docx.ts';
import { taggedTexts } from './support/pdf.ts';
import { asRead, documentOf, renderFixture } from './support/rendered.ts';

// Four parties signing side by side: a row of three columns, then one.
const docs = await renderFixture(
  'fixtures/structures/signatures-cote-a-cote.yaml',
  /^point-01-convention-1$/,
);
const convention = documentOf(docs, 'point-01-convention-1');

/** Row by row: the headings and qualités of a row of columns, then its names. */
const READING = [
  'Pour la Commune',
  'La Maire',
  'Pour le Club',
  'Le Président du conseil d’administration du club',
  'Pour le Collège',
  'La Principale',
  'Mme Apolline Merlet',
  'M. Basile Fontanel',
  'Mme Coralie Vasseur',
  'Pour l’Association',
  'Le Trésorier',
  'M. Damien Esquirol',
];

/** The texts of the structure tree's P elements, in tree order. */
const structureTexts = () =>
  taggedTexts(convention.pdf, /^P$/)
    .map((p) => asRead(p.text))
    .filter((t) => t !== '');

/** A text as read, without its spaces (a qualité's two lines are joined without one). */
const squash = (t: string) => asRead(t).replace(/\s+/g, '');

/** Runs of `texts` in `all`, in order: the index of each, or -1. */
const places = (all: string, texts: readonly string[]) => {
  let from = 0;
  return texts.map((t) => {
    const at = all.indexOf(t, from);
    if (at >= 0) from = at + t.length;
    return at;
  });
};

describe('side-by-side signatures read in the same order in the PDF and the DOCX', () => {
  it('reads the PDF row by row (pdf.js text order), as the DOCX table', () => {
    // Spaces left out: pdf.js glues the ends of two columns' lines.
    for (const text of [convention.pdfText, convention.docxText])
      expect(places(squash(text), READING.map(squash)).every((at) => at >= 0)).toBe(true);
  });

  it('gives the PDF structure tree the same order', () => {
    const tree = structureTexts().map(squash);
    const start = tree.indexOf(squash('Pour la Commune'));
    expect(tree.slice(start, start + READING.length)).toEqual(READING.map(squash));
  });

  it('keeps the columns where they were drawn: each name under its heading', () => {
    const page = convention.pdf.pages.at(-1);
    // Runs of text items on one baseline with no wide gap: one column's line each.
    const runs: { text: string; x: number; right: number; y: number }[] = [];
    let gap = false;
    for (const item of page?.items ?? []) {
      if (item.str === '') continue;
      // pdf.js reads the room between two columns as one wide space.
      if (item.str.trim() === '' && item.width > 10) {
        gap = true;
        continue;
      }
      const last = runs.at(-1);
      const joined = !gap && last && Math.abs(last.y - item.y) < 0.5 && item.x - last.right < 10;
      gap = false;
      if (last && joined) {
        last.text += item.str;
        last.right = item.x + item.width;
      } else runs.push({ text: item.str, x: item.x, right: item.x + item.width, y: item.y });
    }
    const run = (text: string) => {
      const found = runs.find((r) => squash(r.text) === squash(text));
      if (!found) throw new Error(`no ${text}`);
      return found;
    };
    const x = (text: string) => (run(text).x + run(text).right) / 2;
    for (const [heading, name] of [
      ['Pour la Commune', 'Mme Apolline Merlet'],
      ['Pour le Collège', 'Mme Coralie Vasseur'],
      ['Pour l’Association', 'M. Damien Esquirol'],
    ] as const)
      expect(Math.abs(x(heading) - x(name))).toBeLessThan(1);
    // Side by side: the first row's three headings on one line.
    const y = (text: string) => run(text).y;
    expect(y('Pour le Club')).toBe(y('Pour la Commune'));
    expect(y('Pour le Collège')).toBe(y('Pour la Commune'));
  });

  it('has the DOCX rows hold the same texts: headings and qualités, then names', () => {
    const tables = [...convention.docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const rows = tables.flatMap((t) => [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]));
    const texts = rows.flatMap((row) =>
      paragraphsOf(row)
        .map((p) => asRead(p.text))
        .filter((t) => t !== ''),
    );
    expect(texts.slice(texts.indexOf('Pour la Commune'))).toEqual(READING);
  });
});
