// An amendment voted by name (fixtures/structures/amendements-votes-nominatifs.yaml): its table
// printed in the procès-verbal as the point's is (one row per sense, its count and its members),
// kept on one page with the amendment's result; as lines when the délibération asks for lines
// (`votes_nominatifs: lignes`). Read back from the tree, the PDF (pdf.js) and the DOCX
// (word/document.xml).
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/tree/types.ts';
import { documentOf, placesInOrder, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/amendements-votes-nominatifs.yaml';
const pv = documentOf(await renderFixture(FILE, /proces-verbal/), 'proces-verbal');
/** pdf.js reads a no-break space as a space: compared with spaces made plain. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');
const paragraphs = (d: RenderedDocument) => d.docx.paragraphs.map((p) => plain(p.text));

const RESULT_1 =
  'L’amendement n° 1 est soumis à un partage égal des voix par 2 voix pour, 2 voix contre et 1 abstention.';
const ROWS_1: readonly (readonly [string, string, string])[] = [
  ['Pour', '2', 'M. Hugo Picard et M. Jules Colin'],
  ['Contre', '2', 'M. Florian Moreau et Mme Gaëlle Lebrun'],
  ['Abstention', '1', 'Mme Iris Tessier'],
];

describe('an amendment voted by name', () => {
  it('prints its table after its result, before the point’s own vote', () => {
    const text = plain(pv.pdfText);
    const at = placesInOrder(text, [
      'Planter six tilleuls au lieu de quatre le long du parvis.',
      RESULT_1,
      'Vote Nombre Membres',
      ...ROWS_1.map((r) => r.join(' ')),
      'Votants : 5 (5 présents, 0 représenté). Scrutin public.',
      'Vote Nombre Membres',
      'Pour 3 M. Florian Moreau, Mme Gaëlle Lebrun et Mme Iris Tessier',
    ]);
    expect(
      at.every((x) => x >= 0),
      JSON.stringify(at),
    ).toBe(true);
  });

  it('writes the same rows as a DOCX table, cell by cell', () => {
    const xml = pv.docx.document;
    // The votes' tables (the signatures side by side are a table of their own).
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .filter((t) => t.includes('>Nombre<'));
    expect(tables).toHaveLength(2);
    const cells = (table: string) =>
      [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        plain([...c[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      );
    expect(cells(tables[0] ?? '')).toEqual(['Vote', 'Nombre', 'Membres', ...ROWS_1.flat()]);
    const result = paragraphs(pv).indexOf(RESULT_1);
    expect(result).toBeGreaterThan(0);
    expect(xml.indexOf(tables[0] ?? '')).toBeGreaterThan(xml.indexOf('L’amendement n° 1 est soumis'));
  });

  it('keeps the table on one page with the result', () => {
    const kept = (blocks: readonly Block[]): Block[] =>
      blocks.flatMap((b) => (b.type === 'keepTogether' ? [b, ...kept(b.children)] : []));
    const groups = kept(pv.tree.children).map((b) => JSON.stringify(b));
    const group = groups.find((g) => g.includes('est soumis à un partage égal'));
    expect(group).toContain('"type":"table"');
    expect(group).toContain('Iris Tessier');
    expect(group).not.toContain('Votants');
  });

  it('prints lines instead, when the délibération asks for lines', () => {
    for (const line of [
      'L’amendement n° 2 est adopté par 3 voix pour, 1 voix contre et 1 abstention.',
      'Pour : 3 – Mme Iris Tessier, M. Hugo Picard et M. Jules Colin',
      'Contre : 1 – M. Florian Moreau',
      'Abstention : 1 – Mme Gaëlle Lebrun',
    ]) {
      expect(paragraphs(pv)).toContain(line);
      expect(plain(pv.pdfText)).toContain(line);
    }
  });
});
