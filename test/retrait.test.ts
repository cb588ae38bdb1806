/**
 * A clerk's indented block, `:::retrait` … `:::` (fixtures/structures/retrait.yaml): the quoted
 * clause of an exposé and of an article set back by the theme's `indented`, in the PDF (x of the
 * lines, read by pdf.js) and the DOCX (w:ind on the paragraphs, exact text), the text around it
 * left where it was; and the escaping that keeps every other « : » line of a clerk's text inert.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { theme } from '../src/render/theme.ts';
import { richTextMarkdown } from '../src/template/register-helpers.ts';
import { blocksFromMarkdown } from '../src/tree/from-mdast.ts';
import type { Block } from '../src/tree/types.ts';
import { asRead, documentOf, renderFixture } from './support/rendered.ts';

const NBSP = '\u00A0';
const { pdf, docx } = documentOf(
  await renderFixture('fixtures/structures/retrait.yaml', /point-01-deliberation/),
  'point-01-deliberation',
);

const INDENTED = [
  'Les emplacements sont attribués pour une année civile, renouvelable par tacite reconduction.',
  'Tout emplacement inoccupé pendant quatre semaines consécutives est retiré.',
  'Les emplacements sont attribués pour une saison ou une année civile, au choix du commerçant.',
];
const AROUND = [
  `Le règlement du marché couvert adopté en 2019 prévoit, en son article 7${NBSP}:`,
  'La commission des commerces propose d’assouplir cette règle pour les producteurs saisonniers.',
  `Article 1er – Remplace l’article 7 du règlement du marché couvert par le texte suivant${NBSP}:`,
  'Les autres articles du règlement demeurent inchangés.',
];

/** The x of the first pdf.js item of the line that starts with `start` (spaces folded). */
function lineX(start: string): number | undefined {
  for (const page of pdf.pages) {
    let line = '';
    let x: number | undefined;
    for (const item of page.items) {
      if (x === undefined) x = item.x;
      line += item.str;
      if (item.eol) {
        if (asRead(line).startsWith(asRead(start))) return x;
        line = '';
        x = undefined;
      }
    }
  }
  return undefined;
}

describe('a retrait block in an exposé and an article', () => {
  it('sets its paragraphs back by theme.indented in the PDF, the text around at the margin', () => {
    const margin = theme.page.marginLeft;
    for (const text of AROUND) expect(lineX(text.slice(0, 30))).toBeCloseTo(margin, 1);
    for (const text of INDENTED) expect(lineX(text.slice(0, 30))).toBeCloseTo(margin + theme.indented, 1);
    const read = asRead(pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join(''));
    expect(read.replace(/-/g, '')).toContain(asRead(INDENTED[0] as string).replace(/-/g, ''));
  });

  it('writes its paragraphs with a left indent of theme.indented in the DOCX, and only them', () => {
    const twips = String(Math.round(theme.indented * 20));
    for (const text of INDENTED) {
      const p = docx.paragraphs.find((q) => q.text.replace(/\u00AD/g, '') === text);
      expect(p?.xml, text).toContain(`<w:ind w:left="${twips}"/>`);
    }
    for (const text of AROUND) {
      const p = docx.paragraphs.find((q) => q.text.replace(/\u00AD/g, '') === text);
      expect(p, text).toBeDefined();
      expect(p?.xml).not.toContain('<w:ind ');
    }
    // « tacite reconduction » keeps its bold inside the block.
    const bold = docx.paragraphs.find((q) =>
      q.text.startsWith('Les emplacements sont attribués pour une année'),
    );
    expect(bold?.runStyles).toContain('Strong');
  });
});

describe('the retrait syntax, checked and escaped', () => {
  const check = (text: string) =>
    blocksFromMarkdown(text, { mode: 'richtext' }).problems.map((p) => `${p.code}@${p.line}:${p.column}`);

  it('refuses a retrait not closed, closed by « :::: », with attributes, in a list, or holding a list', () => {
    expect(check(':::retrait\nCité.')).toEqual(['richtext.unsupported@1:1']);
    expect(check(':::retrait\nCité.\n::::')).toEqual(['richtext.unsupported@1:1']);
    expect(check(':::retrait{.x}\nCité.\n:::')).toEqual(['richtext.unsupported@1:1']);
    expect(check('- un\n\n  :::retrait\n  x\n  :::')).toEqual(['richtext.unsupported@3:3']);
    expect(check(':::retrait\n- un\n:::')).toEqual(['richtext.unsupported@2:1']);
    expect(check(':::note\nx\n:::')).toEqual(['richtext.unsupported@1:1']);
    expect(check('Avant.\n\n:::retrait\nCité.\n:::\n\nAprès.')).toEqual([]);
  });

  /** Blocks of a clerk's text templated inside an article block, as deliberation.hbs does. */
  const templated = (text: string) =>
    blocksFromMarkdown(`:::article\n**Article 1** ${richTextMarkdown(text, 1)}\n\n:::\n\nFIN`, {
      mode: 'template',
    });
  const last = (blocks: readonly Block[]) => blocks.at(-1);

  it('turns only a retrait pair into an indented block; any other text closes nothing of the template', () => {
    const pieces = fc.constantFrom(
      ':::retrait',
      ':::',
      '::::',
      ':::note',
      ':::signatures',
      '::signataire{nom="x"}',
      '::debut-retrait',
      '::fin-retrait',
      '::saut-de-page',
      '  :::',
      '- ',
      'Texte',
      '**gras**',
      '',
      '\t:',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('\n');
        const { blocks, problems } = templated(text);
        // The template's article block is closed where the template closes it: « FIN » follows it,
        // in the body role, and nothing of the clerk's text became a directive.
        expect(problems).toEqual([]);
        expect(last(blocks)).toEqual({
          type: 'paragraph',
          role: 'body',
          children: [{ type: 'text', value: 'FIN' }],
        });
        expect(blocks.slice(0, -1).every((b) => b.type !== 'signatures' && b.type !== 'pageBreak')).toBe(
          true,
        );
        // Valid in the rich-text check ⇒ the indented paragraphs are the same ones once templated.
        const checked = blocksFromMarkdown(text, { mode: 'richtext' });
        if (checked.problems.length === 0) {
          const indented = (bs: readonly Block[]) =>
            bs.flatMap((b) => (b.type === 'paragraph' && b.indented ? [JSON.stringify(b.children)] : []));
          expect(indented(blocks)).toEqual(indented(checked.blocks));
        }
      }),
      { seed: 16, numRuns: 150 },
    );
  });
});
