// Structures of real procès-verbaux (fixtures/structures/proces-verbal-seance.yaml): a list stated
// empty printed as the collectivité prints it, the previous PV's approval after the ordre du jour
// under its own heading, a point worded differently in the ordre du jour and in the PV, the PV
// outcome of « prend acte » and « ajourné », the quorum the séance states, the words joining a
// groupe and names, the secrétaires line, a rapporteure; read back from the PDF (pdf.js) and the
// DOCX (word/document.xml). Each also with the default formulas (nothing added).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/proces-verbal-seance.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-structures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string): string => {
  const file = join(dir, `seance-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};
const DOCS = /^(proces-verbal|ordre-du-jour|convocation|point-0[12]-deliberation)$/;
const get = (docs: Map<string, RenderedDocument>, id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];

/** The fixture without its `formules:` section nor the approval's position: delib's defaults. */
const PLAIN = SOURCE.replace(/ {2}position_approbation_pv: .*\n/, '').replace(
  / {2}formules:\n( {4}.*\n)+/,
  '',
);

const docs = await renderFixture(FILE, DOCS);
const pv = get(docs, 'proces-verbal');
const plainDocs = await renderFixture(write(PLAIN), DOCS);
const plain = get(plainDocs, 'proces-verbal');

describe('the procès-verbal’s structures, in the collectivité’s formulas (PDF and DOCX)', () => {
  it.each([
    'Procuration : –',
    'Aucun conseiller ne s’est fait excuser.',
    'Secrétaire de séance – Mme Noémie Sarrazin',
    'Secrétaire auxiliaire – M. Gaspard Pélissier',
    'Le quorum de 3 membres fixé pour cette réunion est atteint avec 4 élus présents.',
    'APPROBATION DU COMPTE RENDU DU 25 mars 2025',
    'Acte BR-2025-14 – Virement de crédits au budget annexe (forêt communale)',
    'Acte BR-2025-15 – Location de la salle des fêtes – tarifs à compter du 1er juillet',
    'Rapporteure : Mme Noémie Sarrazin',
    'Un scrutin public est demandé par le groupe Vivre à Brenousse, par la voix de M. Octave Labbé.',
    'Amendement n° 1, présenté par le groupe Vivre à Brenousse et défendu par M. Octave Labbé :',
    'Votants : 4 (4 conseillers sur place, 0 pouvoir).',
    'Le Conseil municipal prend acte.',
    'L’examen de ce dossier est remis à une prochaine réunion.',
  ])('prints « %s »', (sentence) => {
    for (const t of both(pv)) expect(t).toContain(foldQuotes(sentence));
  });

  it('prints the approval after the ordre du jour, before the first point', () => {
    for (const t of both(pv)) {
      const lastEntry = t.indexOf(foldQuotes('4. Dénomination du chemin des Saulaies'));
      const heading = t.indexOf('APPROBATION DU COMPTE RENDU DU 25 mars 2025');
      const sentence = t.indexOf('Le compte rendu de la réunion du 25 mars 2025 est adopté');
      const firstPoint = t.indexOf('Acte BR-2025-14');
      expect(lastEntry).toBeGreaterThan(0);
      expect(heading).toBeGreaterThan(lastEntry);
      expect(sentence).toBeGreaterThan(heading);
      expect(firstPoint).toBeGreaterThan(sentence);
    }
  });

  it('makes the approval’s heading a heading of the document, like a point’s', () => {
    const headings = pv.tree.children.filter((b) => b.type === 'heading').map((b) => JSON.stringify(b));
    expect(headings.some((h) => h.includes('APPROBATION DU COMPTE RENDU'))).toBe(true);
    expect(pv.pdf.outline.map((o) => o.title)).toContain('APPROBATION DU COMPTE RENDU DU 25 mars 2025');
  });

  it('words each point in the ordre du jour as the ordre du jour, in its heading as the PV, the act as its objet', () => {
    for (const t of both(pv)) {
      expect(t).toContain('1. Virement de crédits au budget annexe de la forêt');
      expect(t).toContain('2. Tarifs de location de la salle des fêtes');
      expect(t).toContain(
        'Délibération n° BR-2025-14 – Virement de crédits au budget annexe (forêt communale)',
      );
      expect(t).toContain('Délibération n° BR-2025-15 – Tarifs de location de la salle des fêtes');
    }
    for (const id of ['ordre-du-jour', 'convocation']) {
      for (const t of both(get(docs, id))) {
        expect(t).toContain('Virement de crédits au budget annexe de la forêt');
        expect(t).not.toContain('(forêt communale)');
        expect(t).toContain('Tarifs de location de la salle des fêtes');
        expect(t).not.toContain('tarifs à compter du 1er juillet');
      }
    }
    for (const t of both(get(docs, 'point-01-deliberation'))) {
      expect(t).toContain('Virement de crédits au budget annexe (forêt communale)');
      expect(t).not.toContain('Virement de crédits au budget annexe de la forêt');
    }
    for (const t of both(get(docs, 'point-02-deliberation'))) {
      expect(t).toContain('Tarifs de location de la salle des fêtes');
      expect(t).not.toContain('tarifs à compter du 1er juillet');
    }
  });
});

describe('the same séance with delib’s default formulas', () => {
  it.each([
    'Secrétaire de séance : Mme Noémie Sarrazin',
    'Secrétaire auxiliaire : M. Gaspard Pélissier',
    'Le quorum est atteint : 4 membres présents sur 9 en exercice.',
    'Le procès-verbal de la séance du 25 mars 2025 est approuvé à l’unanimité.',
    'Point n° 1 – Virement de crédits au budget annexe (forêt communale)',
    'Point n° 2 – Location de la salle des fêtes – tarifs à compter du 1er juillet',
    'Rapporteure : Mme Noémie Sarrazin',
    'Rapporteur : M. Gaspard Pélissier',
    'Un scrutin public est demandé par le groupe Vivre à Brenousse : M. Octave Labbé.',
    'Amendement n° 1, présenté par le groupe Vivre à Brenousse, M. Octave Labbé :',
    'Votants : 4 (4 présents, 0 représenté).',
    'Le Conseil municipal prend acte.',
    'Ce point est ajourné.',
  ])('prints « %s »', (sentence) => {
    for (const t of both(plain)) expect(t).toContain(foldQuotes(sentence));
  });

  it('removes the lines of the lists stated empty, and prints the approval before the ordre du jour without a heading', () => {
    for (const t of both(plain)) {
      for (const word of [
        'Représentés : .',
        'Représentés : –',
        'Procuration',
        'Excusés',
        'excuser',
        '–.',
        'APPROBATION',
      ]) {
        expect(t).not.toContain(word);
      }
      expect(t.indexOf('Le procès-verbal de la séance du 25 mars 2025')).toBeLessThan(
        t.indexOf('Ordre du jour'),
      );
    }
  });
});

describe('the pouvoirs joined as the collectivité joins them', () => {
  it('puts « pv_pouvoirs_separateur » between two pouvoirs', async () => {
    const text = SOURCE.replace(
      '    representes: []\n',
      '    representes:\n      - { mandant: ymercadier, mandataire: nsarrazin }\n      - { mandant: btrignac, mandataire: gpelissier }\n',
    )
      .replace('absents: [ymercadier, btrignac, cvalette,', 'absents: [cvalette,')
      .replace('vote: { pour: 3, contre: 1, abstentions: 0 }', 'vote: { pour: 5, contre: 1, abstentions: 0 }')
      .replace('vote: { pour: 1, contre: 3, abstentions: 0 }', 'vote: { pour: 1, contre: 5, abstentions: 0 }')
      .replace('  formules:\n', '  formules:\n    pv_pouvoirs_separateur: " ; "\n');
    const t = both(get(await renderFixture(write(text), /^proces-verbal$/), 'proces-verbal'));
    for (const x of t) {
      expect(x).toContain(
        'Procuration : Mme Yolande Mercadier (pouvoir à Mme Noémie Sarrazin) ; M. Basile Trignac (pouvoir à M. Gaspard Pélissier)',
      );
      expect(x).toContain('Votants : 6 (4 conseillers sur place, 2 pouvoirs).');
    }
  });
});

describe('what the YAML does not state is not printed', () => {
  it('prints no line for a list whose key is absent, even with « pv_liste_vide »', async () => {
    const text = SOURCE.replace('    excuses: []\n', '').replace(
      '    pv_excuses_aucun: Aucun conseiller ne s’est fait excuser.\n',
      '',
    );
    const t = both(get(await renderFixture(write(text), /^proces-verbal$/), 'proces-verbal'));
    for (const x of t) {
      expect(x).toContain('Procuration : –');
      expect(x).not.toContain('Excusés');
    }
  });

  it('prints « pv_liste_vide » in the list’s own formula when it has no line of its own', async () => {
    const text = SOURCE.replace('    pv_excuses_aucun: Aucun conseiller ne s’est fait excuser.\n', '');
    const t = both(get(await renderFixture(write(text), /^proces-verbal$/), 'proces-verbal'));
    for (const x of t) expect(x).toContain('Excusés : –.');
  });

  it('prints no outcome for a point without a statut, nor a heading for the approval without a previous PV', async () => {
    const text = SOURCE.replace('    statut: ajourne\n', '').replace(/ {2}pv_precedent:\n( {4}.*\n)+/, '');
    const t = both(get(await renderFixture(write(text), /^proces-verbal$/), 'proces-verbal'));
    for (const x of t) {
      expect(x).toContain('Dénomination du chemin des Saulaies');
      expect(x).not.toContain('remis à une prochaine réunion');
      expect(x).not.toContain('APPROBATION');
      expect(x).not.toContain('compte rendu');
    }
  });
});

describe('a vote stated on an « ajourne » point', () => {
  it('is refused (rule.statut at the vote): an adjourned point was not voted, the PV prints no result', async () => {
    const text = SOURCE.replace(
      '    statut: ajourne\n',
      '    statut: ajourne\n    deliberation:\n      numero: BR-2025-17\n      articles: [Nomme le chemin.]\n      vote: { unanimite: true }\n',
    );
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeUndefined();
    const line = text.split('\n').findLastIndex((l) => l.includes('vote: { unanimite: true }')) + 1;
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['rule.statut', 'erreur', line]]);
    expect(diagnostics[0]?.message).toBe('Le point 4 est ajourné : il n’a pas de vote.');
  });
});

describe('the previous PV approved as a point of the ordre du jour (« pv_precedent.point »)', () => {
  const withPoint = (n: number, source = SOURCE) =>
    source
      .replace(/ {2}position_approbation_pv: .*\n/, '')
      .replace('    date: 2025-03-25\n', `    date: 2025-03-25\n    point: ${n}\n`);

  it('prints the approval in that point’s chapter, its heading one level below the point’s', async () => {
    const pvDoc = get(await renderFixture(write(withPoint(2)), /^proces-verbal$/), 'proces-verbal');
    for (const x of both(pvDoc)) {
      const approval = x.indexOf('Le compte rendu de la réunion du 25 mars 2025 est adopté');
      const heading = x.indexOf('APPROBATION DU COMPTE RENDU DU 25 mars 2025');
      expect(heading).toBeGreaterThan(x.indexOf('Acte BR-2025-15 – Location de la salle des fêtes'));
      expect(approval).toBeGreaterThan(heading);
      expect(approval).toBeLessThan(x.indexOf('Acte BR-2025-16'));
      expect(x.indexOf('Acte BR-2025-15')).toBeGreaterThan(x.indexOf('Acte BR-2025-14'));
      expect(x.split('est adopté à l').length).toBe(2);
      expect(x.split('APPROBATION').length).toBe(2);
    }
    const heading = pvDoc.tree.children.find(
      (b) => b.type === 'heading' && JSON.stringify(b).includes('APPROBATION DU COMPTE RENDU'),
    );
    expect(heading?.type === 'heading' && heading.level).toBe(3);
  });

  it('prints no heading in the chapter when « pv_approbation_titre » is empty (the default)', async () => {
    const pvDoc = get(await renderFixture(write(withPoint(2, PLAIN)), /^proces-verbal$/), 'proces-verbal');
    for (const x of both(pvDoc)) {
      expect(x).toContain(
        foldQuotes('Le procès-verbal de la séance du 25 mars 2025 est approuvé à l’unanimité.'),
      );
      expect(x).not.toContain('APPROBATION');
    }
  });

  it('warns that « position_approbation_pv » is not followed when the approval is a point', async () => {
    const text = SOURCE.replace('    date: 2025-03-25\n', '    date: 2025-03-25\n    point: 2\n');
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeDefined();
    const line = text.split('\n').findIndex((l) => l.includes('position_approbation_pv:')) + 1;
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['rule.record', 'avertissement', line, 28],
    ]);
    expect(diagnostics[0]?.message).toContain('approuvé au point 2');
    expect(diagnostics[0]?.hint).toContain('Retirez « point »');
  });

  it('names a point of the ordre du jour, else rule.record at its line', async () => {
    const text = withPoint(7);
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('point: 7')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.record', line]]);
  });
});

describe('the quorum the séance states', () => {
  it('is the one the validation checks: without it, 4 présents of 9 miss the majority', async () => {
    const text = SOURCE.replace('  quorum: 3\n', '');
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('presents: [hrouviere')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.quorum', line]]);
    expect(diagnostics[0]?.message).toContain('il en faut au moins 5');
  });

  it('is the one the validation checks: a stated quorum above the présents fails', async () => {
    const text = SOURCE.replace('  quorum: 3\n', '  quorum: 6\n');
    const { diagnostics } = await loadAndValidate(write(text));
    expect(diagnostics.map((d) => d.code)).toEqual(['rule.quorum']);
    expect(diagnostics[0]?.message).toContain('il en faut au moins 6');
  });
});
