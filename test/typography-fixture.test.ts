import { describe, expect, it } from 'vitest';
import type { RenderedDocument } from './support/rendered.ts';
import { foldQuotes, renderFixture } from './support/rendered.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const docs = await renderFixture('fixtures/structures/typographie.yaml', /note|deliberation/);
const doc = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const note = doc('point-01-note');
const deliberation = doc('point-01-deliberation');

describe('typography of what the clerk typed, in PDF and DOCX', () => {
  it('turns straight quotes into guillemets and apostrophes, in the text, metadata and bookmarks', () => {
    for (const text of [note.pdfText, note.docxText]) {
      expect(text).toContain('le projet « Cours d’école ombragées »');
      expect(text).not.toMatch(/["']/);
    }
    expect(note.pdf.info.Title).toBe(
      `Programme «${NBSP}Cours d’école ombragées${NBSP}» – plan de financement`,
    );
    expect(note.docx.core).toContain('Programme «');
    expect(deliberation.pdfText).toContain('salle « Les Tilleuls »');
  });

  it('ties civilities and days to what follows, groups amounts', () => {
    const xml = note.docx.document;
    expect(xml).toContain(`M.${NBSP}Basile Fornier`);
    expect(xml).toContain(`Mme${NBSP}Odile Vasseur`);
    expect(xml).toContain(`28${NBSP}janvier 2025`);
    expect(xml).toContain(`3${NNBSP}500${NBSP}€`);
    expect(xml).toContain(`12${NNBSP}500,50${NBSP}€`);
    expect(note.pdfText).toContain(
      'estimé à 3 500 € pour la première tranche et 12 500,50 € pour la seconde',
    );
  });

  it('never hyphenates a proper name or a quotation', () => {
    const json = JSON.stringify([note.tree, deliberation.tree]);
    for (const word of ['Fornier', 'Vasseur', 'ombragées', 'Tilleuls']) {
      expect(json).not.toMatch(
        new RegExp(`${word.slice(0, 2)}[\\p{L}]*\u00AD[\\p{L}\u00AD]*${word.slice(-2)}`, 'u'),
      );
    }
  });
});

describe('headings and footnotes in an exposé and an article', () => {
  it('prints the exposé headings as headings, in the PDF outline and as Word headings', () => {
    expect(note.pdf.outline.flatMap((o) => [o.title, ...o.items.map((i) => i.title)])).toEqual(
      expect.arrayContaining(['Le projet']),
    );
    const styles = note.docx.paragraphs.filter((p) => ['Le projet', 'Le financement'].includes(p.text));
    expect(styles.map((p) => p.style)).toEqual(['Heading2', 'Heading3']);
    const article = deliberation.docx.paragraphs.find((p) => p.text === 'Dépenses');
    expect(article?.style).toBe('Heading3');
  });

  it('sets PDF footnotes at the foot of the page, under the text that calls them', () => {
    const page = note.pdf.pages[0];
    if (!page) throw new Error('no page');
    const lineOf = (word: string) => page.items.find((i) => !i.artifact && i.str.includes(word))?.y ?? 0;
    expect(lineOf('Graines')).toBeGreaterThan(lineOf('proposé'));
    expect(lineOf('Graines')).toBeGreaterThan(page.height * 0.7);
    expect(foldQuotes(note.pdfText)).toContain(
      foldQuotes('1 Projet présenté par l’association « Graines de quartier » le 3 décembre 2024.'),
    );
    expect(note.pdfText).toContain('« Cours d’école ombragées »1, estimé');
  });

  it('writes real Word footnotes, numbered in reading order', () => {
    const notes = note.docx.parts.get('word/footnotes.xml') ?? '';
    expect(notes).toContain('Fonds d’aide aux écoles rurales');
    expect(note.docx.document.match(/<w:footnoteReference w:id="\d+"\/>/g)?.length).toBe(2);
    expect(deliberation.docx.parts.get('word/footnotes.xml')).toContain('Montant hors taxes.');
    expect(deliberation.pdfText).toContain('Travaux de plantation : 3 500 €1.');
  });
});
