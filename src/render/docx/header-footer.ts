/**
 * Header and footer: the collectivité's name (and logo) on the first page only (Word's « first
 * page different »), and on every page a footer with the short title and « Page X / Y » as PAGE
 * and NUMPAGES fields, which Word and LibreOffice update themselves.
 *
 * @example
 * const { headers, footers } = headersAndFooters(doc, { theme, assets });
 */
import {
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
import type { DocumentTree } from '../../tree/types.ts';
import type { Theme } from '../theme.ts';
import { textWidth } from './build.ts';
import { imageInfo } from './image.ts';
import { extraStyles } from './styles.ts';
import { cleanLine } from './text.ts';
import { pixels } from './units.ts';

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
      title: cleanLine(doc.header.collectivite),
      description: `Logo – ${cleanLine(doc.header.collectivite)}`,
    },
  });
}

/** Logo and name on one line, as the PDF draws them; the « header » style rules it off. */
function firstPageHeader(doc: DocumentTree, options: HeaderFooterOptions): Header {
  const logo = logoRun(doc, options);
  return new Header({
    children: [
      new Paragraph({
        style: extraStyles.header.id,
        children: [
          ...(logo === undefined ? [] : [logo, new TextRun('  ')]),
          new TextRun({ text: cleanLine(doc.header.collectivite), bold: true }),
        ],
      }),
    ],
  });
}

function footer(doc: DocumentTree, theme: Theme): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: extraStyles.footer.id,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth(theme) }],
        children: [
          new TextRun(cleanLine(doc.meta.shortTitle)),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** Headers and footers of the document's single section. */
export function headersAndFooters(doc: DocumentTree, options: HeaderFooterOptions) {
  return {
    // No default header: later pages have none, and their body starts at the top margin.
    headers: { first: firstPageHeader(doc, options) },
    footers: { first: footer(doc, options.theme), default: footer(doc, options.theme) },
  };
}
