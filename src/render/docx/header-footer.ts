/**
 * Header and footer: the collectivité's name (and logo) on the first page only (Word's « first
 * page different »), and on every page the running lines of the tree (by default a footer with the
 * short title and « Page X / Y »), `{page}` and `{pages}` as PAGE and NUMPAGES fields, which Word
 * and LibreOffice update themselves.
 *
 * @example
 * const { headers, footers } = headersAndFooters(doc, { theme, assets });
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { pageFurniture, pageSegments } from '../../tree/furniture.ts';
import type { DocumentTree, PageLine } from '../../tree/types.ts';
import type { Theme } from '../theme.ts';
import { textWidth } from './build.ts';
import { imageInfo } from './image.ts';
import { extraStyles, RULE } from './styles.ts';
import { cleanLine } from './text.ts';
import { pixels, twips } from './units.ts';

export interface HeaderFooterOptions {
  readonly theme: Theme;
  readonly assets: ReadonlyMap<string, Uint8Array> | undefined;
}

function logoRun(doc: DocumentTree, options: HeaderFooterOptions): ParagraphChild | undefined {
  const bytes = doc.header.logo === undefined ? undefined : options.assets?.get(doc.header.logo);
  const info = bytes === undefined ? undefined : imageInfo(bytes);
  if (bytes === undefined || info === undefined || info.width === 0 || info.height === 0) return undefined;
  const height = pixels(options.theme.header.logoHeight);
  return new ImageRun({
    type: info.type,
    data: bytes,
    transformation: { width: Math.round((info.width * height) / info.height), height },
    altText: {
      // The docx library numbers drawings with a counter of the whole thread: with one logo per
      // document, a fixed id keeps the bytes independent of what the thread rendered before.
      id: '1',
      name: 'logo',
      title: cleanLine(doc.meta.author),
      description: `Logo – ${cleanLine(doc.meta.author)}`,
    },
  });
}

/**
 * Logo and name on one line, as the PDF draws them, or the logo centred above the centred name
 * (`logoPlace: 'dessus'`); the « header » style rules the last line off.
 */
function firstPageHeader(doc: DocumentTree, options: HeaderFooterOptions): Paragraph[] {
  const logo = logoRun(doc, options);
  const { collectivite } = doc.header;
  // Neither name nor logo (`position_nom`): no first-page header at all.
  if (collectivite === undefined && logo === undefined) return [];
  const name = collectivite === undefined ? [] : [new TextRun({ text: cleanLine(collectivite), bold: true })];
  const centred = doc.header.logoPlace === 'dessus';
  if (logo !== undefined && (centred || collectivite === undefined)) {
    const logoLine = new Paragraph({
      // The logo alone is ruled off as the name would be.
      ...(collectivite === undefined ? { style: extraStyles.header.id } : {}),
      alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 0, after: twips(options.theme.header.logoGap) },
      children: [logo],
    });
    if (collectivite === undefined) return [logoLine];
    return [
      logoLine,
      new Paragraph({ style: extraStyles.header.id, alignment: AlignmentType.CENTER, children: name }),
    ];
  }
  return [
    new Paragraph({
      style: extraStyles.header.id,
      children: [...(logo === undefined ? [] : [logo, new TextRun('  ')]), ...name],
    }),
  ];
}

/** Space between a running header's text and its rule, in points. */
const RULE_SPACE = 4;

/** One place of a running line: its text, with PAGE and NUMPAGES fields where it says so. */
function placeRun(text: string, tabs: number): TextRun {
  const segments = pageSegments(cleanLine(text)).map((s) =>
    'text' in s ? s.text : s.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
  );
  const only = segments[0];
  if (tabs === 0 && segments.length === 1 && typeof only === 'string') return new TextRun(only);
  return new TextRun({ children: [...Array.from({ length: tabs }, () => new Tab()), ...segments] });
}

/** A running line: left, then a centre tab, then a right tab, as the PDF places them. */
function lineParagraph(line: PageLine, place: 'header' | 'footer', theme: Theme, after = 0): Paragraph {
  const width = textWidth(theme);
  // Each place after the left one is reached by one tab (to the centre stop, then the right one).
  const children = [line.left, line.center, line.right].flatMap((text, i) =>
    text === '' ? [] : [placeRun(text, i === 0 ? 0 : 1)],
  );
  return new Paragraph({
    style: extraStyles.footer.id,
    tabStops: [
      ...(line.center === '' ? [] : [{ type: TabStopType.CENTER, position: Math.round(width / 2) }]),
      { type: TabStopType.RIGHT, position: width },
    ],
    // The footer style rules the line off above; a header line is ruled off below.
    ...(place === 'header'
      ? {
          border: {
            top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
            // LibreOffice joins the borders of adjacent paragraphs whose borders are alike (their
            // spacing aside) and draws one rule under both: a shade apart keeps both rules.
            bottom: { ...RULE, color: '989898', space: RULE_SPACE },
          },
          spacing: { before: 0, after },
        }
      : {}),
    children,
  });
}

/** Distance of the header from the page's top edge: a running header sits above the margin. */
export function headerDistance(doc: DocumentTree, theme: Theme): number {
  return pageFurniture(doc).header === undefined
    ? twips(theme.page.marginTop)
    : twips(theme.footer.topOffset - theme.footer.fontSize);
}

/** Headers and footers of the document's single section. */
export function headersAndFooters(doc: DocumentTree, options: HeaderFooterOptions) {
  const { header, footer } = pageFurniture(doc);
  const { theme } = options;
  // On the first page, the collectivité's header starts at the top margin, below the running line.
  const below =
    twips(theme.page.marginTop) -
    headerDistance(doc, theme) -
    twips(theme.footer.fontSize * 1.25 + RULE_SPACE + 2);
  const running = header && lineParagraph(header, 'header', theme, 0);
  const firstRunning = header && lineParagraph(header, 'header', theme, Math.max(0, below));
  const foot = footer && new Footer({ children: [lineParagraph(footer, 'footer', theme)] });
  const first = firstPageHeader(doc, options);
  return {
    // Without a running header, later pages have none, and their body starts at the top margin.
    headers: running
      ? {
          first: new Header({ children: [...(firstRunning ? [firstRunning] : []), ...first] }),
          default: new Header({ children: [running] }),
        }
      : first.length > 0
        ? { first: new Header({ children: first }) }
        : {},
    footers: foot ? { first: foot, default: foot } : {},
  };
}
