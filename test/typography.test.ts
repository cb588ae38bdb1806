import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../src/tree/text.ts';
import { frenchTypography, frenchTypographyText, typesetInlines } from '../src/tree/transforms/typography.ts';
import type { DocumentTree, Inline, Paragraph } from '../src/tree/types.ts';
import { sampleTree } from './support/sample-tree.ts';
import { documentOf } from './support/trees.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const t = (value: string): Inline => ({ type: 'text', value });
const ft = frenchTypographyText;

const docOf = (...children: Inline[][]): DocumentTree =>
  documentOf(children.map((inlines): Paragraph => ({ type: 'paragraph', role: 'body', children: inlines })));

const firstInlines = (doc: DocumentTree): readonly Inline[] => {
  const block = doc.children[0];
  if (block?.type !== 'paragraph') throw new Error('paragraphe attendu');
  return block.children;
};

describe('frenchTypographyText: spaces before punctuation', () => {
  it.each([
    ['OBJET : x', `OBJET${NBSP}: x`],
    ['OBJET: x', `OBJET${NBSP}: x`],
    ['OBJET:', `OBJET${NBSP}:`],
    ['Vu le code ;', `Vu le code${NNBSP};`],
    ['Vu le code;', `Vu le code${NNBSP};`],
    ['Vraiment ? Oui !', `Vraiment${NNBSP}? Oui${NNBSP}!`],
    ['Vraiment?! Oui!!', `Vraiment${NNBSP}?! Oui${NNBSP}!!`],
    ['« Quartiers »: suite', `«${NBSP}Quartiers${NBSP}»${NBSP}: suite`],
    ['(voir ci-dessous):', `(voir ci-dessous)${NBSP}:`],
  ])('%j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('leaves colons inside words, times, ratios and URLs alone', () => {
    for (const text of [
      'Note:important',
      'séance à 19:30 précises',
      'un rapport de 1:2',
      'voir https://www.sceaux.fr/a:b?x=1;y=2#!x',
      'écrire à mailto:mairie@sceaux.fr',
      'consulter www.sceaux.fr/page?id=3',
      'à 10h30 puis 10 h 30',
      'les nombres 1.5 et 3,5 et 2023 et 12345',
    ]) {
      expect(ft(text)).toBe(text);
    }
  });

  it('types around a URL but not inside it', () => {
    expect(ft('Site : https://www.sceaux.fr/a?b=c; merci!')).toBe(
      `Site${NBSP}: https://www.sceaux.fr/a?b=c${NNBSP}; merci${NNBSP}!`,
    );
    expect(ft('Écrire à mairie@sceaux.fr ; merci')).toBe(`Écrire à mairie@sceaux.fr${NNBSP}; merci`);
  });

  it('keeps spacing already chosen with a thin or no-break space', () => {
    const typographic = `OBJET${NBSP}: x${NNBSP}; y${NNBSP}? «${NBSP}z${NBSP}» 12${NBSP}€ 5${NNBSP}% n°${NBSP}12 l’an`;
    expect(ft(typographic)).toBe(typographic);
    expect(ft(`mot${NBSP};`)).toBe(`mot${NBSP};`);
    expect(ft('mot\u2009:')).toBe('mot\u2009:');
  });
});

describe('frenchTypographyText: guillemets, apostrophes, n°, units', () => {
  it.each([
    ['« Quartiers »', `«${NBSP}Quartiers${NBSP}»`],
    ['«Quartiers»', `«${NBSP}Quartiers${NBSP}»`],
    ['« Quartiers»', `«${NBSP}Quartiers${NBSP}»`],
    ['«»', `«${NBSP}»`],
    ["d'innovation, aujourd'hui", 'd’innovation, aujourd’hui'],
    ["Mobili'kids", 'Mobili’kids'],
    ["'citation'", "'citation'"],
    ['n° 12', `n°${NBSP}12`],
    ['n°12 et N° 3', `n°${NBSP}12 et N°${NBSP}3`],
    ['12 €', `12${NBSP}€`],
    ['12€', `12${NBSP}€`],
    ['1 234,56 €', `1\u202F234,56${NBSP}€`],
    ['5 %', `5${NBSP}%`],
    ['5%', `5${NBSP}%`],
    ['en € et en %', 'en € et en %'],
  ])('%j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('adds no thousands separator to plain numbers', () => {
    expect(ft('En 2023, 12500 habitants et 1234567 euros')).toBe('En 2023, 12500 habitants et 1234567 euros');
  });

  it('binds digit groups the clerk separated with spaces, so a number never breaks', () => {
    expect(ft('attribuer 86 450 € au total')).toBe('attribuer 86\u202F450\u00A0€ au total');
    expect(ft('1 234 567,89 €')).toBe('1\u202F234\u202F567,89\u00A0€');
    expect(ft('les 12 000 habitants')).toBe('les 12\u202F000 habitants');
    // Not groups of three: a year then a count, a phone number.
    expect(ft('en 2023 12 dossiers')).toBe('en 2023 12 dossiers');
    expect(ft('tél. 01 23 45 67 89')).toBe('tél. 01 23 45 67 89');
  });
});

