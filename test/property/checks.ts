/**
 * The checks behind the property tests, shared by `npm test` (a few hundred seeded cases) and
 * `npm run fuzz` (many more): a generated séance validates and renders the same text in PDF and
 * DOCX, reproducibly; an edited séance gives placed diagnostics or a valid séance, never an
 * exception.
 *
 * @example
 * await fc.assert(fc.asyncProperty(seanceArbitrary, (s) => rendersAlike(s, folder)), { seed: 1 });
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { composeDocument } from '../../src/compose/compose.ts';
import { listDocuments } from '../../src/compose/documents.ts';
import { hasErrors } from '../../src/diagnostics.ts';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import type { Seance } from '../../src/schema/seance.ts';
import { templateEnv } from '../../src/template/env.ts';
import { foldSpaces, treeText } from '../../src/tree/text.ts';
import { loadAndValidate } from '../../src/validate/validate.ts';
import { docxText, readDocx } from '../support/docx.ts';
import { dehyphenate, readPdf, softText } from '../support/pdf.ts';
import { signatureBands } from '../support/signature-bands.ts';

export const CREATION_DATE = new Date('2023-03-23T00:00:00Z');

/** The seed of a run: `FC_SEED` if set (to replay a failure), else `fallback`. */
export function seedOf(fallback: number): number {
  const given = Number(process.env.FC_SEED);
  return Number.isInteger(given) && process.env.FC_SEED !== '' ? given : fallback;
}

/** Text compared without any spacing (typography inserts no-break spaces) nor apostrophe style. */
export const bare = (text: string) => text.replace(/[\s\u00A0\u202F\u2009\u00AD]+/g, '').replace(/'/g, '’');

let counter = 0;

/** Writes data as a YAML file in `folder`; returns its path. */
export function writeSeance(folder: string, data: unknown): string {
  const file = join(folder, `s${counter++}.yaml`);
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
  return file;
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * Validates a generated séance, renders every document in PDF and DOCX and checks: no error;
 * the PDF text read back by pdf.js, the DOCX text and the tree text are the same; every objet
 * is in the ordre du jour and in its note; the first document's bytes are reproducible.
 */
export async function rendersAlike(data: unknown, folder: string): Promise<void> {
  const file = writeSeance(folder, data);
  const { seance, diagnostics } = await loadAndValidate(file);
  if (!seance || hasErrors(diagnostics)) {
    fail(
      `séance générée refusée : ${diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`).join(' ; ')}`,
    );
  }
  const env = templateEnv();
  for (const [i, ref] of listDocuments(seance).entries()) {
    const tree = composeDocument(seance, ref, { env });
    const expected = foldSpaces(treeText(tree));
    // The fonts of the process are shared by every document, as in a build's worker.
    const pdf = await renderPdf(tree, { creationDate: CREATION_DATE });
    const docx = await renderDocx(tree, { creationDate: CREATION_DATE, embedFonts: false });
    const pdfText = dehyphenate((await readPdf(pdf.bytes)).bodyLines(), softText(tree));
    const docxTextFolded = foldSpaces(docxText(readDocx(docx)));
    // Side-by-side signatures read row by row in the DOCX: headings and qualités, then names.
    const expectedDocx = foldSpaces(treeText(signatureBands(tree)));
    if (pdfText !== expected)
      fail(`${ref.id} : le texte du PDF diffère de l’arbre\nPDF   ${pdfText}\narbre ${expected}`);
    if (docxTextFolded !== expectedDocx) {
      fail(`${ref.id} : le texte du DOCX diffère de l’arbre\nDOCX  ${docxTextFolded}\narbre ${expectedDocx}`);
    }
    const objets = objetsOf(seance, ref);
    for (const objet of objets) {
      if (!bare(expected).includes(bare(objet))) fail(`${ref.id} : objet absent « ${objet} »`);
    }
    if (i === 0) {
      const again = await renderPdf(composeDocument(seance, ref, { env }), { creationDate: CREATION_DATE });
      const docxAgain = await renderDocx(tree, { creationDate: CREATION_DATE, embedFonts: false });
      if (Buffer.compare(Buffer.from(again.bytes), Buffer.from(pdf.bytes)) !== 0)
        fail(`${ref.id} : PDF non reproductible`);
      if (Buffer.compare(Buffer.from(docxAgain), Buffer.from(docx)) !== 0)
        fail(`${ref.id} : DOCX non reproductible`);
    }
  }
}

function objetsOf(seance: Seance, ref: ReturnType<typeof listDocuments>[number]): string[] {
  if (ref.kind === 'ordre-du-jour') return seance.points.map((p) => p.objet);
  if (ref.kind === 'note') return seance.points.filter((p) => p.numero === ref.point).map((p) => p.objet);
  return [];
}

/**
 * Validates an edited séance text: never an exception; every diagnostic on the file is placed
 * inside it (line 0, or 1..lines with a column ≥ 1); a séance without error composes every
 * document. Returns whether the edited séance was valid.
 */
export async function editedIsHandled(text: string, folder: string, name: string): Promise<boolean> {
  const file = join(folder, name);
  writeFileSync(file, text);
  const { seance, diagnostics, sources } = await loadAndValidate(file);
  const shown = sources?.root.text ?? text;
  const count = shown.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    if (d.file !== file) continue;
    const placed = d.line === 0 ? d.column === 0 : d.line >= 1 && d.line <= count && d.column >= 1;
    if (!placed)
      fail(
        `diagnostic mal placé ${d.code} ${d.line}:${d.column} (fichier de ${count} lignes) : ${d.message}`,
      );
    if (!/[a-zàâçéèêëîïôûùüÿœ]/i.test(d.message) || d.message.includes(' at '))
      fail(`message douteux : ${d.message}`);
  }
  if (!seance || hasErrors(diagnostics)) return false;
  const env = templateEnv();
  for (const ref of listDocuments(seance)) composeDocument(seance, ref, { env, hyphenate: false });
  return true;
}
