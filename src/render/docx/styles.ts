/**
 * Named Word styles built from the theme: one paragraph style per paragraph role, heading levels
 * as Word's built-in « heading N » styles (navigation pane, table of contents), a few styles for
 * lists, tables, signatures, header and footer, and character styles for inline markup. A clerk
 * changes « Corps de texte » once and every body paragraph follows.
 *
 * @example
 * paragraphStyleId('body') // 'CorpsDeTexte'
 */
import {
  AlignmentType,
  BorderStyle,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LineRuleType,
} from 'docx';
import type { HeadingLevel, ParagraphRole } from '../../tree/types.ts';
import type { Align, ParagraphStyle, Theme } from '../theme.ts';
import { halfPoints, twips } from './units.ts';

/** An ASCII style id from a French style name, as Word would derive it (« Corps de texte » → CorpsDeTexte). */
export function styleIdFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Styles that are not a paragraph role of the theme, with their French names. */
export const extraStyles = {
  list: { id: 'Liste', name: 'Liste' },
  tableCell: { id: 'Tableau', name: 'Tableau' },
  tableHead: { id: 'TableauEnTete', name: 'Tableau – en-tête' },
  signature: { id: 'Signature', name: 'Signature' },
  signatureName: { id: 'SignatureNom', name: 'Signature – nom' },
  header: { id: 'Header', name: 'header' },
  footer: { id: 'Footer', name: 'footer' },
} as const;

/** Character styles: Word's built-in names where one exists, so Word shows its own French name. */
export const characterStyles = {
  strong: { id: 'Strong', name: 'Strong' },
  emphasis: { id: 'Emphasis', name: 'Emphasis' },
  superscript: { id: 'Exposant', name: 'Exposant' },
  link: { id: 'Hyperlink', name: 'Hyperlink' },
} as const;

export function paragraphStyleId(role: ParagraphRole, theme: Theme): string {
  return styleIdFromName(theme.paragraphs[role].styleName);
}

export function headingStyleId(level: HeadingLevel): string {
  return `Heading${level}`;
}

export function titleStyleId(theme: Theme): string {
  return styleIdFromName(theme.title.styleName);
}

/** Word's built-in style of footnote text (« Note de bas de page » in a French Word). */
export const footnoteStyleId = 'FootnoteText';

export function titleLineStyleId(theme: Theme): string {
  return styleIdFromName(theme.titleLine.styleName);
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

export function alignment(align: Align): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return ALIGN[align];
}

export const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;

interface StyleExtras {
  readonly keepNext?: boolean;
  readonly outlineLevel?: number;
  readonly basedOn?: string;
  /** Style of the paragraph typed after this one (for headings: the body style). */
  readonly next?: string;
}

function fromTheme(
  id: string,
  name: string,
  s: ParagraphStyle,
  extras: StyleExtras = {},
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: extras.basedOn ?? 'Normal',
    next: extras.keepNext ? (extras.next ?? id) : id,
    quickFormat: true,
    run: {
      size: halfPoints(s.fontSize),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italics: true } : {}),
    },
    paragraph: {
      alignment: alignment(s.align),
      spacing: {
        before: twips(s.spaceBefore),
        after: twips(s.spaceAfter),
        // « Exactly » the theme's line height, as the PDF renderer draws lines (size × factor):
        // Word and LibreOffice would otherwise use the font's own line gap (1.42 em for Source
        // Sans 3) and the DOCX would run longer than the PDF.
        line: twips(s.lineHeight * s.fontSize),
        lineRule: LineRuleType.EXACT,
      },
      indent: { left: twips(s.indent) },
      ...(extras.keepNext ? { keepNext: true, keepLines: true } : {}),
      ...(extras.outlineLevel === undefined ? {} : { outlineLevel: extras.outlineLevel }),
    },
  };
}

