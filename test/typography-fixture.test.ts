import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './support/docx.ts';
import { type ReadPdf, taggedTexts } from './support/pdf.ts';
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
const reglement = doc('point-02-deliberation');

/** The text of the DOCX's paragraphs, read from word/document.xml, with its exact characters. */
const docxParagraphs = (d: RenderedDocument): string => d.docx.paragraphs.map((p) => p.text).join('\n');

/**
 * The visual lines of a PDF's body text: consecutive pdf.js items on one baseline, so that each
 * line of a table cell is a line of its own (cells are drawn one after the other).
 */
function visualLines(pdf: ReadPdf): string[] {
  const lines: string[] = [];
  for (const page of pdf.pages) {
    let y: number | undefined;
    for (const item of page.items) {
      if (item.artifact || item.str === '') continue;
      if (y !== undefined && Math.abs(item.y - y) < item.fontSize * 0.6) lines[lines.length - 1] += item.str;
      else lines.push(item.str);
      y = item.y;
    }
  }
  return lines;
}

describe('typography of what the clerk typed, in PDF and DOCX', () => {
  it('turns straight quotes into guillemets and apostrophes, in the text, metadata and bookmarks', () => {
    for (const text of [note.pdfText, note.docxText]) {
      expect(text).toContain('le projet « Cours d’école ombragées »');
      expect(text).not.toMatch(/["']/);
    }
    expect(note.pdf.info.Title).toBe(
      `Programme «${NBSP}Cours d’école ombragées${NBSP}» – plan de financement`,
    );
    expect(note.docx.core).toContain(
      `<dc:title>Programme «${NBSP}Cours d’école ombragées${NBSP}» – plan de financement</dc:title>`,
    );
    expect(deliberation.pdfText).toContain('salle « Les Tilleuls »');
    expect(docxParagraphs(deliberation)).toContain(`salle «${NBSP}Les Tilleuls${NBSP}»`);
  });

  it('turns straight quotes typed in the header, the running lines and the collectivité’s name into « » and ’', () => {
    const name = 'Commune de Bourg-Vaillant-l’Étang';
    const running = `Conseil municipal d’hiver – 28${NBSP}janvier 2025`;
    const footer = `Registre «${NBSP}Délibérations 2025${NBSP}»`;
    const plain = (text: string) => text.replace(/\u00A0/g, ' ');
    for (const d of [note, deliberation, reglement]) {
      // PDF: the first page's header and the running lines are artifacts; pdf.js reads U+00A0 as a space.
      const first = d.pdf.artifactText(0);
      expect(first).toContain(name);
      expect(first).toContain(plain(running));
      expect(first).toContain(plain(footer));
      for (let i = 0; i < d.pdf.pages.length; i++) expect(d.pdf.artifactText(i)).not.toMatch(/["']/);
      expect(d.pdf.info.Author).toBe(name);
      // DOCX: the header and footer parts, and the core properties.
      const texts = (parts: readonly string[]) =>
        parts.flatMap((x) => paragraphsOf(x).map((p) => p.text)).join('\n');
      expect(texts(d.docx.headers)).toContain(name);
      expect(texts(d.docx.headers)).toContain(running);
      expect(texts(d.docx.footers)).toContain(footer);
      expect(texts([...d.docx.headers, ...d.docx.footers])).not.toMatch(/["']/);
      expect(d.docx.core).toContain(`<dc:creator>${name}</dc:creator>`);
    }
    // The en_tete lines are the act's first lines, in the text of both formats.
    for (const line of ['Département de l’Oste', `Canton d’Ambreuil, «${NBSP}Pays des étangs${NBSP}»`]) {
      expect(docxParagraphs(reglement).split('\n')).toContain(line);
      expect(reglement.pdf.bodyLines()).toContain(plain(line));
    }
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

  it('ties civilities, days and amounts in the PDF too: never a line break at their no-break space', () => {
    // Exact characters, as the DOCX holds them. pdf.js reads U+00A0 and U+202F as plain spaces
    // (the font draws them with the space's glyph): what the PDF shows is that the line never
    // breaks there, here in narrow table cells where lines break often.
    const tied = [
      ...['Mme Gwendoline', 'M. Aurèle', 'M. Florimond', 'Mme Bérengère'],
      ...['3 février', '17 mars', '28 avril', '12 mai', '23 juin'],
      ...['6 février', '20 mars', '24 avril', '15 mai', '26 juin'],
    ].map((phrase) => phrase.replace(' ', NBSP));
    const amounts = [`1${NNBSP}250${NBSP}€`, `480,50${NBSP}€`];
    const plain = (phrase: string) => phrase.replace(/[\u00A0\u202F]/g, ' ');
    const lines = visualLines(reglement.pdf);
    for (const phrase of [...tied, ...amounts]) {
      expect(docxParagraphs(reglement)).toContain(phrase);
      expect({ phrase, oneLine: lines.some((l) => l.includes(plain(phrase))) }).toEqual({
        phrase,
        oneLine: true,
      });
    }
    const noteLines = visualLines(note.pdf);
    for (const phrase of [`M.${NBSP}Basile`, `Mme${NBSP}Odile`, `28${NBSP}janvier`, `3${NNBSP}500${NBSP}€`]) {
      expect(docxParagraphs(note)).toContain(phrase);
      expect({ phrase, oneLine: noteLines.some((l) => l.includes(plain(phrase))) }).toEqual({
        phrase,
        oneLine: true,
      });
    }
  });

  it('never hyphenates a proper name or a quotation', () => {
    const json = JSON.stringify([note.tree, deliberation.tree]);
    for (const word of ['Fornier', 'Vasseur', 'ombragées', 'Tilleuls']) {
      expect(json).not.toMatch(
        new RegExp(`${word.slice(0, 2)}[\\p{L}]*\u00AD[\\p{L}\u00AD]*${word.slice(-2)}`, 'u'),
      );
    }
  });

  it('gives the DOCX the tree’s hyphenation points only: none in a name or a quotation', () => {
    const xml = reglement.docx.document;
    // Word's optional hyphen between two pieces of one word; automatic hyphenation is off.
    expect(xml).toContain('ré</w:t><w:softHyphen/><w:t xml:space="preserve">pé</w:t><w:softHyphen/>');
    expect(reglement.docx.settings).toContain('<w:autoHyphenation w:val="false"/>');
    for (const whole of [
      'Schoenenbourg',
      'Quatrebarbes',
      'Gwendoline',
      'Kerbrat',
      `Voix d’Oste`,
      'Fil et aiguille',
      'Tilleuls',
    ])
      expect(xml).toContain(whole);
    const cut = [...xml.matchAll(/(\p{L}+)<\/w:t><w:softHyphen\/><w:t[^>]*>(\p{L}+)/gu)].map(
      (m) => `${m[1]}${m[2]}`,
    );
    expect(cut.length).toBeGreaterThan(20);
    expect(cut.filter((w) => /\p{Lu}/u.test(w))).toEqual([]);
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
    // The article's heading is a tagged heading of the PDF too, after the article's first line.
    expect(taggedTexts(deliberation.pdf, /^H[2-6]$/)).toEqual([{ role: 'H3', text: 'Dépenses' }]);
    const lines = deliberation.pdf.bodyLines();
    expect(lines.indexOf('Dépenses')).toBeGreaterThan(lines.findIndex((l) => l.includes('Approuve le plan')));
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
