// Formulas that take the séance's values (c16, from the corpus): the liste des délibérations'
// title lines (liste_titre_avant, liste_titre_date, liste_titre, liste_titre_apres) as a métropole's
// recueil titles its list, and the PV's réunion sentence with the weekday and the hour in words
// (« Le jeudi 30 septembre 2021 à 8 heures 30, … »), in PDF and DOCX.
import { describe, expect, it } from 'vitest';
import { foldQuotes, renderFixture } from './support/rendered.ts';

const docs = await renderFixture('fixtures/structures/seance-plusieurs-jours.yaml', /liste|proces-verbal/);
const liste = docs.get('liste-des-deliberations');

describe('the liste des délibérations titled in the collectivité’s words', () => {
  it('prints each title line of the formulas, in this order, in PDF and DOCX', () => {
    if (!liste) throw new Error('no liste');
    const lines = [
      'Recueil des actes du Comité syndical',
      'Délibérations de la séance des 11 et 12 mars 2025',
      'SEANCE DES 11 ET 12 MARS 2025 À 18H00',
    ];
    const paragraphs = liste.docx.paragraphs.map((p) => foldQuotes(p.text));
    expect(
      paragraphs.slice(paragraphs.indexOf(lines[0] ?? ''), paragraphs.indexOf(lines[0] ?? '') + 3),
    ).toEqual(lines);
    const pdf = liste.pdf.bodyLines().map(foldQuotes);
    const at = pdf.indexOf(lines[0] ?? '');
    expect(pdf.slice(at, at + 3)).toEqual(lines);
    // The default lines are gone: the instance in capitals, « Séance des … », the default title.
    expect(liste.docxText).not.toContain('COMITÉ SYNDICAL');
    expect(liste.pdfText).not.toContain('LISTE DES DÉLIBÉRATIONS');
  });
});

describe('the PV’s réunion sentence with every value of the séance', () => {
  it('writes the weekday and the hour as the collectivité does (pv_reunion), in PDF and DOCX', () => {
    const pv = docs.get('proces-verbal');
    if (!pv) throw new Error('no proces-verbal');
    const sentence =
      'Le mardi 11 mars 2025 à 18 heures, le Comité syndical s’est réuni, maison des Étangs, sous la présidence de Mme Aline Garnier, Présidente.';
    expect(pv.docx.paragraphs.map((p) => foldQuotes(p.text))).toContain(foldQuotes(sentence));
    expect(foldQuotes(pv.pdfText)).toContain(foldQuotes(sentence));
    expect(pv.pdf.bodyLines().some((l) => foldQuotes(l).startsWith('Le mardi 11 mars 2025 à 18'))).toBe(true);
  });
});
