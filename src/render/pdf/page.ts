/**
 * Page furniture, drawn as artifacts: the first page's header (logo and collectivité) and the
 * footer of every page (short title, « Page X / Y »).
 *
 * @example
 * const contentTop = drawFirstPageHeader(doc, tree.header, assets, measure);
 * drawFooter(doc, { shortTitle: 'Note n° 1', page: 1, pages: 3 }, measure);
 */
import type { DocumentHeader } from '../../tree/types.ts';
import { theme } from '../theme.ts';
import { fontName, type Measurer } from './measure.ts';
import { drawImage, openImage, type PdfDoc, type PdfImage } from './pdfkit.ts';
import { marked } from './tagging.ts';

const FURNITURE_COLOR = '#444444';
const RULE_COLOR = '#999999';

/** Draws the header of a document's first page and returns where its content starts. */
export function drawFirstPageHeader(
  doc: PdfDoc,
  header: DocumentHeader,
  assets: ReadonlyMap<string, Uint8Array> | undefined,
  measure: Measurer,
): number {
  const { marginTop, marginLeft, marginRight, width: pageWidth } = theme.page;
  const { fontSize, logoHeight, spaceAfter } = theme.header;
  const logo = header.logo === undefined ? undefined : assets?.get(header.logo);
  let height = fontSize * 1.3;
  marked(doc, 'artifact', () => {
    let textX = marginLeft;
    if (logo) {
      let image: PdfImage;
      try {
        image = openImage(doc, logo);
      } catch {
        throw new Error(`Logo illisible (PNG ou JPEG attendu) : ${header.logo}`);
      }
      const logoWidth = (image.width * logoHeight) / image.height;
      drawImage(doc, image, marginLeft, marginTop, logoHeight);
      textX += logoWidth + 12;
      height = Math.max(height, logoHeight);
    }
    const baseline = marginTop + height / 2 + fontSize * 0.35;
    const maxWidth = pageWidth - marginRight - textX;
    doc
      .font(fontName('bold'))
      .fontSize(fontSize)
      .fillColor('#000000')
      .text(ellipsize(header.collectivite, maxWidth, 'bold', fontSize, measure), textX, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    const rule = marginTop + height + spaceAfter / 2;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .moveTo(marginLeft, rule)
      .lineTo(pageWidth - marginRight, rule)
      .stroke()
      .restore();
  });
  return marginTop + height + spaceAfter;
}

/** Cuts `text` with « … » so that it fits `width`. */
function ellipsize(
  text: string,
  width: number,
  face: 'regular' | 'bold',
  size: number,
  measure: Measurer,
): string {
  if (measure.width(text, face, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && measure.width(`${chars.join('')}…`, face, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export interface FooterText {
  readonly shortTitle: string;
  /** One-based page number. */
  readonly page: number;
  readonly pages: number;
}

/** Footer text of a page number: « Page 2 / 5 ». */
export function pageLabel(page: number, pages: number): string {
  return `Page ${page} / ${pages}`;
}

/** Draws the footer on the current page. */
export function drawFooter(doc: PdfDoc, footer: FooterText, measure: Measurer): void {
  const { marginLeft, marginRight, width: pageWidth, height: pageHeight } = theme.page;
  const { fontSize, offset } = theme.footer;
  const baseline = pageHeight - offset;
  const label = pageLabel(footer.page, footer.pages);
  const labelWidth = measure.width(label, 'regular', fontSize);
  const right = pageWidth - marginRight;
  marked(doc, 'artifact', () => {
    const rule = baseline - fontSize - 4;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .moveTo(marginLeft, rule)
      .lineTo(right, rule)
      .stroke()
      .restore();
    const title = ellipsize(
      footer.shortTitle,
      right - marginLeft - labelWidth - 24,
      'regular',
      fontSize,
      measure,
    );
    doc.font(fontName('regular')).fontSize(fontSize).fillColor(FURNITURE_COLOR);
    doc.text(title, marginLeft, baseline, { lineBreak: false, baseline: 'alphabetic' });
    doc.text(label, right - labelWidth, baseline, { lineBreak: false, baseline: 'alphabetic' });
    doc.fillColor('#000000');
  });
}
