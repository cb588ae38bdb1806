/**
 * Page furniture, drawn as artifacts: the first page's header (logo and collectivité) and the
 * running lines of every page (by default the footer: short title, « Page X / Y »).
 *
 * @example
 * const contentTop = drawFirstPageHeader(doc, tree.header, assets, measure);
 * drawPageLine(doc, { left: 'Note n° 1', center: '', right: 'Page {page} / {pages}' }, 'footer', { page: 1, pages: 3 }, measure);
 */
import { pageText } from '../../tree/furniture.ts';
import type { DocumentHeader, PageLine } from '../../tree/types.ts';
import { theme } from '../theme.ts';
import { drawRun } from './draw-run.ts';
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
  const { fontSize, logoHeight, spaceAfter, logoGap } = theme.header;
  const logo = header.logo === undefined ? undefined : assets?.get(header.logo);
  // Neither name nor logo (`position_nom`): the content starts at the top margin, no rule.
  if (header.collectivite === undefined && logo === undefined) return marginTop;
  const line = fontSize * 1.3;
  let height = line;
  marked(doc, 'artifact', () => {
    let textX = marginLeft;
    let baseline = marginTop + height / 2 + fontSize * 0.35;
    let maxWidth = pageWidth - marginRight - textX;
    let centred = false;
    if (logo) {
      let image: PdfImage;
      try {
        image = openImage(doc, logo);
      } catch {
        throw new Error(`Logo illisible (PNG ou JPEG attendu) : ${header.logo}`);
      }
      const logoWidth = (image.width * logoHeight) / image.height;
      if (header.logoPlace === 'dessus') {
        // Centred logo, the name centred on a line of its own under it.
        drawImage(doc, image, (marginLeft + pageWidth - marginRight - logoWidth) / 2, marginTop, logoHeight);
        height = logoHeight + logoGap + line;
        baseline = marginTop + logoHeight + logoGap + line / 2 + fontSize * 0.35;
        centred = true;
      } else {
        drawImage(doc, image, marginLeft, marginTop, logoHeight);
        textX += logoWidth + 12;
        height = Math.max(height, logoHeight);
        baseline = marginTop + height / 2 + fontSize * 0.35;
        maxWidth = pageWidth - marginRight - textX;
      }
    }
    if (header.collectivite === undefined) {
      // The logo alone: no line of its own under a centred logo.
      if (centred) height = logoHeight;
    } else {
      doc.font(fontName('bold')).fontSize(fontSize).fillColor('#000000');
      const name = ellipsize(header.collectivite, maxWidth, 'bold', fontSize, measure);
      if (centred) textX = (marginLeft + pageWidth - marginRight - measure.width(name, 'bold', fontSize)) / 2;
      drawRun(doc, name, textX, baseline);
    }
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

/** Where a running line sits on the page. */
export type PageLinePlace = 'header' | 'footer';

/** Draws one running line (header or footer) on the current page, `{page}` and `{pages}` filled. */
export function drawPageLine(
  doc: PdfDoc,
  line: PageLine,
  place: PageLinePlace,
  numbers: { readonly page: number; readonly pages: number },
  measure: Measurer,
): void {
  const { marginLeft, marginRight, width: pageWidth, height: pageHeight } = theme.page;
  const { fontSize, offset, topOffset } = theme.footer;
  const baseline = place === 'footer' ? pageHeight - offset : topOffset;
  const right = pageWidth - marginRight;
  const width = (text: string) => measure.width(text, 'regular', fontSize);
  const fill = (text: string) => pageText(text, numbers.page, numbers.pages);
  let [left, center, end] = [fill(line.left), fill(line.center), fill(line.right)];
  const room = right - marginLeft;
  const gap = 24;
  if (center === '') {
    // The longer side gives way (delib's footer: the short title before « Page X / Y »).
    if (width(left) >= width(end))
      left = ellipsize(left, room - width(end) - gap, 'regular', fontSize, measure);
    else end = ellipsize(end, room - width(left) - gap, 'regular', fontSize, measure);
  } else {
    const side = room / 2 - gap;
    center = ellipsize(
      center,
      room - 2 * (gap + Math.max(width(left), width(end))),
      'regular',
      fontSize,
      measure,
    );
    left = ellipsize(left, side - width(center) / 2, 'regular', fontSize, measure);
    end = ellipsize(end, side - width(center) / 2, 'regular', fontSize, measure);
  }
  marked(doc, 'artifact', () => {
    const rule = place === 'footer' ? baseline - fontSize - 4 : baseline + 3;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .moveTo(marginLeft, rule)
      .lineTo(right, rule)
      .stroke()
      .restore();
    doc.font(fontName('regular')).fontSize(fontSize).fillColor(FURNITURE_COLOR);
    const at = (text: string, x: number) => drawRun(doc, text, x, baseline);
    if (left !== '') at(left, marginLeft);
    if (center !== '') at(center, (marginLeft + right - width(center)) / 2);
    if (end !== '') at(end, right - width(end));
    doc.fillColor('#000000');
  });
}
