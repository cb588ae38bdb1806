/**
 * The page-number stamps of the dossier de séance (« Dossier – page 12 / 48 »): one small page per
 * stamp, drawn with the document's own embedded font, so that the assembler can lay each one over a
 * copied page as a form XObject (PDF/A needs every font embedded; pdf-lib's standard fonts are not).
 *
 * @example
 * const { bytes } = await renderStamps(['Dossier – page 1 / 2', 'Dossier – page 2 / 2'], { creationDate });
 */
import { loadFonts } from '../fonts.ts';
import { theme } from '../theme.ts';
import { fontName } from './measure.ts';
import { createPdfKitDocument, endDocument, registerFontObject } from './pdfkit.ts';
import type { PdfRenderOptions } from './types.ts';

/** Size of one stamp page, in points: room for « Dossier – page 9999 / 9999 ». */
export const STAMP_BOX = { width: 220, height: 14 } as const;

const STAMP_COLOR = '#444444';

export function renderStamps(
  labels: readonly string[],
  options: Pick<PdfRenderOptions, 'fonts' | 'creationDate'>,
): Promise<Uint8Array> {
  const doc = createPdfKitDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    // A stamp is ≈ 150 bytes of operators: deflating each page cost more than it saves.
    compress: false,
    info: { Producer: 'delib (pdfkit)', CreationDate: options.creationDate },
  });
  const fonts = options.fonts ?? loadFonts();
  registerFontObject(doc, fontName('regular'), fonts.regular);
  const size = theme.footer.fontSize;
  for (const label of labels) {
    doc.addPage({
      size: [STAMP_BOX.width, STAMP_BOX.height],
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    doc.font(fontName('regular')).fontSize(size).fillColor(STAMP_COLOR);
    const width = doc.widthOfString(label);
    doc.text(label, STAMP_BOX.width - width, STAMP_BOX.height - 3, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
  }
  return endDocument(doc);
}
