import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { treeText } from '../src/tree/text.ts';
import { hyphenationPoints } from '../src/tree/transforms/french-hyphenator.ts';
import { frenchHyphenation, hyphenateInlines } from '../src/tree/transforms/hyphenation.ts';
import { frenchTypography } from '../src/tree/transforms/typography.ts';
import type { Inline, Paragraph } from '../src/tree/types.ts';
import { sampleTree } from './support/sample-tree.ts';
import { documentOf } from './support/trees.ts';

const SHY = '\u00AD';
const t = (value: string): Inline => ({ type: 'text', value });
const strip = (s: string): string => s.replaceAll(SHY, '');
const show = (s: string): string => s.replaceAll(SHY, '-');
const hyph = (value: string): string => textOf(hyphenateInlines([t(value)]));
function textOf(inlines: readonly Inline[]): string {
  return inlines
    .map((node) =>
      node.type === 'text'
        ? node.value
        : node.type === 'break'
          ? '\n'
          : node.type === 'pageRef'
            ? ''
            : textOf(node.children),
    )
    .join('');
}

describe('hyphenationPoints', () => {
  it('follows the French patterns, two letters at least before a break and three after', () => {
    expect(show(hyph('délibération'))).toBe('dé-li-bé-ra-tion');
    expect(show(hyph('collectivités'))).toBe('col-lec-ti-vi-tés');
    expect(show(hyph('expérimentateurs'))).toBe('ex-pé-ri-men-ta-teurs');
    expect(show(hyph('métropolitains'))).toBe('mé-tro-po-li-tains');
    for (const word of ['anticonstitutionnellement', 'électricité', 'agglomération', 'stratégie']) {
      for (const point of hyphenationPoints(word)) {
        expect(point).toBeGreaterThanOrEqual(2);
        expect(word.length - point).toBeGreaterThanOrEqual(3);
      }
      expect(hyphenationPoints(word).length).toBeGreaterThan(0);
    }
  });

  it('gives the same array for the same word (cache)', () => {
    expect(hyphenationPoints('territoire')).toBe(hyphenationPoints('territoire'));
  });
});

describe('hyphenateInlines: what is left whole', () => {
  it.each([
    ['short words', 'Le maire signe la note'],
    ['acronyms and capitals', 'CGCT DÉLIBÈRE PRÉAMBULE ONGs McDonalds'],
    ['numbers', '1234567 2023-03-23 3,14159 19:30'],
    ['words touching digits', 'A86autoroute Lyon2arrondissement'],
    ['URLs', 'https://www.metropolegrandparis.fr/fr/innovation www.collectivites-locales.gouv.fr'],
    ['e-mail addresses', 'secretariat.general@sceaux.fr mailto:communication@metropolegrandparis.fr'],
    ['domain names and paths', 'metropolegrandparis.fr documents/deliberations/convention.pdf'],
    ['words with a soft hyphen already', `straté${SHY}gie`],
  ])('%s', (_, text) => {
    expect(hyph(text)).toBe(text);
  });

  it('hyphenates the parts of compound words and words after an apostrophe', () => {
    expect(show(hyph('d’innovation basse-consommation réhabilitation'))).toBe(
      'd’in-no-va-tion basse-consom-ma-tion ré-ha-bi-li-ta-tion',
    );
  });

  it('never cuts a proper name (a capitalised word) nor a word inside guillemets', () => {
    expect(show(hyph('Mme Delaroutière de Montcornet-sur-Aube'))).toBe(
      'Mme Delaroutière de Montcornet-sur-Aube',
    );
    expect(show(hyph('le label «\u00A0territoire engagé\u00A0» obtenu'))).toBe(
      'le label «\u00A0territoire engagé\u00A0» ob-tenu',
    );
  });

  it('keeps each soft hyphen in the text node of the letter before it', () => {
    const inlines: Inline[] = [t('straté'), { type: 'strong', children: [t('gique')] }];
    const result = hyphenateInlines(inlines);
    expect(result).toEqual([t(`stra${SHY}té${SHY}`), { type: 'strong', children: [t('gique')] }]);
  });
});

