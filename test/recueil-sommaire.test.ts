// The sommaire of a recueil des actes (b16, from the corpus: 20 lists each délibération with the
// page of the recueil where it starts, and is not signed): the liste des délibérations prints a
// page column from each délibération's `premiere_page` (blank for one that gives none), and no
// signature block with `signatures_liste: false`, in the PDF (pdf.js) and the DOCX
// (word/document.xml). A liste without them keeps its columns and its signature.
import { describe, expect, it } from 'vitest';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';

const sommaire = documentOf(
  await renderFixture('fixtures/structures/recueil-sommaire.yaml', /liste/),
  'liste-des-deliberations',
);
const ordinaire = documentOf(
  await renderFixture('fixtures/structures/liste-sans-resultats.yaml', /liste/),
  'liste-des-deliberations',
);

describe('a recueil sommaire: pages, no signature', () => {
  it('prints the page of the recueil where each délibération starts, in its own column', () => {
    for (const text of bothTexts(sommaire)) {
      expect(text).toContain('N° Objet Page');
      expect(text).toContain('2025-31 Programme de restauration des murets de pierre sèche 14');
      expect(text).toContain('2025-32 Rapport d’activité 2024 du syndicat 19');
      // A délibération without its page: a blank cell, never an invented number.
      expect(text).toMatch(/2025-33 Adhésion de la commune de Saint-Orbiel au syndicat( Page \d|$)/);
    }
    const header = sommaire.docx.parts.get('word/document.xml') ?? '';
    expect(header.match(/<w:tr[ >]/g)?.length).toBe(4);
  });

  it('is not signed', () => {
    for (const text of bothTexts(sommaire)) {
      expect(text).not.toContain('Le Président');
      expect(text).not.toContain('Gaspard Orliac');
    }
    expect(JSON.stringify(sommaire.tree)).not.toContain('"signatures"');
  });

  it('leaves a liste without pages as it was: no page column, signed', () => {
    for (const text of bothTexts(ordinaire)) {
      expect(text).toContain('N° Objet');
      expect(text).not.toContain('Objet Page');
      expect(text).toContain('La Présidente');
    }
  });
});
