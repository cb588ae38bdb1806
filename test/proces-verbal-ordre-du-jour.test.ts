// A procès-verbal that opens on its ordre du jour (fixtures/structures/proces-verbal-ordre-du-jour.yaml,
// from the corpus: a PV whose first page is its convocation mention and ordre du jour, then the
// séance): `position_ordre_du_jour_pv: debut` prints the ordre du jour before the réunion sentence
// and the présents, `pv_section_ordre_du_jour` each section's line before its first point, in the
// PDF (pdf.js) and the DOCX (document.xml).
import { describe, expect, it } from 'vitest';
import { bothTexts, documentOf, placesInOrder, renderFixture } from './support/rendered.ts';

const pv = documentOf(
  await renderFixture('fixtures/structures/proces-verbal-ordre-du-jour.yaml', /proces-verbal/),
  'proces-verbal',
);

describe('position_ordre_du_jour_pv: debut, pv_section_ordre_du_jour', () => {
  it('prints the ordre du jour, its sections before their points, ahead of the réunion and the présents', () => {
    for (const text of bothTexts(pv)) {
      const places = placesInOrder(text, [
        'ORDRE DU JOUR 1 FINANCES 1-1 Tarifs de la salle polyvalente pour 2026 2 VOIRIE 2-1 Réfection du chemin de la Garenne',
        'Le Conseil municipal s’est réuni le 20 novembre 2025',
        'Présents : Mme Odile Arnal, M. Benoît Vidal et Mme Suzanne Roques.',
        'Point n° 1 – Tarifs de la salle polyvalente pour 2026',
      ]);
      expect(places).not.toContain(-1);
    }
  });
});