describe('frenchHyphenation on a tree', () => {
  const para = (role: 'body' | 'centered' | 'rapporteur' | 'article', text: string): Paragraph => ({
    type: 'paragraph',
    role,
    children: [t(text)],
  });

  it('hyphenates justified paragraphs, list items and table cells, not headings or centred lines', () => {
    const word = 'délibération';
    const doc = documentOf([
      { type: 'heading', level: 2, children: [t(word)] },
      { type: 'titleBlock', children: [para('centered', word)] },
      para('centered', word),
      para('rapporteur', word),
      para('body', word),
      para('article', word),
      {
        type: 'list',
        ordered: true,
        start: 1,
        children: [{ type: 'listItem', children: [para('centered', word)] }],
      },
      {
        type: 'table',
        align: ['left'],
        head: { type: 'tableRow', children: [{ type: 'tableCell', children: [t(word)] }] },
        body: [],
      },
    ]);
    const hyphenated = JSON.stringify(frenchHyphenation(doc)).split(`dé${SHY}li`).length - 1;
    expect(hyphenated).toBe(4);
    const withoutCells =
      JSON.stringify(frenchHyphenation(doc, { tableCells: false })).split(`dé${SHY}li`).length - 1;
    expect(withoutCells).toBe(3);
    const onlyCentered = frenchHyphenation(doc, { roles: ['centered'], tableCells: false });
    // The title block stays whole whatever the roles.
    expect(JSON.stringify(onlyCentered).split(`dé${SHY}li`).length - 1).toBe(2);
  });

  it('honours minWordLength', () => {
    const doc = documentOf([para('body', 'mairie séance')]);
    expect(treeText(frenchHyphenation(doc))).toBe('mairie séance');
    const text = JSON.stringify(frenchHyphenation(doc, { minWordLength: 5 }));
    expect(text).toContain(`mai${SHY}rie`);
  });

  it('never mutates its input, and removing soft hyphens gives back the sample tree', () => {
    const doc = sampleTree({ paragraphs: 3 });
    const before = structuredClone(doc);
    const result = frenchHyphenation(doc);
    expect(doc).toEqual(before);
    expect(JSON.stringify(result).replaceAll('\\u00ad', '').replaceAll(SHY, '')).toBe(
      JSON.stringify(doc).replaceAll('\\u00ad', '').replaceAll(SHY, ''),
    );
    expect(JSON.stringify(result)).toContain(`ex${SHY}pé${SHY}ri${SHY}men${SHY}ta${SHY}teurs`);
  });

  it('hyphenates the Sceaux note after typography, changing nothing else', () => {
    const seed = readFileSync(new URL('../fixtures/sceaux-2023-03-23.yaml', import.meta.url), 'utf8');
    const paragraphs = seed
      .split('\n')
      .filter((line) => line.startsWith('        ') && line.trim().length > 80)
      .map((line) => line.trim());
    expect(paragraphs.length).toBeGreaterThan(5);
    const doc = frenchTypography(documentOf(paragraphs.map((text) => para('body', text))));
    const result = frenchHyphenation(doc);
    expect(treeText(result)).toBe(treeText(doc));
    expect(JSON.stringify(result)).toContain(`pro${SHY}blé${SHY}ma${SHY}tiques`);
    expect(JSON.stringify(result)).toContain('Paris&Co');
    expect(frenchHyphenation(result)).toEqual(result);
  });
});

const wordish = fc.oneof(
  fc.constantFrom(
    'délibération',
    'Métropolitains',
    'CGCT',
    'https://www.sceaux.fr/délibérations',
    'mairie@sceaux.fr',
    'd’expérimentation',
    'Aulnay-sous-Bois',
    '2023',
    '1\u202F234,56\u00A0€',
    'straté\u00ADgie',
    'œuvre',
    'e\u0301lectricite\u0301',
  ),
  fc.string({
    unit: fc.constantFrom('a', 'é', 'è', 'r', 't', 'i', 'o', 'n', 'Z', '1', '-', '’', '.', '@', '/', ':'),
  }),
);
const textArb = fc.array(wordish, { maxLength: 20 }).map((words) => words.join(' '));

describe('frenchHyphenation properties', () => {
  it('only adds soft hyphens: removing them gives back the input', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const out = hyph(text);
        expect(strip(out)).toBe(strip(text));
        // Soft hyphens of the input stay where they were: the output keeps the input in order.
        let i = 0;
        for (const ch of out) if (ch === text[i]) i++;
        expect(i).toBe(text.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent and never puts a soft hyphen next to another or at a word edge', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const once = hyph(text);
        expect(hyph(once)).toBe(once);
        if (!text.includes(SHY))
          expect(once).not.toMatch(/\u00AD\u00AD|(^|[^\p{L}\p{M}])\u00AD|\u00AD($|[^\p{L}\p{M}])/u);
      }),
      { numRuns: 1000 },
    );
  });
});
