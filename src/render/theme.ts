/**
 * One style sheet for both renderers: page, fonts, sizes and spacing, in PostScript points.
 *
 * The PDF renderer draws with these numbers; the DOCX renderer turns them into named Word styles
 * (twips = pt × 20, half-points = pt × 2), so the two formats of a document look alike.
 *
 * @example
 * const { fontSize, spaceAfter } = theme.paragraphs.body;
 */
import type { HeadingLevel, ParagraphRole } from '../tree/types.ts';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphStyle {
  /** Name of the Word style (French: a clerk sees it in the style list). */
  readonly styleName: string;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align: Align;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Left indent. */
  readonly indent: number;
}

export interface Theme {
  readonly page: {
    /** A4 in points. */
    readonly width: number;
    readonly height: number;
    readonly marginTop: number;
    readonly marginBottom: number;
    readonly marginLeft: number;
    readonly marginRight: number;
    /**
     * Room below the bottom margin (above the footer) that the last page of a PDF may take when
     * the rest of the document fits in it, instead of a new page for two lines.
     */
    readonly absorb: number;
  };
  readonly header: {
    readonly fontSize: number;
    readonly logoHeight: number;
    readonly spaceAfter: number;
    /** Space between a logo placed above the name (`position_logo: dessus`) and the name's line. */
    readonly logoGap: number;
  };
  readonly footer: {
    readonly fontSize: number /** distance of the footer's baseline from the page's bottom edge */;
    readonly offset: number;
    /**
     * Distance of a running header's baseline from the page's top edge: above the dossier's
     * « Dossier – page X / Y » stamp (baseline at 38) and the first page's header (at the margin).
     */
    readonly topOffset: number;
  };
  readonly paragraphs: Readonly<Record<ParagraphRole, ParagraphStyle>>;
  /** Left indent added to an indented paragraph (`:::retrait` in a clerk's text), on its role's. */
  readonly indented: number;
  readonly headings: Readonly<Record<HeadingLevel, ParagraphStyle>>;
  /** Lines of a title block: the first is the document's name (`title`), others `titleLine`. */
  readonly title: ParagraphStyle;
  readonly titleLine: ParagraphStyle;
  /** Text of a footnote, at the page foot (PDF) or in Word's footnotes (DOCX). */
  readonly footnote: ParagraphStyle;
  readonly list: {
    readonly indent: number;
    readonly itemSpacing: number;
    /** Labels by nesting depth (0 = outermost list), repeated past the last one. */
    readonly numbering: ListNumbering;
  };
  readonly table: {
    readonly fontSize: number;
    readonly cellPadding: number;
    readonly borderWidth: number;
    readonly headerFill: string;
    readonly spaceAfter: number;
  };
  readonly signatures: {
    readonly fontSize: number;
    readonly spaceBefore: number /** blank room for the signature */;
    readonly signHeight: number;
  };
}

/** How an ordered list counts at one depth. */
export type CounterFormat = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';

export interface OrderedLevel {
  readonly format: CounterFormat;
  /** Text after the counter (« . », « ) », « – »). */
  readonly suffix: string;
}

/**
 * The one description of list labels that both renderers read: the PDF draws the label text of
 * `listLabel`, the DOCX writes the same formats and suffixes as Word numbering levels.
 */
export interface ListNumbering {
  readonly bullets: readonly string[];
  readonly ordered: readonly OrderedLevel[];
}

const letters = (n: number, upper: boolean): string => {
  let out = '';
  for (let k = Math.max(1, n); k > 0; k = Math.floor((k - 1) / 26))
    out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return upper ? out.toUpperCase() : out;
};

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

const roman = (n: number, upper: boolean): string => {
  let out = '';
  let rest = n;
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
};

/** The counter of item `n` in a format, as Word draws it (« 3 », « c », « iii »). */
export function counterText(n: number, format: CounterFormat): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerRoman':
      return n > 0 ? roman(n, false) : String(n);
    case 'upperRoman':
      return n > 0 ? roman(n, true) : String(n);
  }
}

/**
 * The label of item number `n` of a list at nesting `depth`.
 *
 * @example
 * listLabel(theme.list.numbering, { ordered: true, depth: 1, n: 3 }) // 'c)'
 */
export function listLabel(
  numbering: ListNumbering,
  at: { readonly ordered: boolean; readonly depth: number; readonly n: number },
): string {
  if (!at.ordered) return numbering.bullets[at.depth % numbering.bullets.length] ?? '•';
  const level = numbering.ordered[at.depth % numbering.ordered.length] ?? { format: 'decimal', suffix: '.' };
  return `${counterText(at.n, level.format)}${level.suffix}`;
}

const base = {
  bold: false,
  italic: false,
  spaceBefore: 0,
  spaceAfter: 6,
  lineHeight: 1.2,
  indent: 0,
} as const;

