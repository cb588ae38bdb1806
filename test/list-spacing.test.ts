// A list inside a délibération's article (r17): its items are as close together in the DOCX as
// the PDF draws them (the list's item spacing, not the article's paragraph spacing), read back from
// the DOCX paragraphs' spacing: the PDF spaces list items by theme.list.itemSpacing (compact
// paragraphs, pdf/blocks/paragraph.ts) (fixtures/structures/typographie.yaml, point 2's article).
import { describe, expect, it } from 'vitest';
import { theme } from '../src/render/theme.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const d = documentOf(
  await renderFixture('fixtures/structures/typographie.yaml', /point-02-deliberation/),
  'point-02-deliberation',
);
/** Spaces as pdf.js reads them (the no-break spaces before « ; » and « : » are spaces). */
const plain = (text: string): string => text.replace(/[\u00A0\u202F]/g, ' ');
const twips = (xml: string, attribute: string): number | undefined => {
  const value = new RegExp(`<w:spacing [^>]*w:${attribute}="(\\d+)"`).exec(xml)?.[1];
  return value === undefined ? undefined : Number(value);
};

describe('a list inside an article', () => {
  it('spaces its items in the DOCX by the list’s item spacing, as the PDF does', () => {
    const items = d.docx.paragraphs.filter((p) => p.style === 'Article' && p.xml.includes('<w:numPr>'));
    expect(items.map((p) => plain(p.text))).toEqual([
      'la remise des clés au secrétariat ;',
      'le respect des horaires :',
      'ouverture à 8 heures ;',
      'fermeture à 23 heures ;',
      'la remise en ordre des tables.',
    ]);
    // Every item but the last is followed by the item spacing; the last by a body paragraph's.
    expect(items.map((p) => twips(p.xml, 'after'))).toEqual([60, 60, 60, 60, 160]);
    expect(theme.list.itemSpacing * 20).toBe(60);
  });
});
