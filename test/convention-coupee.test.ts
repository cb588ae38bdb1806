// A convention transcribed from a source cut before its articles and signatures (b16, from the
// corpus: 17, 18, 19 stop in the préambule or the visas): `articles: []` prints no article in
// their place and `signatures: false` no signature block (nor signature field) at its end, in the
// PDF (pdf.js) and the DOCX (word/document.xml); the parties keep their signatory in their
// sentence; `delib validate` warns at the empty list (rule.dispositif). A whole convention of the
// same point keeps its article and its signatures.
import { describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/convention-coupee.yaml';
const docs = await renderFixture(FILE, /convention/);
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('a convention cut before its articles and signatures', () => {
  const coupee = documentOf(docs, 'point-01-convention-1');
  const entiere = documentOf(docs, 'point-01-convention-2');

  it('ends with its préambule: no article, no signature block', () => {
    for (const text of bothTexts(coupee)) {
      expect(text).toContain(
        'Le Syndicat du Bassin de la Brême, représenté par M. Firmin Galland, Président, ci-après « le Syndicat », d’autre part.',
      );
      expect(text.trimEnd().endsWith('leur entretien. Il a été convenu ce qui suit :')).toBe(true);
      expect(text).not.toContain('Article');
      expect(text).not.toContain('Pour la Commune');
      expect(text).not.toContain('Pour le Syndicat');
    }
    expect(JSON.stringify(coupee.tree)).not.toContain('"signatures"');
    expect(coupee.docx.parts.get('word/document.xml')).not.toContain('<w:tbl>');
  });

  it('has no signature field in its PDF, where the whole convention has one per signatory', async () => {
    const { renderPdf } = await import('../src/render/pdf/index.ts');
    const creationDate = new Date('2025-01-01T00:00:00Z');
    const cut = latin1((await renderPdf(coupee.tree, { creationDate })).bytes);
    const whole = latin1((await renderPdf(entiere.tree, { creationDate })).bytes);
    expect(cut).not.toContain('/FT /Sig');
    expect(whole.match(/\/FT \/Sig/g)?.length).toBe(2);
  });

  it('leaves the whole convention as it was: its article and its signatures', () => {
    for (const text of bothTexts(entiere)) {
      expect(text).toContain('Article 1er – Objet L’Association nettoie chaque printemps');
      expect(text).toContain('Pour la Commune');
      expect(text).toContain('Pour l’Association');
      expect(text).toContain('M. Lucien Arnoult');
    }
  });

  it('is said at the empty list, as a warning', async () => {
    const { seance, diagnostics } = await loadAndValidate(FILE);
    expect(seance).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.line, d.column])).toEqual([
      ['rule.dispositif', 'avertissement', '/points/0/annexes/0/convention/articles', 46, 21],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'La convention « Convention d’entretien des berges avec le syndicat du Bassin » du point 1 n’a aucun article : rien ne dit ce qui est convenu.',
    );
  });
});
