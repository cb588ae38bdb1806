// Délibérations without any article (r18, from the corpus: acts transcribed from sources cut before
// their dispositif, and « prend acte » acts that state their decision in one sentence): `articles:
// []` prints nothing in their place (no lone « - », no « Article 1er »), in the PDF (pdf.js) and the
// DOCX (word/document.xml); `delib validate` warns (rule.dispositif, at the empty list) for an act
// that is not a « prend acte », never for one that is.
import { describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { bothTexts, documentOf, placesInOrder, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/sans-article.yaml';
const docs = await renderFixture(FILE, /deliberation/);

describe('articles: []', () => {
  it('a « prend acte » states its decision in one sentence after its verb, without an article', () => {
    const acte = documentOf(docs, 'point-01-deliberation');
    for (const text of bothTexts(acte)) {
      const places = placesInOrder(text, [
        'Après en avoir délibéré,',
        'PREND ACTE',
        'du rapport annuel 2024 sur le prix et la qualité du service public de prévention et de gestion des déchets.',
        'Fait et délibéré en séance',
      ]);
      expect(places.every((at) => at >= 0)).toBe(true);
      expect(text).not.toContain('Article');
    }
  });

  it('an act whose dispositif is not written prints its vote right after the verb', () => {
    const acte = documentOf(docs, 'point-02-deliberation');
    for (const text of bothTexts(acte)) {
      expect(text).toContain('DÉLIBÈRE Adoptée à l’unanimité.');
      expect(text).not.toContain('Article');
    }
    // No empty article paragraph in the DOCX between the verb and the vote.
    const paragraphs = acte.docx.paragraphs.map((p) => p.text);
    const verb = paragraphs.indexOf('DÉLIBÈRE');
    expect(paragraphs[verb + 1]).toBe('Adoptée à l’unanimité.');
  });

  it('is said for the act that is not a « prend acte », at its empty list, as a warning', async () => {
    const { seance, diagnostics } = await loadAndValidate(FILE);
    expect(seance).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.line, d.column])).toEqual([
      ['rule.dispositif', 'avertissement', '/points/1/deliberation/articles', 39, 17],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'La délibération du point 2 n’a aucun article : rien ne dit ce qui est décidé.',
    );
  });
});
