/**
 * Rich text inside a délibération (fixtures/structures/typographie.yaml, point 2): headings and a
 * table in the exposé, a table inside an article, a list inside an article, read back from the
 * PDF (pdf.js text, tagged structure, outline) and the DOCX (word/document.xml), exact characters.
 */
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './support/docx.ts';
import { taggedTexts } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const reglement = documentOf(
  await renderFixture('fixtures/structures/typographie.yaml', /point-02-deliberation/),
  'point-02-deliberation',
);
const { pdf, docx } = reglement;

/** Text without its whitespace: a PDF cell's lines are drawn apart, with no space between them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The cells of each table of the DOCX, row by row, with their exact characters. */
const docxTables = (): string[][] =>
  [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
      paragraphsOf(c[0])
        .map((p) => p.text)
        .join('\n'),
    ),
  );

const EXPOSE_TABLE = [
  ...['Association', 'Créneau', 'Public'],
  ...[`Chorale «${NBSP}Voix d’Oste${NBSP}»`, 'mardi soir', 'adultes'],
  ...[`Atelier «${NBSP}Fil et aiguille${NBSP}»`, 'jeudi après-midi', 'tous âges'],
];
const ARTICLE_TABLE = [
  ...['Utilisateur', 'Référent', 'Réunions', 'Salle', 'Tarif'],
  `Association «${NBSP}Les Amis du lavoir${NBSP}»`,
  `Mme${NBSP}Gwendoline Kerbrat et M.${NBSP}Aurèle Quatrebarbes`,
  `le 3${NBSP}février, le 17${NBSP}mars, le 28${NBSP}avril, le 12${NBSP}mai et le 23${NBSP}juin`,
  'grande salle',
  `1${NNBSP}250${NBSP}€`,
  `Comité «${NBSP}Fêtes d’Oste${NBSP}»`,
  `M.${NBSP}Florimond Delaunoy et Mme${NBSP}Bérengère Schoenenbourg`,
  `le 6${NBSP}février, le 20${NBSP}mars, le 24${NBSP}avril, le 15${NBSP}mai et le 26${NBSP}juin`,
  'petite salle',
  `480,50${NBSP}€`,
];

describe('rich text inside a délibération, in PDF and DOCX', () => {
  it('prints the exposé’s headings as headings: tagged and in the outline, Word heading styles', () => {
    expect(taggedTexts(pdf, /^H[2-6]$/)).toEqual([
      { role: 'H2', text: 'Les usagers de la salle' },
      { role: 'H3', text: 'Les demandes reçues' },
    ]);
    expect(pdf.outline.map((o) => o.title)).toContain('Les usagers de la salle');
    const style = (text: string) => docx.paragraphs.find((p) => p.text === text)?.style;
    expect(style('Les usagers de la salle')).toBe('Heading2');
    expect(style('Les demandes reçues')).toBe('Heading3');
  });

  it('prints the exposé’s table and the article’s table cell by cell, with their typography', () => {
    expect(docxTables().slice(0, 2)).toEqual([EXPOSE_TABLE, ARTICLE_TABLE]);
    const cells = taggedTexts(pdf, /^T[HD]$/).map((c) => squeeze(c.text));
    // pdf.js reads the no-break spaces as spaces: squeezed away with the line breaks.
    expect(cells).toEqual([...EXPOSE_TABLE, ...ARTICLE_TABLE].map(squeeze));
  });

  it('keeps each table and list where the clerk typed it: exposé before the visas, article table and list after their sentence', () => {
    const order = (texts: readonly string[]) => {
      const at = texts.map((t) => docx.paragraphs.findIndex((p) => p.text === t));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    };
    order([
      `La salle «${NBSP}Les Tilleuls${NBSP}» accueille chaque semaine les associations suivantes${NBSP}:`,
      `Chorale «${NBSP}Voix d’Oste${NBSP}»`,
      'Les demandes reçues',
      'Vu le Code général des collectivités territoriales\u202F;',
      `Article 1er – Attribue les créneaux suivants${NBSP}:`,
      `Association «${NBSP}Les Amis du lavoir${NBSP}»`,
      `Article 2 – Arrête les conditions d’accès à la salle${NBSP}:`,
      'la remise des clés au secrétariat\u202F;',
      'Article 3 – Charge le Maire de l’exécution de la présente délibération.',
    ]);
    // The article's list items are the article's own paragraphs, numbered.
    const item = docx.paragraphs.find((p) => p.text === 'la remise en ordre des tables.');
    expect(item?.style).toBe('Article');
    expect(item?.xml).toContain('<w:numPr>');
    const lines = pdf.bodyLines();
    const line = (start: string) => lines.findIndex((l) => l.replace(/\s+/g, ' ').includes(start));
    const pdfOrder = [
      'accueille chaque semaine',
      'Chorale « Voix d’Oste »',
      'Vu le Code général',
      'Attribue les créneaux suivants',
      'Arrête les conditions d’accès',
      '• la remise des clés au secrétariat',
      'a) ouverture à 8 heures',
      'Charge le Maire',
    ].map(line);
    expect(pdfOrder.every((i) => i >= 0)).toBe(true);
    expect([...pdfOrder].sort((a, b) => a - b)).toEqual(pdfOrder);
  });
});
