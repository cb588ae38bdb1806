// Who signs the procès-verbal, the convocation and the ordre du jour (`signataires_pv`,
// `signataires_convocation`, `signataires_ordre_du_jour`, beside `signataires_deliberation`): the
// PV of fixtures/structures/signataires.yaml is signed by its secretaries only, its convocation and
// ordre du jour by nobody — no qualité, no name — in the PDF (pdf.js) and the DOCX (document.xml).
import { describe, expect, it } from 'vitest';
import { bothTexts, documentOf, placesInOrder, renderFixture } from './support/rendered.ts';

const docs = await renderFixture(
  'fixtures/structures/signataires.yaml',
  /proces-verbal|convocation|ordre-du-jour/,
);

describe('signataires of the PV, the convocation and the ordre du jour', () => {
  it('signataires_pv: [secretaires] signs the PV by each secretary with their qualité, not by the president', () => {
    for (const text of bothTexts(documentOf(docs, 'proces-verbal'))) {
      const end = text.slice(text.indexOf('La séance est levée à 19 h 40.'));
      expect(
        placesInOrder(end, [
          'Secrétaire de séance',
          'Secrétaire auxiliaire',
          'Bastien Soubie',
          'Clémence Lacaze',
        ]),
      ).not.toContain(-1);
      expect(end).not.toContain('Maire');
      expect(end).not.toContain('Apolline Ferrant');
    }
  });

  it('signataires_convocation: [] ends the letter on its salutations, with no signature block', () => {
    for (const text of bothTexts(documentOf(docs, 'convocation'))) {
      expect(text).toContain('mes salutations distinguées. Destinataires');
      expect(text).not.toContain('La Maire');
    }
  });

  it('signataires_ordre_du_jour: [] prints no signature block: the president is named nowhere', () => {
    for (const text of bothTexts(documentOf(docs, 'ordre-du-jour'))) {
      expect(text).toContain('Point n° 1 – Horaires d’ouverture de la bibliothèque municipale');
      expect(text).not.toContain('Apolline Ferrant');
      expect(text).not.toContain('Maire');
    }
  });
});
