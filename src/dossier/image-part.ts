/**
 * A PNG or JPEG annex joined to the dossier as one A4 page: the image fitted inside the margins,
 * centred, tagged as a figure with the annex's title as its alternative text. The image is embedded
 * at once, so that the page and its image can be written before the next part is read.
 *
 * @example
 * const ref = await addImagePage(out, { kind: 'image', bytes, format: 'png' }, structure, sect, 'Plan de situation');
 */
import { type PDFDocument, PDFName, PDFPageLeaf, type PDFRef } from 'pdf-lib';
import { theme } from '../render/theme.ts';
import type { StructNode, Structure } from './structure.ts';
import type { PartSource } from './types.ts';

/** A number as pdf-lib writes it in content streams (no exponent, at most 6 decimals). */
const num = (n: number) => String(Number(n.toFixed(6)));

/** Adds the image's page; returns its reference (the assembler lists it in the page tree). */
export async function addImagePage(
  out: PDFDocument,
  source: Extract<PartSource, { kind: 'image' }>,
  structure: Structure,
  sect: StructNode,
  alt: string,
): Promise<PDFRef> {
  const image = source.format === 'png' ? await out.embedPng(source.bytes) : await out.embedJpg(source.bytes);
  await image.embed();
  const { width, height, marginTop, marginBottom, marginLeft, marginRight } = theme.page;
  const boxWidth = width - marginLeft - marginRight;
  const boxHeight = height - marginTop - marginBottom;
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height, 1);
  const w = image.width * scale;
  const h = image.height * scale;
  const x = marginLeft + (boxWidth - w) / 2;
  const y = marginBottom + (boxHeight - h) / 2;
  const { context } = out;
  const page = PDFPageLeaf.withContextAndParent(context, out.catalog.get(PDFName.of('Pages')) as PDFRef);
  page.set(PDFName.of('MediaBox'), context.obj([0, 0, width, height]));
  page.set(PDFName.of('Resources'), context.obj({ XObject: { Image: image.ref } }));
  const draw = `/Figure <</MCID 0>> BDC\nq\n${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm\n/Image Do\nQ\nEMC\n`;
  page.set(PDFName.of('Contents'), context.register(context.stream(draw)));
  const ref = context.register(page);
  structure.figure(sect, page, ref, alt);
  return ref;
}
