// A liste des délibérations without its table (fixtures/structures/liste-entrees.yaml: formula
// « liste_entree »): each délibération a paragraph of the collectivité's formula — its number, its
// objet, its result, its page in the recueil — in the PDF (pdf.js) and the DOCX
// (word/document.xml); the default keeps the table.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentOf, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/liste-entrees.yaml';
const dir = mkdtempSync(join(tmpdir(), 'delib-liste-entrees-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const listeOf = async (file: string): Promise<RenderedDocument> =>
  documentOf(await renderFixture(file, /liste-des-deliberations/), 'liste-des-deliberations');
/** pdf.js reads a no-break space as a space: compared with spaces made plain. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');
const tables = (d: RenderedDocument) => JSON.stringify(d.tree).split('"type":"table"').length - 1;

const ENTRIES = [
  'DE_2025_031 Tarifs de l’école de musique pour 2025-2026 – Adoptée à l’unanimité – p. 4',
  'DE_2025_032 Vente d’un terrain communal au lieu-dit Les Genêts – Adoptée (11 pour, 2 contre, 1 abstention) – p. 7',
];

describe('liste_entree: the liste as plain entries', () => {
  it('prints each délibération as one paragraph of the formula, in order, without a table', async () => {
    const d = await listeOf(FILE);
    expect(tables(d)).toBe(0);
    const paragraphs = d.docx.paragraphs.map((p) => plain(p.text));
    const text = plain(d.pdfText);
    for (const entry of ENTRIES) expect(paragraphs).toContain(entry);
    expect(paragraphs.indexOf(ENTRIES[0] ?? '')).toBeLessThan(paragraphs.indexOf(ENTRIES[1] ?? ''));
    for (const entry of ENTRIES) expect(text).toContain(entry);
    for (const header of ['Numéro', 'Objet', 'Résultat']) expect(paragraphs).not.toContain(header);
  });

  it('keeps the table by default', async () => {
    const file = join(dir, 'tableau.yaml');
    writeFileSync(file, readFileSync(FILE, 'utf8').replace(/ {2}formules:\n {4}liste_entree: .*\n/, ''));
    const d = await listeOf(file);
    expect(tables(d)).toBe(1);
    expect(d.docx.document).toContain('<w:tbl>');
    expect(plain(d.pdfText)).not.toContain(ENTRIES[0]);
  });
});
