/**
 * The procès-verbal of a séance file rendered as `delib build` renders it: its tree, its PDF read
 * back page by page (pdf.js), its DOCX with the PDF's page numbers in its PAGEREF fields, and the
 * same DOCX made without them (fields blank and dirty, as `--formats docx` writes them).
 */
import { composeDocument } from '../../src/compose/compose.ts';
import { listDocuments } from '../../src/compose/documents.ts';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { templateEnv } from '../../src/template/env.ts';
import { foldSpaces } from '../../src/tree/text.ts';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import { loadFixture } from './rendered.ts';

const creationDate = new Date('2025-01-01T00:00:00Z');

export async function renderPv(file: string) {
  const seance = await loadFixture(file);
  const ref = listDocuments(seance).find((r) => r.id === 'proces-verbal');
  if (!ref) throw new Error('no proces-verbal');
  const tree = composeDocument(seance, ref, { env: templateEnv() });
  const pdfResult = await renderPdf(tree, { creationDate });
  const pdf = await readPdf(pdfResult.bytes);
  const pages = pdf.pages.map((p) => foldSpaces(p.items.map((i) => i.str).join('')));
  const docx = readDocx(
    await renderDocx(tree, {
      creationDate,
      embedFonts: false,
      ...(pdfResult.anchors ? { pageNumbers: pdfResult.anchors } : {}),
    }),
  );
  const dirty = readDocx(await renderDocx(tree, { creationDate, embedFonts: false }));
  return { tree, pdfResult, pdf, pages, docx, dirty };
}