const body = 11;

export const theme: Theme = {
  page: {
    width: 595.28,
    height: 841.89,
    marginTop: 56.7,
    marginBottom: 70.9,
    marginLeft: 70.9,
    marginRight: 70.9,
    absorb: 24,
  },
  header: { fontSize: 10, logoHeight: 42, spaceAfter: 18, logoGap: 4 },
  footer: { fontSize: 8.5, offset: 34, topOffset: 22 },
  paragraphs: {
    body: { ...base, styleName: 'Corps de texte', fontSize: body, align: 'justify', spaceAfter: 8 },
    subject: {
      ...base,
      styleName: 'Objet',
      fontSize: body,
      bold: true,
      align: 'justify',
      spaceBefore: 6,
      spaceAfter: 10,
    },
    rapporteur: { ...base, styleName: 'Rapporteur', fontSize: body, align: 'left', spaceAfter: 14 },
    visa: { ...base, styleName: 'Visa', fontSize: body, align: 'justify', spaceAfter: 4 },
    recital: { ...base, styleName: 'Considérant', fontSize: body, align: 'justify', spaceAfter: 4 },
    decision: {
      ...base,
      styleName: 'Décision',
      fontSize: 12,
      bold: true,
      align: 'center',
      spaceBefore: 10,
      spaceAfter: 10,
    },
    article: { ...base, styleName: 'Article', fontSize: body, align: 'justify', spaceAfter: 8 },
    centered: { ...base, styleName: 'Centré', fontSize: body, align: 'center', spaceAfter: 8 },
    closing: {
      ...base,
      styleName: 'Formule finale',
      fontSize: body,
      align: 'left',
      spaceBefore: 12,
      spaceAfter: 6,
    },
    intervention: {
      ...base,
      styleName: 'Intervention',
      fontSize: body,
      align: 'justify',
      spaceAfter: 6,
      indent: 14,
    },
    vote: {
      ...base,
      styleName: 'Vote',
      fontSize: body,
      bold: true,
      align: 'left',
      spaceBefore: 4,
      spaceAfter: 6,
    },
    note: { ...base, styleName: 'Mention', fontSize: 9, align: 'left', spaceAfter: 3 },
    toc: { ...base, styleName: 'Sommaire', fontSize: body, align: 'left', spaceAfter: 3 },
  },
  // 1 cm.
  indented: 28.35,
  headings: {
    1: {
      ...base,
      styleName: 'Heading1',
      fontSize: 14,
      bold: true,
      align: 'left',
      spaceBefore: 14,
      spaceAfter: 8,
    },
    2: {
      ...base,
      styleName: 'Heading2',
      fontSize: 12,
      bold: true,
      align: 'left',
      spaceBefore: 12,
      spaceAfter: 6,
    },
    3: {
      ...base,
      styleName: 'Heading3',
      fontSize: body,
      bold: true,
      italic: true,
      align: 'left',
      spaceBefore: 8,
      spaceAfter: 4,
    },
    // Deeper levels (a convention's TITRE › Chapitre › Article › 1.1): bold, then italic.
    4: {
      ...base,
      styleName: 'Heading4',
      fontSize: body,
      bold: true,
      align: 'left',
      spaceBefore: 6,
      spaceAfter: 3,
    },
    5: {
      ...base,
      styleName: 'Heading5',
      fontSize: body,
      italic: true,
      align: 'left',
      spaceBefore: 6,
      spaceAfter: 3,
    },
    6: {
      ...base,
      styleName: 'Heading6',
      fontSize: body,
      italic: true,
      align: 'left',
      spaceBefore: 6,
      spaceAfter: 3,
    },
  },
  title: {
    ...base,
    styleName: 'Titre du document',
    fontSize: 16,
    bold: true,
    align: 'center',
    spaceBefore: 10,
    spaceAfter: 14,
  },
  footnote: {
    ...base,
    styleName: 'Note de bas de page',
    fontSize: 8.5,
    align: 'left',
    spaceBefore: 2,
    spaceAfter: 0,
    lineHeight: 1.15,
  },
  titleLine: { ...base, styleName: 'Sous-titre', fontSize: 12, bold: true, align: 'center', spaceAfter: 6 },
  list: {
    indent: 18,
    itemSpacing: 3,
    numbering: {
      bullets: ['•', '–', '◦'],
      ordered: [
        { format: 'decimal', suffix: '.' },
        { format: 'lowerLetter', suffix: ')' },
        { format: 'lowerRoman', suffix: '.' },
      ],
    },
  },
  table: { fontSize: 10, cellPadding: 4, borderWidth: 0.5, headerFill: '#E8E8E8', spaceAfter: 10 },
  signatures: { fontSize: body, spaceBefore: 18, signHeight: 60 },
};