describe('frenchTypography: ordinals in superscript', () => {
  const typesetText = (value: string): readonly Inline[] => typesetInlines([t(value)]);
  const sup = (value: string): Inline => ({ type: 'superscript', children: [t(value)] });

  it.each([
    ['Article 1er – x', [t('Article 1'), sup('er'), t(' – x')]],
    ['la 1re séance', [t('la 1'), sup('re'), t(' séance')]],
    ['le 2e étage', [t('le 2'), sup('e'), t(' étage')]],
    ['au XXIe siècle', [t('au XXI'), sup('e'), t(' siècle')]],
    ['XXe', [t('XX'), sup('e')]],
    ['la Ve République', [t('la V'), sup('e'), t(' République')]],
    ['François Ier', [t('François I'), sup('er')]],
    ['les 1ers et 2es', [t('les 1'), sup('ers'), t(' et 2'), sup('es')]],
    ['la 2nde', [t('la 2'), sup('nde')]],
  ])('%j', (input, output) => {
    expect(typesetText(input)).toEqual(output);
  });

  it('leaves words and numbers that are not ordinals', () => {
    for (const text of ['Le Ce De Me Les Ces', '1e5 3ex', 'A1er', 'le 1ère', '2ème', 'Vie Xena']) {
      expect(typesetText(text)).toEqual([t(text)]);
    }
  });

  it('keeps a superscript already there and leaves it alone', () => {
    const inlines: Inline[] = [t('Article 1'), sup('er'), t(' – x')];
    expect(typesetInlines(inlines)).toBe(inlines);
  });

  it('makes « 1er mars 2023 » from dateLongue raised', () => {
    expect(typesetText('Le 1er mars 2023 : séance')).toEqual([
      t('Le 1'),
      sup('er'),
      t(`${NBSP}mars 2023${NBSP}: séance`),
    ]);
  });
});

describe('frenchTypography: runs split across inline nodes', () => {
  it('puts the space before a colon that follows a strong node', () => {
    const doc = docOf([{ type: 'strong', children: [t('OBJET')] }, t(': Signature')]);
    expect(firstInlines(frenchTypography(doc))).toEqual([
      { type: 'strong', children: [t('OBJET')] },
      t(`${NBSP}: Signature`),
    ]);
  });

  it('replaces the space where it is, even in another node', () => {
    const doc = docOf([
      { type: 'strong', children: [t('OBJET ')] },
      t(': x « '),
      { type: 'emphasis', children: [t('QMI')] },
      t(' »'),
    ]);
    expect(firstInlines(frenchTypography(doc))).toEqual([
      { type: 'strong', children: [t(`OBJET${NBSP}`)] },
      t(`: x «${NBSP}`),
      { type: 'emphasis', children: [t('QMI')] },
      t(`${NBSP}»`),
    ]);
  });

  it('inserts inside « » across nodes', () => {
    const doc = docOf([t('le programme «'), { type: 'emphasis', children: [t('QMI')] }, t('»')]);
    expect(inlineText(firstInlines(frenchTypography(doc)))).toBe(`le programme «${NBSP}QMI${NBSP}»`);
  });

  it('never alters link targets, and leaves URL texts alone', () => {
    const link: Inline = {
      type: 'link',
      url: "https://example.org/l'a:b;c",
      children: [t("https://example.org/l'a:b;c")],
    };
    const doc = docOf([t('Voir :'), link, t('; ou mailto:x@y.fr !')]);
    const result = firstInlines(frenchTypography(doc));
    expect(result[1]).toBe(link);
    expect(inlineText(result)).toBe(
      `Voir${NBSP}:https://example.org/l'a:b;c${NNBSP}; ou mailto:x@y.fr${NNBSP}!`,
    );
  });

  it('does not act across a line break', () => {
    const doc = docOf([t('ligne'), { type: 'break' }, t(': suite')]);
    expect(firstInlines(frenchTypography(doc))).toEqual(firstInlines(doc));
  });
});

