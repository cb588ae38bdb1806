// Who signs the convocation and the ordre du jour (`signatures_convocation`,
// `signatures_ordre_du_jour`, beside `signatures_pv` and `signatures_liste`): those of
// fixtures/structures/signataires.yaml by nobody — no qualité, no name — in the PDF (pdf.js) and the
// DOCX (document.xml).
import { describe, expect, it } from 'vitest';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';

const docs = await renderFixture('fixtures/structures/signataires.yaml', /convocation|ordre-du-jour/);

describe('signataires of the convocation and the ordre du jour', () => {
  it('signatures_convocation: false ends the letter on its salutations, with no signature block', () => {
    for (const text of bothTexts(documentOf(docs, 'convocation'))) {
      expect(text).toContain('mes salutations distinguées. Destinataires');
      expect(text).not.toContain('La Maire');
    }
  });

  it('signatures_ordre_du_jour: false prints no signature block: the president is named nowhere', () => {
    for (const text of bothTexts(documentOf(docs, 'ordre-du-jour'))) {
      expect(text).toContain('Point n° 1 – Horaires d’ouverture de la bibliothèque municipale');
      expect(text).not.toContain('Apolline Ferrant');
      expect(text).not.toContain('Maire');
    }
  });
});
