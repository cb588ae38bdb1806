/**
 * A fixture séance composed and rendered in process, every document read back: the PDF by pdf.js
 * (body text joined across lines, soft hyphens undone) and the DOCX by its XML, for tests that
 * look for the exact text a YAML states.
 *
 * @example
 * const docs = await renderFixture('fixtures/structures/typographie.yaml');
 * expect(docs.get('point-01-note')?.pdfText).toContain('3 500 €');
 */
import { composeDocument } from '../../src/compose/compose.ts';
import { listDocuments } from '../../src/compose/documents.ts';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import type { Seance } from '../../src/schema/seance.ts';
import { templateEnv } from '../../src/template/env.ts';
import { foldSpaces } from '../../src/tree/text.ts';
import type { DocumentTree } from '../../src/tree/types.ts';
import { loadAndValidate } from '../../src/validate/validate.ts';
import { docxText, paragraphsOf, type ReadDocx, readDocx } from './docx.ts';
import { dehyphenate, type ReadPdf, readPdf, softText } from './pdf.ts';

export interface RenderedDocument {
  readonly tree: DocumentTree;
  readonly pdf: ReadPdf;
  readonly docx: ReadDocx;
  /** Body text of the PDF, spaces folded, line-end hyphens of hyphenation removed. */
  readonly pdfText: string;
  /** Text of the DOCX body and footnotes, spaces folded. */
  readonly docxText: string;
}

const creationDate = new Date('2025-01-01T00:00:00Z');

/**
 * A text as pdf.js reads it: every space folded to one (no-break and narrow no-break spaces too,
 * which pdf.js reads as spaces), quotes and apostrophes kept — so a test that finds « », “ ” or ’
 * asserts them exactly (a straight ' or " left in a document fails it). No-break spaces are checked
 * in the DOCX's own text (`ordinarySpacesAfterCivilities`) or by PDF line positions.
 */
export function asRead(text: string): string {
  return foldSpaces(text);
}

/**
 * @deprecated The name of `asRead` from before c17 (session 6), kept so that branches written
 * against it merge: it folded « » " “ ” and ’ ' into one, so the tests that used it never saw a
 * straight quote left in a document. It no longer folds them.
 */
export const foldQuotes = asRead;

/**
 * Where a civility (« M. », « Mme », « MM. », « Mmes », « Mlle ») is followed by an ordinary space
 * in a text read from the DOCX (which keeps U+00A0): each such place, empty when every civility
 * holds to its name (« M. Roux »: the civility and the name).
 */
export function ordinarySpacesAfterCivilities(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}.])(?:MM\.|M\.|Mmes|Mme|Mlle) \p{Lu}[\p{L}-]*/gu)].map((m) => m[0]);
}

export async function loadFixture(file: string): Promise<Seance> {
  const { seance, diagnostics } = await loadAndValidate(file);
  if (!seance) throw new Error(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return seance;
}

/** Every document of the séance (or those whose id matches), by id. */
export async function renderFixture(file: string, only?: RegExp): Promise<Map<string, RenderedDocument>> {
  const seance = await loadFixture(file);
  const env = templateEnv();
  const out = new Map<string, RenderedDocument>();
  for (const ref of listDocuments(seance)) {
    if (only && !only.test(ref.id)) continue;
    const tree = composeDocument(seance, ref, { env });
    const pdf = await readPdf((await renderPdf(tree, { creationDate })).bytes);
    const docx = readDocx(await renderDocx(tree, { creationDate, embedFonts: false }));
    const notes = docx.parts.get('word/footnotes.xml') ?? '';
    const noteText = paragraphsOf(notes)
      .map((p) => p.text)
      .join(' ');
    out.set(ref.id, {
      tree,
      pdf,
      docx,
      pdfText: dehyphenate(pdf.bodyLines(), softText(tree)),
      docxText: foldSpaces(`${docxText(docx)} ${noteText}`),
    });
  }
  return out;
}

/** A document of a rendered séance, by id; throws when the séance has none. */
export function documentOf(docs: ReadonlyMap<string, RenderedDocument>, id: string): RenderedDocument {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
}

/** The PDF text and the DOCX text of a document as read (`asRead`: spaces folded, quotes kept). */
export const bothTexts = (d: RenderedDocument): string[] => [asRead(d.pdfText), asRead(d.docxText)];

/** Where each text is found, in this order, in a folded text (-1 from the first one missing). */
export function placesInOrder(text: string, texts: readonly string[]): number[] {
  let from = 0;
  return texts.map((t) => {
    const at = from < 0 ? -1 : text.indexOf(asRead(t), from);
    from = at < 0 ? -1 : at + 1;
    return at;
  });
}
