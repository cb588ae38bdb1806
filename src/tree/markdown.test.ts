import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattened, parseMarkdown, parseWhole } from './markdown.ts';

/** Lines a template or a clerk's text puts between fences, each a block or the start of one. */
const LINES = [
  'Un paragraphe\\, avec une virgule échappée.',
  'Une suite de paragraphe',
  '  indentée de deux espaces',
  '- un élément de liste',
  '- un autre élément',
  '  la suite de l’élément',
  '1. un élément numéroté',
  '2) un autre',
  '> une citation',
  'une ligne paresseuse',
  '# Un titre',
  '## Un sous-titre #',
  'Titre souligné',
  '===',
  '---',
  '***',
  '| a | b |',
  '|---|:-:|',
  '| c | d |',
  '::signataire{qualite="Le Maire" nom="A. Dupont"}',
  '::saut-de-page',
  '**gras** et *italique* \\* pas\\_ici',
  'fin de ligne forcée  ',
  'fin de ligne forcée\\',
  ':: deux points',
  '::: texte après les deux-points',
  '&amp; &eacute; &#233;',
  'une\ttabulation',
  '',
  '',
  '   ',
];

/** Opening fences micromark reads as such. */
const OPENINGS = [
  ':::visa',
  ':::article',
  '::::garder-ensemble',
  ':::::cadre',
  ':::corps{#id .classe role="x"}',
  ':::retrait{marge="2"}',
  ':::mention   ',
];
/** Lines that look like fences and are not, or close what they should not. */
const STRAY = [':::', '::::', ':::nom-', ':::a{b="non fermé"', ':::9chiffre', ':::[étiquette]', '  :::  '];

type Doc = readonly (string | { readonly open: string; readonly body: Doc; readonly close: string })[];

const doc: fc.Memo<Doc> = fc.memo((depth) =>
  fc.array(
    depth <= 1
      ? fc.constantFrom(...LINES)
      : fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...LINES) },
          {
            weight: 3,
            arbitrary: fc
              .record({
                open: fc.constantFrom(...OPENINGS),
                body: doc(depth - 1),
                // Mostly the fence's own size; sometimes longer, shorter, indented or missing.
                close: fc.oneof(
                  { weight: 12, arbitrary: fc.constant(undefined) },
                  { weight: 1, arbitrary: fc.constantFrom('', ':', '::::', '  ') },
                ),
              })
              .map(({ open, body, close }) => {
                const size = /^:+/.exec(open)?.[0].length ?? 3;
                const own = ':'.repeat(size);
                const fence =
                  close === undefined
                    ? own
                    : close === ':'
                      ? own.slice(1)
                      : close === '  '
                        ? `  ${own} `
                        : close;
                return { open, body, close: close === '::::' ? `${own}:` : fence };
              }),
          },
          { weight: 1, arbitrary: fc.constantFrom(...STRAY) },
        ),
    { maxLength: 6 },
  ),
);

const text = (d: Doc): string[] =>
  d.flatMap((part) =>
    typeof part === 'string' ? [part] : [part.open, ...text(part.body), ...(part.close ? [part.close] : [])],
  );

describe('parseMarkdown', () => {
  it('gives micromark’s tree over the whole text, positions included, for any blocks and fences', () => {
    let flat = 0;
    fc.assert(
      fc.property(doc(3), fc.boolean(), (d, finalNewline) => {
        const source = text(d).join('\n') + (finalNewline ? '\n' : '');
        // As JSON: key by key, undefined fields and positions included, and fast to compare.
        const whole = JSON.stringify(parseWhole(source));
        const fast = flattened(source);
        if (fast !== undefined) flat++;
        expect(JSON.stringify(fast) ?? whole).toBe(whole);
        expect(JSON.stringify(parseMarkdown(source))).toBe(whole);
      }),
      { numRuns: 300 },
    );
    // The fences blanked out in a good share of the cases (the rest: a block across a fence, a
    // container left open, a bracket, no fence at all).
    expect(flat).toBeGreaterThan(15);
  });

  it('blanks the fences of a template’s Markdown', () => {
    const source = ':::objet\nOBJET \\: x\n:::\n\n::::garder-ensemble\n:::formule\nFait\n:::\n::::\n';
    expect(flattened(source)).toStrictEqual(parseWhole(source));
    expect(flattened(`${source}\`\`\`\ncode\n\`\`\`\n`)).toBeUndefined();
    expect(flattened(':::visa\nnon fermé\n')).toBeUndefined();
  });

  it('closes a container at the first line of as many colons, whatever it holds, as micromark does', () => {
    const source = ':::visa\nVu le code ;\n\n::::cadre{role="x"}\n:::corps\nTexte\n:::\n::::\nAprès\n';
    const root = parseMarkdown(source);
    expect(root).toStrictEqual(parseWhole(source));
    // The first `:::` closes the visa, and with it the cadre and the corps it holds.
    expect(root.children.map((c) => [c.type, 'name' in c ? c.name : undefined])).toEqual([
      ['containerDirective', 'visa'],
      ['paragraph', undefined],
    ]);
  });
});
