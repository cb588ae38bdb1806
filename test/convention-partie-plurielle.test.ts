/**
 * A convention party named « Les … » (fixtures/structures/convention-partie-plurielle.yaml): plural
 * agreement from its article (« représentés par », « ci-après dénommés »), feminine plural with
 * `genre: f`, singular kept with `nombre: singulier`; no rule.genre warning for a plural party;
 * exact text in the PDF (pdf.js) and the DOCX (word/document.xml).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { asRead, documentOf, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/convention-partie-plurielle.yaml';
const convention = documentOf(await renderFixture(FILE, /convention/), 'point-01-convention-1');

const SENTENCES = [
  'La Commune de Vaudrinel, représentée par Mme Armelle Dutertre, Maire, ci-après dénommée « la Commune »,',
  'Les Amis du Moulin de la Sablière, représentés par M. Gaspard Loiseleur, Président, ci-après dénommés « les Amis du Moulin »,',
  'Les Brodeuses de Vaudrinel, représentées par Mme Irène Fauchard, Présidente, ci-après dénommées « les Brodeuses »,',
  'Les Vergers de l’Ouve, représenté par M. Lucien Broussard, Gérant, ci-après dénommé « le Domaine »,',
];

describe('a plural party’s agreement, in PDF and DOCX', () => {
  it('writes « représentés », « dénommés » for « Les … », the feminine plural with genre: f, the singular with nombre: singulier', () => {
    const paragraphs = convention.docx.paragraphs.map((p) => foldSpaces(p.text.replace(/\u00AD/g, '')));
    const pdf = asRead(convention.pdfText);
    for (const sentence of SENTENCES) {
      expect(paragraphs).toContain(foldSpaces(sentence));
      expect(pdf).toContain(asRead(sentence));
    }
  });

  it('warns of no guessed genre for a plural party, and still for a singular one nothing names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-pluriel-'));
    try {
      const file = join(dir, 'seance.yaml');
      const source = readFileSync(FILE, 'utf8');
      expect((await loadAndValidate(FILE)).diagnostics).toEqual([]);
      // « nombre: singulier » without a genre nor an article: nothing says the genre then.
      writeFileSync(
        file,
        source
          .replace('              genre: m\n', '')
          .replace('denomination: le Domaine', 'denomination: Domaine'),
      );
      const { diagnostics } = await loadAndValidate(file);
      const line = source.split('\n').findIndex((l) => l.includes('nom: Les Vergers')) + 1;
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.genre', line]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
