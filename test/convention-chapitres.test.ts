import { describe, expect, it } from 'vitest';
import type { OutlineNode } from './support/pdf.ts';
import { taggedTexts } from './support/pdf.ts';
import { asRead, documentOf, renderFixture } from './support/rendered.ts';

// A convention divided into TITRES, chapitres, articles and sub-articles.
const docs = await renderFixture('fixtures/structures/convention-chapitres.yaml', /^point-01-convention-1$/);
const convention = documentOf(docs, 'point-01-convention-1');

/** The outline as nested [title, children] pairs. */
const tree = (nodes: readonly OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.items.length === 0 ? n.title : [n.title, tree(n.items)]));

const NESTED = [
  [
    'TITRE I – Dispositions générales',
    [
      [
        'Chapitre 1 – Objet et durée',
        [['Article 1er – Objet', ['1.1 – Ouvrages confiés', '1.2 – Ouvrages exclus']], 'Article 2 – Durée'],
      ],
      ['Chapitre 2 – Comité de suivi', ['Article 3 – Composition du comité']],
    ],
  ],
  ['TITRE II – Dispositions financières', [['Chapitre A – Tarifs', ['Article 4 – Prix de la chaleur']]]],
];

/** Heading levels in reading order, as pairs [level, text]. */
const HEADINGS: readonly [number, string][] = [
  [2, 'TITRE I – Dispositions générales'],
  [3, 'Chapitre 1 – Objet et durée'],
  [4, 'Article 1er – Objet'],
  [5, '1.1 – Ouvrages confiés'],
  [5, '1.2 – Ouvrages exclus'],
  [4, 'Article 2 – Durée'],
  [3, 'Chapitre 2 – Comité de suivi'],
  [4, 'Article 3 – Composition du comité'],
  [2, 'TITRE II – Dispositions financières'],
  [3, 'Chapitre A – Tarifs'],
  [4, 'Article 4 – Prix de la chaleur'],
];

describe('TITRE › Chapitre › Article › sub-article nesting of a convention', () => {
  it('nests the PDF outline as the convention nests its divisions', () => {
    expect(tree(convention.pdf.outline)).toEqual(NESTED);
  });

  it('tags each heading H2…H5 in the PDF structure tree, in reading order', () => {
    const tagged = taggedTexts(convention.pdf, /^H[2-6]$/).map((h) => [
      Number(h.role.slice(1)),
      asRead(h.text),
    ]);
    expect(tagged).toEqual(HEADINGS);
  });

  it('gives the DOCX the same heading levels, each style in the navigation pane one level deeper', () => {
    const headings = convention.docx.paragraphs
      .filter((p) => /^Heading[2-6]$/.test(p.style ?? ''))
      .map((p) => [Number(p.style?.slice(-1)), asRead(p.text)]);
    expect(headings).toEqual(HEADINGS);
    const styles = convention.docx.parts.get('word/styles.xml') ?? '';
    for (const level of [2, 3, 4, 5]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?</w:style>`).exec(
        styles,
      )?.[0];
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
  });

  it('prints the labels and texts in order in both formats, chapters numbered again in each TITRE', () => {
    const order =
      'TITRE I – Dispositions générales Chapitre 1 – Objet et durée Article 1er – Objet La régie exploite pour la communauté le réseau de chaleur qui dessert le quartier des Forges. 1.1 – Ouvrages confiés Les chaufferies, les sous-stations et les canalisations enterrées lui sont confiées. 1.2 – Ouvrages exclus';
    expect(asRead(convention.pdfText)).toContain(order);
    expect(asRead(convention.docxText)).toContain(order);
    for (const text of [asRead(convention.pdfText), asRead(convention.docxText)])
      expect(text).toContain(
        'Chapitre 2 – Comité de suivi Article 3 – Composition du comité Le comité réunit deux élus de la communauté et le conseil d’exploitation de la régie. TITRE II – Dispositions financières Chapitre A – Tarifs Article 4 – Prix de la chaleur',
      );
  });
});
