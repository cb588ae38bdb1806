import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveFormules } from '../src/facts/formules.ts';
import { voteFacts } from '../src/facts/vote.ts';
import { seanceDays } from '../src/template/seance-text.ts';
import { voteSentence } from '../src/template/vote-sentence.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/deliberation.yaml';
const docs = await renderFixture(FILE, /deliberation|ordre-du-jour/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];
/** Each text found, in this order, in the PDF and in the DOCX. */
const inOrder = (d: RenderedDocument, ...texts: string[]) => {
  for (const t of both(d)) {
    let from = 0;
    for (const text of texts) {
      const at = t.indexOf(foldQuotes(text), from);
      expect(at, text).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  }
};

describe('a délibération as the collectivité writes it, in PDF and DOCX', () => {
  const first = get('point-01-deliberation');

  it('prints the header lines, the transmission at the top and the direction, before the title', () => {
    inOrder(
      first,
      'RÉPUBLIQUE FRANÇAISE',
      'Département des Hautes-Combes',
      'Arrondissement de Pierrelaine',
      'Transmise en préfecture le : 31 janvier 2025 – Publiée le : 3 février 2025 – Identifiant : 098-219800012-20250129-DE_2025_004-DE',
      'Direction des ressources – Service des finances',
      'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS',
      'Session ordinaire d’hiver',
      'Séance des 28 et 29 janvier 2025',
      'DÉLIBÉRATION N° DE_2025_004',
      'Fait et délibéré en séance',
    );
    for (const t of both(first)) expect(t.split('Transmise en préfecture').length).toBe(2);
  });

  it('states the attendance with civilities, delegations, excusés, absents and every secrétaire', () => {
    inOrder(
      first,
      'sous la présidence de Mme Hélène Brissac, Maire.',
      'Conseillers en exercice : 15 – présents : 10 – votants : 12',
      'Étaient présents : Mme Hélène Brissac, M. Théo Corbière, Mme Agnès Vallin, M. Noël Marsac, Mme Lise Perrot, M. Gaspard Daumal, Mme Cécile Fauvel, M. Romain Baudry, Mme Éva Castel et M. Jules Lorrain.',
      'Absents ayant donné délégation de vote : Mme Maud Giraud, délégation de vote à M. Théo Corbière, M. Pierre Serval, délégation de vote à Mme Agnès Vallin.',
      'Absents excusés : Mme Odette Vautrin et M. Basile Morlaix.',
      'Absent : Mme Yvonne Renaud.',
      'Secrétaires de séance : Mme Lise Perrot et M. Gaspard Daumal',
      'Secrétaire auxiliaire : Odile Ferrand, directrice générale des services',
    );
  });

  it('prints the exposé, « Sur le rapport de », the text before the decision and after the articles', () => {
    inOrder(
      first,
      'OBJET : Budget annexe de la régie des eaux – décision modificative n° 1',
      'Mes chers collègues,',
      'Il vous est proposé de déplacer les crédits suivants :',
      '4 200 € du chapitre des dépenses imprévues ;',
      'Sur le rapport de M. Théo Corbière, premier adjoint chargé des finances,',
      'Le Conseil municipal,',
      'Vu le code général des collectivités territoriales ;',
      'Considérant que les crédits de l’entretien des réseaux sont insuffisants ;',
      'La commission des finances, réunie le 20 janvier 2025, a donné un avis favorable.',
      'Après en avoir délibéré,',
      'DÉLIBÈRE',
      'Article 1er – Adopte la décision modificative n° 1',
      'Article 2 – Charge Madame la Maire de son exécution.',
      'Les crédits ainsi déplacés seront retracés au compte administratif.',
      'Adoptée par 10 voix pour, 2 voix contre et aucune abstention.',
    );
    // The rapporteur line is emptied by the collectivité: « Sur le rapport de » replaces it.
    for (const t of both(first)) expect(t).not.toContain('Rapporteur');
  });

  it('leaves out a zero count unless the collectivité words it, and prints nothing it was not given', () => {
    const second = get('point-02-deliberation');
    inOrder(second, 'Adoptée à l’unanimité des suffrages exprimés (11 voix pour et 1 abstention).');
    for (const t of both(second)) {
      expect(t).not.toContain('voix contre');
      expect(t).not.toContain('Transmise');
      expect(t).not.toContain('Direction');
      expect(t).not.toContain('Entendu');
    }
  });

  it('lists the ordre du jour by section with the collectivité’s own numbers', () => {
    const odj = get('ordre-du-jour');
    inOrder(
      odj,
      'Séance des 28 et 29 janvier 2025 à 18 h 30',
      'I – FINANCES',
      'Point n° 1-1 – Budget annexe de la régie des eaux',
      'II – VOIRIE',
      'Point n° 2-1 – Dénomination de l’impasse des Tanneurs',
    );
    const headings = odj.tree.children.filter((b) => b.type === 'heading');
    expect(headings.map((h) => (h.type === 'heading' ? h.level : 0))).toEqual([2, 3, 2, 3]);
  });
});

describe('the vote sentence as formulas', () => {
  const f = resolveFormules(undefined, '2025-01-28');
  const vote = (pour: number, contre: number, abstentions: number) =>
    voteFacts({ pour, contre, abstentions }, new Map());

  it('leaves out zero counts by default', () => {
    expect(voteSentence(vote(20, 3, 0), 'f', f)).toBe('Adoptée par 20\u00A0voix pour et 3\u00A0voix contre.');
    expect(voteSentence(vote(20, 0, 0), 'f', f)).toBe(
      'Adoptée à l’unanimité des suffrages exprimés (20\u00A0voix pour).',
    );
    expect(voteSentence(vote(4, 9, 2), 'm', f)).toBe(
      'Rejeté par 4\u00A0voix pour, 9\u00A0voix contre et 2\u00A0abstentions.',
    );
  });

  it('prints the collectivité’s words for each part and for a zero count', () => {
    const own = resolveFormules(
      {
        vote_adopte: 'Adopté{e} à la majorité : {detail}.',
        vote_pour: '{nombre} pour',
        vote_contre: '{nombre} contre',
        vote_abstentions_aucune: 'aucune abstention',
        vote_contre_aucune: '0 voix contre',
      },
      '2025-01-28',
    );
    expect(voteSentence(vote(20, 3, 0), 'f', own)).toBe(
      'Adoptée à la majorité : 20 pour, 3 contre et aucune abstention.',
    );
    expect(voteSentence(vote(20, 0, 1), 'f', own)).toBe(
      'Adoptée à l’unanimité des suffrages exprimés (20 pour, 0 voix contre et 1\u00A0abstention).',
    );
  });
});

describe('the days of a séance', () => {
  it('writes the month and the year once', () => {
    expect(seanceDays({ date: '2025-01-28' })).toEqual({ du: 'du', dates: '28 janvier 2025' });
    expect(seanceDays({ date: '2025-01-28', jours_suivants: ['2025-01-29', '2025-01-30'] }).dates).toBe(
      '28, 29 et 30 janvier 2025',
    );
    expect(seanceDays({ date: '2025-06-30', jours_suivants: ['2025-07-01'] })).toEqual({
      du: 'des',
      dates: '30 juin et 1er juillet 2025',
    });
    expect(seanceDays({ date: '2024-12-31', jours_suivants: ['2025-01-01'] }).dates).toBe(
      '31 décembre 2024 et 1er janvier 2025',
    );
  });
});

describe('excusés in the attendance count', () => {
  it('counts them among the members in exercice', async () => {
    const { seance, diagnostics } = await loadAndValidate(FILE);
    expect(diagnostics.filter((d) => d.severity === 'erreur')).toEqual([]);
    expect(seance?.seance.presences?.excuses).toHaveLength(2);
  });

  const dir = mkdtempSync(join(tmpdir(), 'delib-structures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a sum that leaves them out, at the presences', async () => {
    const text = readFileSync(FILE, 'utf8').replace('membres_en_exercice: 15', 'membres_en_exercice: 13');
    writeFileSync(join(dir, 'seance.yaml'), text);
    const { diagnostics } = await loadAndValidate(join(dir, 'seance.yaml'));
    const sum = diagnostics.find((d) => d.code === 'rule.attendance-sum');
    expect(sum?.message).toContain('+ excusés (2) = 15');
    expect(sum?.line).toBe(text.split('\n').findIndex((l) => l.startsWith('  presences:')) + 2);
  });
});

describe('the title, the objet, name lists, the vote count and the transmission in the collectivité’s words', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-structures-words-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const own = [
    '    extrait: EXTRAIT DES DELIBERATIONS DE LA COMMUNE DE VIRELOUP',
    '    instance_titre: ""',
    '    objet: "{objet} ({numero})"',
    '    liste_et: ""',
    '    vote_detail: "pour : {pour} - contre : {contre} - abstentions : {abstentions}"',
    '    vote_pour: "{nombre}"',
    '    vote_contre: "{nombre}"',
    '    vote_adopte: "Adoptée ({detail})."',
    '    article_premier: ""',
    '    executoire_titre: ""',
    '    executoire: "Signée le {signature_chiffres}, reçue en préfecture le {prefecture_jour}"',
  ].join('\n');
  const text = readFileSync(FILE, 'utf8')
    .replace('  formules:\n', `  formules:\n${own}\n`)
    .replace('vote_abstentions_aucune: aucune abstention', 'vote_abstentions_aucune: "0"')
    .replace('  position_executoire: haut\n', '  position_executoire: haut\n  objet_en_tete: true\n')
    .replace(
      '        prefecture: 2025-01-31',
      '        prefecture: 2025-01-31\n        signature: 2025-01-30',
    );
  writeFileSync(join(dir, 'seance.yaml'), text);
  const words = await renderFixture(join(dir, 'seance.yaml'), /point-01-deliberation/);
  const act = words.get('point-01-deliberation');
  if (!act) throw new Error('no point-01-deliberation');

  it('prints each of them as written', () => {
    inOrder(
      act,
      'Signée le 30/01/2025, reçue en préfecture le vendredi 31 janvier 2025',
      'EXTRAIT DES DELIBERATIONS DE LA COMMUNE DE VIRELOUP',
      'Session ordinaire d’hiver',
      'Budget annexe de la régie des eaux – décision modificative n° 1 (DE_2025_004)',
      'L’an deux mille vingt-cinq, le vingt-huit janvier',
      'Mme Éva Castel, M. Jules Lorrain.',
      'Mes chers collègues,',
      'DÉLIBÈRE Adopte la décision modificative n° 1',
      'Article 2 – Charge Madame la Maire',
      'Adoptée (pour : 10 - contre : 2 - abstentions : 0).',
    );
    for (const t of both(act)) {
      expect(t).not.toContain('CONSEIL MUNICIPAL');
      expect(t).not.toContain('OBJET');
      expect(t).not.toContain('Castel et M.');
      expect(t).not.toContain('**');
    }
  });
});
