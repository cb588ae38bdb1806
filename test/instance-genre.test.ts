import { describe, expect, it } from 'vitest';
import { genreOfInstance, instanceForms } from '../src/template/grammar.ts';
import { anneeEnLettresAvec } from '../src/template/helpers/date-en-lettres.ts';
import { foldQuotes, renderFixture } from './support/rendered.ts';

describe('the instance’s article and agreement follow its genre', () => {
  it('writes the year’s thousands as the collectivité does', () => {
    expect(anneeEnLettresAvec('2024-12-09', 'mil')).toBe('deux mil vingt-quatre');
    expect(anneeEnLettresAvec('2024-12-09', 'mille')).toBe('deux mille vingt-quatre');
    expect(anneeEnLettresAvec('2000-01-01', 'mil')).toBe('deux mil');
  });

  it('derives the genre from the first word, or takes the YAML’s', () => {
    expect(genreOfInstance('Conseil municipal')).toBe('m');
    expect(genreOfInstance('Commission permanente')).toBe('f');
    expect(genreOfInstance('Assemblée de Corse')).toBe('f');
    expect(genreOfInstance('Bureau communautaire')).toBe('m');
    expect(genreOfInstance('Délégation spéciale', 'm')).toBe('m');
    expect(instanceForms('Conseil municipal')).toEqual({
      le_instance: 'le Conseil municipal',
      Le_instance: 'Le Conseil municipal',
      du_instance: 'du Conseil municipal',
      e: '',
    });
    expect(instanceForms('Commission permanente')).toMatchObject({
      le_instance: 'la Commission permanente',
      Le_instance: 'La Commission permanente',
      du_instance: 'de la Commission permanente',
      e: 'e',
    });
    expect(instanceForms('Assemblée de Corse')).toMatchObject({
      le_instance: 'l’Assemblée de Corse',
      Le_instance: 'L’Assemblée de Corse',
      du_instance: 'de l’Assemblée de Corse',
    });
  });

  it('prints « La Commission permanente » and « s’est réunie » in the act, PDF and DOCX', async () => {
    const docs = await renderFixture('fixtures/structures/instance-feminine.yaml', /deliberation|projet/);
    const act = docs.get('point-01-deliberation');
    const liste = docs.get('liste-des-deliberations');
    if (!act || !liste) throw new Error('documents missing');
    for (const text of [act.pdfText, act.docxText].map(foldQuotes)) {
      expect(text).toContain(
        foldQuotes(
          'L’an deux mil vingt-cinq, le seize mai, à dix heures, la Commission permanente, légalement convoquée le 2 mai 2025, s’est réunie sous la présidence de Mme Clarisse Deveaux, Présidente du conseil régional.',
        ),
      );
      expect(text).toContain('La Commission permanente,');
      // Only the identifier is stated: no dash for the absent dates.
      expect(text).toContain('Caractère exécutoire – Identifiant : 098-239800017-20250516-CP2025_031-DE');
      expect(text).not.toMatch(/\b[Ll]e Commission/);
    }
    for (const text of [act.pdfText, act.docxText]) {
      const order = [
        'Séance du 16 mai 2025',
        'Direction des lycées – Service de la restauration',
        'DÉLIBÉRATION N° CP-2025-031',
      ];
      const at = order.map((line) => text.indexOf(line));
      expect(at, text).toEqual([...at].sort((a, b) => a - b));
      expect(at[0]).toBeGreaterThanOrEqual(0);
    }
    for (const text of [liste.pdfText, liste.docxText].map(foldQuotes)) {
      expect(text).toContain('examinées par la Commission permanente lors de sa séance');
    }
  });

  it('prints the projet’s title from its formula, the direction inside the title', async () => {
    const docs = await renderFixture('fixtures/structures/instance-feminine.yaml', /point-02-projet/);
    const projet = docs.get('point-02-projet');
    if (!projet) throw new Error('projet missing');
    for (const text of [projet.pdfText, projet.docxText]) {
      const at = [
        'Séance du 16 mai 2025',
        'Direction des transports',
        'PROJET DE DÉLIBÉRATION N° CP-2025-032',
      ].map((line) => text.indexOf(line));
      expect(at[0], text).toBeGreaterThanOrEqual(0);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
  });

  it('agrees in the procès-verbal and the convocation too', async () => {
    const docs = await renderFixture(
      'fixtures/structures/instance-feminine.yaml',
      /proces-verbal|convocation/,
    );
    const pv = docs.get('proces-verbal');
    const convocation = docs.get('convocation');
    if (!pv || !convocation) throw new Error('documents missing');
    for (const text of [pv.pdfText, pv.docxText].map(foldQuotes)) {
      expect(text).toContain(
        foldQuotes(
          'La Commission permanente, légalement convoquée le 2 mai 2025, s’est réunie le 16 mai 2025 à 10 h, sous la présidence de Mme Clarisse Deveaux, Présidente du conseil régional.',
        ),
      );
      expect(text).toContain('décisions prises par délégation de la Commission permanente');
    }
    for (const text of [convocation.pdfText, convocation.docxText].map(foldQuotes)) {
      expect(text).toContain(foldQuotes('à la séance de la Commission permanente qui se tiendra le'));
    }
  });
});
