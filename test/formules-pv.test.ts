// The procès-verbal in the collectivité's own words: its vote formulas and the `pv_…` formulas,
// read back from the PDF (pdf.js) and the DOCX (word/document.xml).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-formules-pv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMULES = `  formules:
    vote_unanimite: Adopté{e} à l’unanimité des membres.
    pv_unanimite: sans opposition
    pv_par: "au scrutin de {detail}"
    pv_approbation: "Le compte rendu de la réunion du {date} est adopté[ {vote}][{corrections}]."
    pv_ouverture: "Madame la Maire ouvre la séance à {heure}."
    pv_appel: ""
    pv_suspension: "Suspension à {heure}[ ({motif})][, reprise à {reprise}]."
    pv_amendement_rejete: "Amendement {numero} : rejeté {vote}."
    pv_votants: "Nombre de votants : {votants}."
    pv_scrutin: "Le vote a lieu au scrutin {scrutin}."
    pv_resultat: "Résultat du vote sur la délibération {numero} : {resultat}"
    pv_cloture: "Plus rien n’étant à l’ordre du jour, la séance est levée à {heure}."
    pv_arrete: "Arrêté le {date}."
    en_exercice: Conseillers en exercice
    pv_arrivee: "{nom} rejoint la séance[ à {heure}]."
    pv_depart: "{nom} quitte la séance[ à {heure}][ et donne pouvoir à {mandataire}]."
    pv_retire: "Point retiré[ : {motif}]."
    pv_ajoute: Point ajouté en séance.
    pv_quorum: "Quorum : {presents} sur {en_exercice}."
    pv_decisions: "Compte rendu des décisions de {president} :"
    pv_demande_scrutin: "Demande de scrutin {scrutin}[ de {par}]."
    pv_amendement: "Amendement {numero}[ ({auteur})] :"
    pv_correction: "Rectification[ de {nom}] :"
    pv_question: "Question orale de {nom}[ ({groupe})] :"
    pv_reponse: "Réponse[ apportée par {nom}] :"
`;

async function render(): Promise<RenderedDocument> {
  const text = readFileSync('fixtures/valmorin-2024-09-26.yaml', 'utf8').replace(
    /^collectivite:\n/m,
    `collectivite:\n${FORMULES}`,
  );
  const file = join(dir, 'seance.yaml');
  writeFileSync(file, text);
  const pv = (await renderFixture(file, /^proces-verbal$/)).get('proces-verbal');
  if (!pv) throw new Error('no procès-verbal');
  return pv;
}

const pv = await render();
const both = [foldQuotes(pv.pdfText), foldQuotes(pv.docxText)];

describe('the procès-verbal in the collectivité’s words, in PDF and DOCX', () => {
  it.each([
    'Madame la Maire ouvre la séance à 20 h 02.',
    'Conseillers en exercice : 15 – Présents : 12',
    'Le compte rendu de la réunion du 20 juin 2024 est adopté sans opposition',
    'Amendement 1 : rejeté au scrutin de 3 voix pour et 11 voix contre.',
    'Nombre de votants : 14.',
    'Suspension à 20 h 41 (à la demande du groupe Valmorin autrement, avant le vote des amendements), reprise à 20 h 49.',
    'Le vote a lieu au scrutin public.',
    'Résultat du vote sur la délibération 2024_09_01 : Adoptée par 11 voix pour et 3 voix contre.',
    'Adoptée à l’unanimité des membres.',
    'Plus rien n’étant à l’ordre du jour, la séance est levée à 22 h 14.',
    'Arrêté le 14 novembre 2024.',
    'rejoint la séance à 20 h 55.',
    'quitte la séance à 21 h 32.',
    'Point retiré',
    'Point ajouté en séance.',
    'Quorum : 12 membres présents sur 15.',
    'Compte rendu des décisions de Mme Agathe Morel :',
    'Demande de scrutin public de le groupe Valmorin autrement',
    'Amendement 1 (le groupe Valmorin autrement, M.',
    'Rectification de Mme Karine Bénard :',
    'Question orale de M. Léo Fontaine (Valmorin autrement) :',
    'Réponse apportée par Mme Agathe Morel :',
  ])('prints « %s »', (sentence) => {
    for (const t of both) expect(t).toContain(foldQuotes(sentence));
  });

  it('drops a sentence whose formula is empty, and no longer prints delib’s defaults', () => {
    for (const t of both) {
      expect(t).not.toContain('appel nominal');
      expect(t).not.toContain('La séance est ouverte');
      expect(t).not.toContain('La séance est levée');
      expect(t).not.toContain('Votants : 14 (');
      expect(t).not.toContain('Membres en exercice');
      expect(t).not.toContain(foldQuotes('avant l’examen de ce point'));
      expect(t).not.toContain('Le quorum est atteint');
      expect(t).not.toContain('rend compte des décisions');
      expect(t).not.toContain('Correction demandée');
      expect(t).not.toContain('Question de');
    }
  });
});

describe('an emptied title formula of the procès-verbal', () => {
  it('prints the text alone, with no empty bold mark before it', async () => {
    const text = readFileSync('fixtures/valmorin-2024-09-26.yaml', 'utf8').replace(
      /^collectivite:\n/m,
      'collectivite:\n  formules:\n    pv_amendement: ""\n    pv_question: ""\n    pv_reponse: ""\n',
    );
    const file = join(dir, 'titres-vides.yaml');
    writeFileSync(file, text);
    const emptied = (await renderFixture(file, /^proces-verbal$/)).get('proces-verbal');
    if (!emptied) throw new Error('no procès-verbal');
    for (const t of [foldQuotes(emptied.pdfText), foldQuotes(emptied.docxText)]) {
      expect(t).not.toContain('*');
      expect(t).not.toContain('Amendement n° 1');
      expect(t).toContain(foldQuotes('Inscrire 12 000 € au chapitre 21'));
      expect(t).toContain(foldQuotes('Quand les travaux de la passerelle'));
      expect(t).toContain(foldQuotes('Le chantier reprendra à la mi-octobre'));
    }
  });
});