describe('frenchTypography on a whole tree', () => {
  it('types every block kind, signatories and metadata, without mutating its input', () => {
    const doc: DocumentTree = {
      ...docOf([t("OBJET: l'an")]),
      meta: { ...docOf().meta, title: "Convention « QMI »: l'objet", shortTitle: 'Note n° 1' },
      children: [
        {
          type: 'titleBlock',
          children: [{ type: 'heading', level: 1, children: [t('NOTE : PRÉSENTATION')] }],
        },
        { type: 'heading', level: 2, children: [t('Article 1er: Objet')] },
        {
          type: 'list',
          ordered: false,
          start: 1,
          children: [
            { type: 'listItem', children: [{ type: 'paragraph', role: 'body', children: [t('point;')] }] },
          ],
        },
        {
          type: 'table',
          align: ['left'],
          head: { type: 'tableRow', children: [{ type: 'tableCell', children: [t('Montant :')] }] },
          body: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [t('12 €')] }] }],
        },
        {
          type: 'keepTogether',
          children: [
            {
              type: 'signatures',
              children: [
                {
                  type: 'signatory',
                  id: 'signature-1',
                  heading: "Pour l'État",
                  qualite: 'Le Préfet',
                  nom: 'X',
                },
              ],
            },
          ],
        },
        { type: 'pageBreak' },
      ],
    };
    const before = structuredClone(doc);
    const result = frenchTypography(doc);
    expect(doc).toEqual(before);
    expect(result.meta.title).toBe(`Convention «${NBSP}QMI${NBSP}»${NBSP}: l’objet`);
    expect(result.meta.shortTitle).toBe(`Note n°${NBSP}1`);
    const json = JSON.stringify(result);
    for (const fragment of [
      `NOTE${NBSP}: PRÉSENTATION`,
      `point${NNBSP};`,
      `Montant${NBSP}:`,
      `12${NBSP}€`,
      'Pour l’État',
    ]) {
      expect(json).toContain(fragment);
    }
    expect(json).toContain('{"type":"superscript","children":[{"type":"text","value":"er"}]}');
  });

  it('types the first-page header and the running page lines (a line left absent stays absent)', () => {
    const doc: DocumentTree = {
      ...docOf(),
      header: { ...docOf().header, collectivite: "Commune de l'Étang-Vert" },
      pages: { footer: { left: 'Registre "2025"', center: "d'hiver", right: 'Page 1 / 2' } },
    };
    const result = frenchTypography(doc);
    expect(result.header.collectivite).toBe('Commune de l’Étang-Vert');
    expect(result.pages).toEqual({
      footer: { left: `Registre «${NBSP}2025${NBSP}»`, center: 'd’hiver', right: 'Page 1 / 2' },
    });
  });

  it('leaves the already typographic sample tree unchanged', () => {
    const doc = sampleTree({ paragraphs: 2 });
    expect(frenchTypography(doc)).toEqual(doc);
  });
});

// Random French-looking texts: words, digits, punctuation, spaces of every kind, URLs, times.
const piece = fc.oneof(
  fc.constantFrom(
    'OBJET',
    'séance',
    "l'an",
    'aujourd’hui',
    'XXIe',
    '1er',
    '2e',
    'Ve',
    'n°',
    '12',
    '2023',
    '19:30',
    '1,5',
    '€',
    '%',
    'https://www.sceaux.fr/a:b?c=d;e',
    'mailto:x@y.fr',
    'www.x.fr',
    'mairie@sceaux.fr',
    'Le',
  ),
  fc.constantFrom(
    ' ',
    ' ',
    ' ',
    '\u00A0',
    '\u202F',
    '\u2009',
    ':',
    ';',
    '!',
    '?',
    '«',
    '»',
    "'",
    '’',
    '(',
    ')',
    ',',
    '.',
    '-',
  ),
  fc.string({
    unit: fc.constantFrom('a', 'é', 'Z', '1', ' ', ':', ';', '«', '»', "'", '°', 'n', 'e', 'r', '€'),
  }),
);
const frenchText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

