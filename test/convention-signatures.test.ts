// « Pour … » above a party's signatures when the party has no `denomination` (r17): its name takes
// the article of its first noun when delib knows that noun (« Pour le Syndicat mixte … », « Pour la
// Maison … », « Pour l’Office … »), any other name is printed as written; a party whose genre
// nothing gives is taken as masculine with a warning (rule.genre) at its name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/validate.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/convention-signatures.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /convention/);
const lineOf = (needle: string): number => SOURCE.split('\n').findIndex((l) => l.includes(needle)) + 1;

const HEADINGS = [
  'Pour la Commune de Saint-Aubrac-des-Prés',
  'Pour le Syndicat mixte du Haut-Aubrac',
  'Pour la Maison du tourisme des Prés',
  'Pour l’Office de commerce des Prés',
  'Pour Les Amis du Marché',
  'Pour Brasserie Vallat',
];

describe('signature_pour without a dénomination', () => {
  it('prints each party’s heading with the article of its first noun, in PDF and DOCX', () => {
    const d = documentOf(docs, 'point-01-convention-1');
    // The signature tables' cells are paragraphs of their own in the DOCX.
    const paragraphs = d.docx.paragraphs.map((p) => p.text);
    for (const heading of HEADINGS) {
      expect(paragraphs, heading).toContain(heading);
      expect(d.pdfText, heading).toContain(heading);
    }
    expect(d.pdfText).not.toMatch(/Pour (Syndicat|Maison|Office|Commune)/);
  });

  it('warns where a party’s genre is guessed (rule.genre), not where a noun, an article or genre gives it', async () => {
    const { seance, diagnostics } = await loadAndValidate(FILE);
    expect(seance).toBeDefined();
    expect(
      diagnostics.filter((x) => x.code === 'rule.genre').map((x) => [x.severity, x.line, x.message]),
    ).toEqual([
      [
        'avertissement',
        lineOf('- nom: Brasserie Vallat'),
        'Le genre de la partie « Brasserie Vallat » est deviné : masculin (« représenté », « dénommé »).',
      ],
    ]);
  });
});
