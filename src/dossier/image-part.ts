/**
 * A PNG or JPEG annex joined to the dossier as one A4 page: the image fitted inside the margins,
 * centred, tagged as a figure with the annex's title as its alternative text.
 *
 * @example
 * await addImagePage(out, { kind: 'image', bytes, format: 'png' }, structure, sect, 'Plan de situation');
 */
import { type PDFDocument, PDFName, PDFOperator, PDFOperatorNames } from 'pdf-lib';
import { theme } from '../render/theme.ts';
import type { StructNode, Structure } from './structure.ts';
import type { PartSource } from './types.ts';

export async function addImagePage(
  out: PDFDocument,
  source: Extract<PartSource, { kind: 'image' }>,
  structure: Structure,
  sect: StructNode,
  alt: string,
): Promise<void> {
  const image = source.format === 'png' ? await out.embedPng(source.bytes) : await out.embedJpg(source.bytes);
  const { width, height, marginTop, marginBottom, marginLeft, marginRight } = theme.page;
  const page = out.addPage([width, height]);
  const boxWidth = width - marginLeft - marginRight;
  const boxHeight = height - marginTop - marginBottom;
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height, 1);
  const w = image.width * scale;
  const h = image.height * scale;
  structure.figure(sect, page.node, page.ref, alt);
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Figure'), '<< /MCID 0 >>']),
  );
  page.drawImage(image, {
    x: marginLeft + (boxWidth - w) / 2,
    y: marginBottom + (boxHeight - h) / 2,
    width: w,
    height: h,
  });
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}