const inlineArb: fc.Arbitrary<Inline[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: frenchText.map((value): Inline => ({ type: 'text', value })) },
    { weight: 1, arbitrary: frenchText.map((value): Inline => ({ type: 'strong', children: [t(value)] })) },
    {
      weight: 1,
      arbitrary: frenchText.map((value): Inline => ({ type: 'superscript', children: [t(value)] })),
    },
    { weight: 1, arbitrary: fc.constant<Inline>({ type: 'break' }) },
  ),
  { maxLength: 6 },
);

describe('frenchTypography properties', () => {
  it('is idempotent on random French strings', () => {
    fc.assert(
      fc.property(frenchText, (text) => {
        const once = ft(text);
        expect(ft(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on random inline runs, and only adds spaces or changes spaces and apostrophes', () => {
    fc.assert(
      fc.property(inlineArb, (inlines) => {
        const once = typesetInlines(inlines);
        expect(typesetInlines(once)).toEqual(once);
        const normalize = (s: string): string =>
          s.replace(/[\s\u00A0\u202F\u2009]/g, '').replaceAll('’', "'");
        expect(normalize(inlineText(once))).toBe(normalize(inlineText(inlines)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('frenchTypographyText: what a clerk types on a keyboard', () => {
  it.each([
    ['le dispositif "Pass Jeunes" est reconduit', `le dispositif «${NBSP}Pass Jeunes${NBSP}» est reconduit`],
    ['"Bourg-Neuf"', `«${NBSP}Bourg-Neuf${NBSP}»`],
    ['l\'"Atelier" ("Maison des arts")', `l’«${NBSP}Atelier${NBSP}» («${NBSP}Maison des arts${NBSP}»)`],
    ['ci-après "la Commune",', `ci-après «${NBSP}la Commune${NBSP}»,`],
  ])('straight quotes %j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('leaves apostrophes inside a URL, and a quote ends a URL', () => {
    expect(ft("voir https://exemple.fr/l'ecole puis l'aire")).toBe(
      "voir https://exemple.fr/l'ecole puis l’aire",
    );
    expect(ft('"https://exemple.fr/a"')).toBe(`«${NBSP}https://exemple.fr/a${NBSP}»`);
  });

  it.each([
    ['M. Paul Verrier', `M.${NBSP}Paul Verrier`],
    ['Mme Lise Aubrac et MM. Tardy, Roux', `Mme${NBSP}Lise Aubrac et MM.${NBSP}Tardy, Roux`],
    ['Mmes Alix et Brun', `Mmes${NBSP}Alix et Brun`],
    ['M. le Maire', `M.${NBSP}le Maire`],
    ['Dr Martin', `Dr${NBSP}Martin`],
  ])('civility %j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('ties nothing that is not a civility', () => {
    for (const text of ['Me Les', 'Mes chers collègues', 'AMM. x', 'Drôme Provence'])
      expect(ft(text)).toBe(text);
  });

  it.each([
    ['le 28 janvier 2025', `le 28${NBSP}janvier 2025`],
    ['les 3 et 4 février', `les 3 et 4${NBSP}février`],
    ['le 1er août', `le 1er${NBSP}août`],
    ['le 12 Mars', `le 12${NBSP}Mars`],
  ])('day and month %j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('does not tie a number to a word that only starts like a month', () => {
    expect(ft('les 3 maisons')).toBe('les 3 maisons');
    expect(ft('article 12 mars2')).toBe('article 12 mars2');
  });

  it.each([
    ['3500 €', `3${NNBSP}500${NBSP}€`],
    ['12500,50 €', `12${NNBSP}500,50${NBSP}€`],
    ['1250000€', `1${NNBSP}250${NNBSP}000${NBSP}€`],
    ['soit 3 500 €', `soit 3${NNBSP}500${NBSP}€`],
    ['950 €', `950${NBSP}€`],
  ])('amount %j → %j', (input, output) => {
    expect(ft(input)).toBe(output);
  });

  it('groups amounts only, never years, counts or decimals', () => {
    expect(ft('en 2023, 12500 habitants')).toBe('en 2023, 12500 habitants');
    expect(ft('taux 0,12345 €')).toBe(`taux 0,12345${NBSP}€`);
  });

  it('is idempotent on every new rule', () => {
    for (const text of ['"Pass" M. Dupont le 28 janvier : 3500 €', 'l\'"x" Mmes A']) {
      expect(ft(ft(text))).toBe(ft(text));
    }
  });
});
