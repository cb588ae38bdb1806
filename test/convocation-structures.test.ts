// The convocation and the ordre du jour in the collectivité's own words and structure: title
// lines as formulas (dates and hours in several forms, capitals with or without accents), each
// entry's punctuation, affaires urgentes and questions diverses only when the séance states them,
// the signer's line; read back from the PDF (pdf.js) and the DOCX XML.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/validate.ts';
import {
  bothTexts,
  documentOf,
  placesInOrder,
  type RenderedDocument,
  renderFixture,
} from './support/rendered.ts';

const FILE = 'fixtures/structures/convocation.yaml';
const dir = mkdtempSync(join(tmpdir(), 'delib-convocation-structures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const only = /^(convocation|ordre-du-jour)$/;
const docs = await renderFixture(FILE, only);
const get = documentOf;
const both = bothTexts;
/** Each text found, in this order, in the PDF and in the DOCX. */
const inOrder = (d: RenderedDocument, ...texts: string[]) => {
  for (const t of both(d)) {
    const places = placesInOrder(t, texts);
    for (const [i, text] of texts.entries()) expect(places[i], text).toBeGreaterThanOrEqual(0);
  }
};

/** The fixture with its own formulas and its urgences / questions diverses removed or changed. */
async function variant(name: string, edit: (text: string) => string): Promise<Map<string, RenderedDocument>> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edit(readFileSync(FILE, 'utf8')));
  return renderFixture(file, only);
}

describe('a convocation written as the commune’s letter, in PDF and DOCX', () => {
  const convocation = get(docs, 'convocation');

  it('prints its title lines from formulas: numeric date, capitals, weekday and hour in words', () => {
    inOrder(
      convocation,
      'République française',
      'MAIRIE DE SAINT-LOUP-DES-BRANDES',
      'Séance du 14.02.2025',
      'Assemblée du CONSEIL MUNICIPAL',
      'vendredi 14 février 2025 à 20 heures 30',
      'salle des Brandes',
      'Convocation faite le six février deux mille vingt-cinq',
      'Par la présente, Maud Vernay, Maire, convoque les membres du Conseil municipal pour le quatorze février deux mille vingt-cinq à vingt heures trente, la lettre étant datée du six février.',
      'Affaires inscrites :',
    );
    for (const t of both(convocation)) {
      expect(t).not.toContain('CONVOCATION');
      // Emptied letter sentences leave nothing behind.
      // No « Madame, Monsieur, » of delib's own: only the one in the collectivité's closing.
      expect(t.split('Madame, Monsieur,').length).toBe(2);
      expect(t).not.toContain('convoquer');
    }
  });

  it('lists each entry with its punctuation, then the urgences and questions diverses the séance states', () => {
    inOrder(
      convocation,
      'Travaux et patrimoine :',
      'Réfection du toit du lavoir communal,',
      'Location de la parcelle des Genêts à un éleveur,',
      'Affaires funéraires :',
      'Tarifs du columbarium à compter du 1er mars 2025,',
      'Affaires imprévues appelant une décision rapide,',
      'Questions diverses.',
      'Comptant sur votre présence, je vous adresse, Madame, Monsieur, mes sentiments les meilleurs,',
      'La Maire,',
      'Maud Vernay',
      'Liste d’envoi',
      'Mme Maud Vernay – Maire',
      'M. Léon Pradel – Adjoint',
    );
    for (const t of both(convocation)) {
      expect(t).not.toContain('Point n°');
      // Each section once, before the first of its points.
      expect(t.split('Travaux et patrimoine').length).toBe(2);
    }
  });
});

describe('an ordre du jour titled as the collectivité titles it', () => {
  const odj = get(docs, 'ordre-du-jour');

  it('prints the title, then the date line in capitals without accents and the hour « 20H30 »', () => {
    inOrder(
      odj,
      'République française',
      'ORDRE DU JOUR CONSEIL MUNICIPAL',
      '14 FEVRIER 2025 – SALLE DES BRANDES – 20H30',
      'Travaux et patrimoine',
      '1. Réfection du toit du lavoir communal',
      'Rapporteur : Léon Pradel',
      '2. Location de la parcelle des Genêts à un éleveur',
      'Rapporteure : Maud Vernay',
      '3. Tarifs du columbarium',
      'Affaires imprévues appelant une décision rapide',
      'Questions diverses',
      'Convoqué le 06/02/2025.',
      'La Maire de Saint-Loup,',
    );
    for (const t of both(odj)) {
      expect(t).not.toContain('Séance du');
      expect(t).not.toContain('Point n°');
      expect(t).not.toContain('Convocation adressée');
    }
  });

  it('makes the title the document’s heading, in the tree and the DOCX outline level', () => {
    const block = odj.tree.children.find((b) => b.type === 'titleBlock');
    const heading =
      block?.type === 'titleBlock' ? block.children.find((c) => c.type === 'heading') : undefined;
    expect(JSON.stringify(heading)).toContain('ORDRE DU JOUR CONSEIL MUNICIPAL');
    const xml = odj.docx.parts.get('word/document.xml') ?? '';
    const headings = xml
      .split('</w:p>')
      .filter((p) => p.includes('<w:outlineLvl w:val="0"/>'))
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(headings).toEqual(['ORDRE DU JOUR CONSEIL MUNICIPAL']);
  });
});