/** The `styles` option of the docx Document: defaults (font, size, fr-FR) and every named style. */
export function buildStyles(theme: Theme, fontFamily: string): IStylesOptions {
  const roles = Object.keys(theme.paragraphs) as ParagraphRole[];
  const body = theme.paragraphs.body;
  const bodyId = paragraphStyleId('body', theme);
  const small = (id: string, name: string, size: number, extra: IParagraphStyleOptions['paragraph'] = {}) =>
    ({
      id,
      name,
      basedOn: 'Normal',
      next: id,
      quickFormat: true,
      run: { size: halfPoints(size) },
      paragraph: { spacing: { before: 0, after: 0 }, ...extra },
    }) satisfies IParagraphStyleOptions;
  return {
    default: {
      document: {
        run: {
          font: { ascii: fontFamily, hAnsi: fontFamily, cs: fontFamily, eastAsia: fontFamily },
          size: halfPoints(body.fontSize),
          language: { value: 'fr-FR', eastAsia: 'fr-FR', bidirectional: 'ar-SA' },
        },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      ...roles.map((role) =>
        fromTheme(paragraphStyleId(role, theme), theme.paragraphs[role].styleName, theme.paragraphs[role], {
          keepNext: role === 'subject' || role === 'decision' || role === 'closing',
          next: bodyId,
        }),
      ),
      ...([1, 2, 3, 4, 5, 6] as const).map((level) =>
        fromTheme(headingStyleId(level), `heading ${level}`, theme.headings[level], {
          keepNext: true,
          outlineLevel: level - 1,
          next: bodyId,
        }),
      ),
      fromTheme(titleStyleId(theme), theme.title.styleName, theme.title, { keepNext: true, next: bodyId }),
      fromTheme(titleLineStyleId(theme), theme.titleLine.styleName, theme.titleLine, {
        keepNext: true,
        next: bodyId,
      }),
      fromTheme(footnoteStyleId, 'footnote text', theme.footnote, { next: footnoteStyleId }),
      {
        ...fromTheme(extraStyles.list.id, extraStyles.list.name, {
          ...body,
          spaceAfter: theme.list.itemSpacing,
        }),
        basedOn: bodyId,
      },
      small(extraStyles.tableCell.id, extraStyles.tableCell.name, theme.table.fontSize),
      {
        ...small(extraStyles.tableHead.id, extraStyles.tableHead.name, theme.table.fontSize),
        basedOn: extraStyles.tableCell.id,
        run: { size: halfPoints(theme.table.fontSize), bold: true },
      },
      small(extraStyles.signature.id, extraStyles.signature.name, theme.signatures.fontSize, {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
      }),
      {
        ...small(extraStyles.signatureName.id, extraStyles.signatureName.name, theme.signatures.fontSize, {
          alignment: AlignmentType.CENTER,
          spacing: { before: twips(theme.signatures.signHeight), after: 0 },
          keepLines: true,
        }),
        basedOn: extraStyles.signature.id,
        run: { size: halfPoints(theme.signatures.fontSize), bold: true },
      },
      // Grey rules under the header and above the footer, as the PDF draws them.
      small(extraStyles.header.id, extraStyles.header.name, theme.header.fontSize, {
        border: { bottom: { ...RULE, space: Math.round(theme.header.spaceAfter / 2) } },
        spacing: { before: 0, after: twips(theme.header.spaceAfter / 2) },
      }),
      small(extraStyles.footer.id, extraStyles.footer.name, theme.footer.fontSize, {
        border: { top: { ...RULE, space: 4 } },
      }),
    ],
    characterStyles: [
      { ...characterStyles.strong, basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      {
        ...characterStyles.emphasis,
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { italics: true },
      },
      {
        ...characterStyles.superscript,
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { superScript: true },
      },
      {
        ...characterStyles.link,
        basedOn: 'DefaultParagraphFont',
        run: { color: '0563C1', underline: { type: 'single' } },
      },
    ],
  };
}
