/**
 * A clerk's own headings inside a convention article (fixtures/structures/convention-intertitres.yaml):
 * under Chapitre (H2) › Article (H3), the text's « # » is H4 and « ## » H5, a sub-article's (H4)
 * « # » H5 — tagged so in the PDF and nested under the article in its outline, Word heading styles
 * one level down in the DOCX; the exact text the YAML states.
 */
import { describe, expect, it } from 'vitest';
import type { OutlineNode } from './support/pdf.ts';
import { taggedTexts } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const { pdf, docx } = documentOf(
  await renderFixture('fixtures/structures/convention-intertitres.yaml', /convention/),
  'point-01-convention-1',
);

/** The outline as nested titles. */
const titles = (nodes: readonly OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.items.length === 0 ? n.title : { [n.title]: titles(n.items) }));

describe('a clerk’s headings inside a convention article, in PDF and DOCX', () => {
  it('tags them one and two levels below the article in the PDF', () => {
    expect(taggedTexts(pdf, /^H[2-6]$/)).toEqual([
      { role: 'H2', text: 'Chapitre 1 – Le forage' },
      { role: 'H3', text: 'Article 1er – Entretien du forage' },
      { role: 'H4', text: 'Travaux courants' },
      { role: 'H5', text: 'Calendrier des visites' },
      { role: 'H4', text: '1.1 – Travaux exceptionnels' },
      { role: 'H5', text: 'Accord préalable' },
      { role: 'H3', text: 'Article 2 – Durée' },
    ]);
  });

  it('nests their bookmarks under the article’s in the PDF outline', () => {
    expect(titles(pdf.outline)).toContainEqual({
      'Chapitre 1 – Le forage': [
        {
          'Article 1er – Entretien du forage': [
            { 'Travaux courants': ['Calendrier des visites'] },
            { '1.1 – Travaux exceptionnels': ['Accord préalable'] },
          ],
        },
        'Article 2 – Durée',
      ],
    });
  });

  it('gives them Word heading styles below the article’s in the DOCX', () => {
    const style = (text: string) =>
      docx.paragraphs.find((p) => p.text.replace(/\u00AD/g, '') === text)?.style;
    expect(
      [
        'Article 1er – Entretien du forage',
        'Travaux courants',
        'Calendrier des visites',
        '1.1 – Travaux exceptionnels',
        'Accord préalable',
      ].map(style),
    ).toEqual(['Heading3', 'Heading4', 'Heading5', 'Heading4', 'Heading5']);
    expect(docx.paragraphs.map((p) => p.text)).toContain('Les visites ont lieu en avril et en octobre.');
  });
});