describe('nothing the séance does not state', () => {
  it('prints no urgences nor questions diverses unless the séance says so', async () => {
    const without = await variant('sans-entrees', (t) =>
      t.replace(/^ {2}urgences: true\n {2}questions_diverses: true\n/m, ''),
    );
    for (const id of ['convocation', 'ordre-du-jour']) {
      for (const t of both(get(without, id))) {
        expect(t).not.toContain('Questions diverses');
        expect(t).not.toContain('Affaires imprévues');
      }
    }
    // The punctuation follows the last entry actually listed.
    inOrder(
      get(without, 'convocation'),
      'Genêts à un éleveur,',
      'Tarifs du columbarium à compter du 1er mars 2025.',
    );
  });

  it('words the entries with delib’s defaults when the séance states them without formulas', async () => {
    const plain = await variant('defauts', (t) => t.replace(/^ {2}formules:\n(?: {4}.*\n| {6}.*\n)*/m, ''));
    inOrder(
      get(plain, 'convocation'),
      'CONSEIL MUNICIPAL',
      'CONVOCATION',
      'Point n° 3 – Tarifs du columbarium à compter du 1er mars 2025',
      'Affaires urgentes',
      'Questions diverses',
      'La Maire',
    );
    // Sections head the ordre du jour; the convocation's list has them only with `convocation_section`.
    for (const t of both(get(plain, 'convocation'))) expect(t).not.toContain('Travaux et patrimoine');
    inOrder(
      get(plain, 'ordre-du-jour'),
      'CONSEIL MUNICIPAL',
      'Séance du 14 février 2025 à 20 h 30',
      'salle des Brandes',
      'ORDRE DU JOUR',
      'Travaux et patrimoine',
      'Point n° 1 – Réfection du toit du lavoir communal',
      'Affaires urgentes',
      'Questions diverses',
      'Convocation adressée le 6 février 2025.',
    );
  });

  it('reports a title formula holding an unknown value at its line', async () => {
    const file = join(dir, 'faute.yaml');
    const text = readFileSync(FILE, 'utf8').replace('{heure_longue}', '{heure_long}');
    writeFileSync(file, text);
    const { diagnostics } = await loadAndValidate(file);
    const problem = diagnostics.find((d) => d.code === 'rule.formula');
    expect(problem?.line).toBe(
      text.split('\n').findIndex((l) => l.startsWith('    convocation_titre_apres:')) + 1,
    );
    expect(problem?.message).toContain('convocation_titre_apres');
  });
});

describe('the liste des délibérations as the collectivité titles it (its compte rendu)', () => {
  it('prints its own title and introduction, and no display mention when emptied', async () => {
    const file = join(dir, 'liste.yaml');
    const own = `collectivite:
  formules:
    liste_titre: "Compte rendu sommaire de la séance"
    liste_introduction: "Décisions prises par le {instance} réuni le {date} :"
    liste_affichage: ""
`;
    writeFileSync(file, readFileSync('fixtures/apres-seance.yaml', 'utf8').replace(/^collectivite:\n/m, own));
    const liste = get(await renderFixture(file, /^liste-des-deliberations$/), 'liste-des-deliberations');
    inOrder(
      liste,
      'CONSEIL MUNICIPAL',
      'Compte rendu sommaire de la séance',
      'Décisions prises par le Conseil municipal réuni le 20 mars 2025 :',
    );
    for (const t of both(liste)) {
      expect(t).not.toContain('LISTE DES DÉLIBÉRATIONS');
      expect(t).not.toContain('L. 2121-25');
      expect(t).not.toContain('Affichée le');
    }
    const plain = get(
      await renderFixture('fixtures/apres-seance.yaml', /^liste-des-deliberations$/),
      'liste-des-deliberations',
    );
    inOrder(
      plain,
      'LISTE DES DÉLIBÉRATIONS',
      'établie en application de l’article L. 2121-25',
      'Affichée le :',
    );
  });
});

describe('the annexes under a point of the ordre du jour', () => {
  it('are listed in the collectivité’s words', async () => {
    const file = join(dir, 'annexes.yaml');
    const own =
      'collectivite:\n  formules:\n    ordre_du_jour_annexe: "Pièce jointe n° {numero} – {titre}"\n';
    writeFileSync(file, readFileSync('fixtures/avant-seance.yaml', 'utf8').replace(/^collectivite:\n/m, own));
    const odj = get(await renderFixture(file, /^ordre-du-jour$/), 'ordre-du-jour');
    inOrder(
      odj,
      'Point n° 2 – Convention',
      'Pièce jointe n° 1 – Convention de mise à disposition de la salle des fêtes',
    );
    for (const t of both(odj)) expect(t).not.toContain('Annexe 1 :');
  });
});
