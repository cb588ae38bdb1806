// The procès-verbal's remaining fixed words as the collectivité's formulas (titles, attendance
// lines, secrétaires, ordre du jour, decisions, points, named-vote table), a point without a vote
// left without a vote or an act, the PV's names following `nom_membre`, and who signs the
// délibération; read back from the PDF (pdf.js) and the DOCX (word/document.xml).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, DocumentTree } from '../src/tree/types.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/proces-verbal.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-formules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with its text changed, rendered: the documents whose id matches. */
async function renderVariant(
  change: (text: string) => string,
  only: RegExp,
): Promise<Map<string, RenderedDocument>> {
  const file = join(dir, `seance-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, change(SOURCE));
  return renderFixture(file, only);
}

const get = (docs: Map<string, RenderedDocument>, id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];

const docs = await renderFixture(FILE, /^(proces-verbal|point-01-deliberation|liste-des-deliberations)$/);
const pv = get(docs, 'proces-verbal');

describe('the procès-verbal’s fixed words, in the collectivité’s formulas (PDF and DOCX)', () => {
  it.each([
    'Compte rendu de la réunion du Comité syndical du 12 mars 2025',
    'Délégués présents : Mme Maëlle Tessier, M. Raoul Dufresne, Mme Coralie Berthon, Mme Armelle Lemaître, M. Firmin Godard, Mme Solène Roche et M. Timothée Maillard.',
    'Délégués représentés : Mme Josiane Vernet, qui a donné procuration à Mme Solène Roche.',
    'Délégués excusés : M. Pascal Caradec.',
    'Le comité confie le secrétariat de la réunion à Mme Coralie Berthon et Mme Armelle Lemaître, désignées à l’unanimité.',
    'Questions inscrites',
    'Question I : Tarifs de l’eau pour 2025',
    'Question III : Convention de passage avec un riverain – question retirée',
    'Question IV : Adhésion au groupement de commandes des réactifs – question ajoutée en réunion',
    'Arrêté A-2025-07 pris le 10 février 2025 portant attribution du marché de curage du bassin des Aulnettes',
    'Arrêté portant location d’un local de stockage pour les compteurs',
    'Information de la Présidente – Relevés de la qualité de l’eau – Les analyses de février sont toutes conformes aux seuils réglementaires.',
    'Question I – Tarifs de l’eau pour 2025 (délibération CS-2025-05)',
    'Rapporteure de la question : Mme Coralie Berthon',
    'Rapporteur de la question : M. Raoul Dufresne',
    'Prise de parole de M. Firmin Godard (pour la liste Rives nouvelles) : Il demande un tarif social',
    'Un scrutin public est demandé par les délégués de la liste Rives nouvelles : M. Firmin Godard et Mme Solène Roche.',
    'Amendement n° 1, présenté par les délégués de la liste Rives nouvelles, Mme Solène Roche :',
    'Vers 19 h 12, une alarme de la station interrompt brièvement la réunion.',
    'Voir la délibération CS-2025-05 : Tarifs de l’eau pour 2025.',
    'Voir la délibération CS-2025-07 : Adhésion au groupement de commandes des réactifs.',
    'Questions des délégués',
  ])('prints « %s »', (sentence) => {
    for (const t of both(pv)) expect(t).toContain(foldQuotes(sentence));
  });

  it('titles the document with the formulas’ lines only', () => {
    for (const t of both(pv)) {
      expect(
        t.startsWith(
          foldQuotes(
            'Compte rendu de la réunion du Comité syndical du 12 mars 2025 salle de la station de pompage des Aulnettes Le Comité syndical',
          ),
        ),
      ).toBe(true);
      expect(t).not.toContain('COMITÉ SYNDICAL');
    }
  });

  it('heads the named-vote table and its rows with the collectivité’s words', () => {
    for (const t of both(pv)) {
      expect(t).toContain('Sens du vote Voix Délégués');
      expect(t).toContain(
        'Favorables 5 Mme Maëlle Tessier, M. Raoul Dufresne, Mme Coralie Berthon, Mme Armelle Lemaître et M. Timothée Maillard',
      );
      expect(t).toContain('Opposés 2 M. Firmin Godard et Mme Solène Roche');
      expect(t).toContain('Abstenus 1 Mme Josiane Vernet');
      expect(t).not.toContain('Ne votent pas');
    }
  });

  it('leaves none of the default words the formulas replace', () => {
    for (const t of both(pv)) {
      for (const word of [
        'PROCÈS-VERBAL',
        'Ordre du jour',
        'Point n°',
        'Rapporteur :',
        'Communication :',
        'le groupe',
        '(retiré)',
        '(ajouté en séance)',
        'Questions orales',
        'Décision n°',
        'À 19 h 12',
        'désignés',
      ]) {
        expect(t).not.toContain(word);
      }
    }
  });

  it('titles each point’s bookmark with the formula', () => {
    const titles = pv.pdf.outline.map((b) => foldQuotes(b.title));
    expect(titles).toContain(foldQuotes('Question II – Étude de sécurisation du réservoir des Crêtes'));
    expect(titles).toContain(foldQuotes('Question III – Convention de passage avec un riverain'));
  });
});

describe('the liste des délibérations’ table, in the collectivité’s formulas', () => {
  it('heads its columns and words each outcome as the collectivité does', () => {
    const liste = get(docs, 'liste-des-deliberations');
    for (const t of both(liste)) {
      expect(t).toContain('Acte Question Décision du comité');
      expect(t).toContain(
        foldQuotes(
          'CS-2025-05 Tarifs de l’eau pour 2025 Adoptée : 5 voix favorables, 2 voix opposées, 1 abstention',
        ),
      );
      expect(t).toContain('Convention de passage avec un riverain Question retirée');
      expect(t).toContain(
        'CS-2025-07 Adhésion au groupement de commandes des réactifs Adoptée sans opposition',
      );
      // The projet without a vote is not in the liste.
      expect(t).not.toContain('CS-2025-06');
      expect(t).not.toContain('Résultat');
    }
  });
});

/** The text of the PV between two point titles. */
const between = (text: string, from: string, to: string): string => {
  const start = text.indexOf(foldQuotes(from));
  const end = text.indexOf(foldQuotes(to), start + 1);
  if (start < 0 || end < 0) throw new Error(`no ${from} … ${to}`);
  return text.slice(start, end);
};

describe('a délibération without a vote, in the procès-verbal', () => {
  it('gets no vote line, no act number and no reference to an act', async () => {
    const plain = get(
      await renderVariant((t) => t.replace(/^ {2}formules:\n(?: {4}.*\n)+/m, ''), /^proces-verbal$/),
      'proces-verbal',
    );
    const cases: [RenderedDocument, string, string][] = [
      [pv, 'Question II –', 'Question III –'],
      [plain, 'Point n° 2 –', 'Point n° 3 –'],
    ];
    for (const [doc, from, to] of cases) {
      for (const t of both(doc)) {
        const point = between(t, from, to);
        expect(point).toContain('Le rapporteur présente le cahier des charges');
        for (const word of ['Votants', 'Adopté', 'CS-2025-06', 'Délibération', 'délibération']) {
          expect(point).not.toContain(word);
        }
      }
    }
    // The point voted, with the default words: its vote and its act, as stated.
    for (const t of both(plain)) {
      expect(t).toContain('Délibération n° CS-2025-07 – Adhésion au groupement de commandes des réactifs');
      expect(t).toContain(foldQuotes('Point n° 1 – Tarifs de l’eau pour 2025'));
      expect(t).toContain('Rapporteure : Mme Coralie Berthon');
    }
  });
});

describe('names in the procès-verbal', () => {
  it('follow the collectivité’s « nom_membre », unless « pv_nom_membre » says otherwise', async () => {
    const withFormula = (lines: string) => (t: string) =>
      t.replace(/^ {2}formules:\n/m, `  formules:\n${lines}`);
    const own = get(
      await renderVariant(withFormula('    nom_membre: "{nom}"\n'), /^proces-verbal$/),
      'proces-verbal',
    );
    for (const t of both(own)) {
      expect(t).toContain('Délégués excusés : Pascal Caradec.');
      expect(t).toContain('Délégués représentés : Josiane Vernet, qui a donné procuration à Solène Roche.');
      expect(t).toContain('Rapporteure de la question : Coralie Berthon');
      expect(t).not.toContain('Mme Maëlle Tessier');
    }
    const pvOwn = get(
      await renderVariant(
        withFormula('    nom_membre: "{nom}"\n    pv_nom_membre: "{nom}[ ({civilite})]"\n'),
        /^proces-verbal$/,
      ),
      'proces-verbal',
    );
    for (const t of both(pvOwn)) expect(t).toContain('Délégués excusés : Pascal Caradec (M.).');
  });
});

describe('lists and lines of the procès-verbal', () => {
  it('join names as the collectivité writes lists, date the séance in words, end the ordre du jour as stated', async () => {
    const own = get(
      await renderVariant(
        (t) =>
          t
            .replace(
              /^ {2}formules:\n/m,
              '  formules:\n    liste_et: ""\n    pv_reunion: "L’an {annee}, le {jour_mois}, le {instance} s’est réuni sous la présidence de {president}."\n',
            )
            .replace(
              /^ {2}membres_en_exercice: 9\n/m,
              '  membres_en_exercice: 9\n  questions_diverses: true\n',
            ),
        /^proces-verbal$/,
      ),
      'proces-verbal',
    );
    for (const t of both(own)) {
      expect(t).toContain(
        'Délégués présents : Mme Maëlle Tessier, M. Raoul Dufresne, Mme Coralie Berthon, Mme Armelle Lemaître, M. Firmin Godard, Mme Solène Roche, M. Timothée Maillard.',
      );
      expect(t).toContain(
        foldQuotes(
          'L’an deux mille vingt-cinq, le douze mars, le Comité syndical s’est réuni sous la présidence de Mme Maëlle Tessier.',
        ),
      );
      expect(t).toContain(
        foldQuotes(
          'Question IV : Adhésion au groupement de commandes des réactifs – question ajoutée en réunion Questions diverses',
        ),
      );
    }
  });
});

/** The signatories of a document's tree, in order. */
function signatories(tree: DocumentTree): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'signatures') out.push(...b.children.map((s) => `${s.qualite} : ${s.nom}`));
      else if ('children' in b && Array.isArray(b.children)) walk(b.children as readonly Block[]);
    }
  };
  walk(tree.children);
  return out;
}

describe('who signs the délibération', () => {
  it('is the collectivité’s list, in its order: here the secrétaires, then the présidente', () => {
    const d = get(docs, 'point-01-deliberation');
    expect(signatories(d.tree)).toEqual([
      'Secrétaire de séance : Coralie Berthon',
      'Secrétaire de séance : Armelle Lemaître',
      'La Présidente : Maëlle Tessier',
    ]);
    // The signature row: each surname's last place in the PDF (page, then left to right).
    const items = d.pdf.pages.flatMap((page, n) => page.items.map((item) => ({ ...item, page: n })));
    const place = (name: string) => {
      const item = items.findLast((i) => foldQuotes(i.str).includes(name));
      if (!item) throw new Error(`no ${name} in the PDF`);
      return item;
    };
    const [a, b, c] = ['Berthon', 'Lemaître', 'Tessier'].map(place);
    expect(new Set([a?.page, b?.page, c?.page]).size).toBe(1);
    expect(a?.x).toBeLessThan(b?.x ?? 0);
    expect(b?.x).toBeLessThan(c?.x ?? 0);
    const xml = d.docx.parts.get('word/document.xml') ?? '';
    const at = (s: string) => xml.lastIndexOf(`>${s}<`);
    expect(at('Coralie Berthon')).toBeGreaterThan(0);
    expect(at('Coralie Berthon')).toBeLessThan(at('Armelle Lemaître'));
    expect(at('Armelle Lemaître')).toBeLessThan(at('Maëlle Tessier'));
  });

  it('can be the président alone (« La Présidente, Maëlle Tessier »), or the default président and « secretaire »', async () => {
    const alone = await renderVariant(
      (t) =>
        t.replace(
          'signataires_deliberation: [secretaires, president]',
          'signataires_deliberation: [president]',
        ),
      /^point-01-deliberation$/,
    );
    const d = get(alone, 'point-01-deliberation');
    expect(signatories(d.tree)).toEqual(['La Présidente : Maëlle Tessier']);
    for (const t of both(d)) expect(t).not.toContain('Secrétaire de séance');
    const byDefault = await renderVariant(
      (t) =>
        t
          .replace(/^ {2}signataires_deliberation: .*\n/m, '')
          .replace(
            /^ {2}secretaires:\n {4}- \{ nom: cberthon \}\n/m,
            '  secretaire: cberthon\n  secretaires:\n',
          ),
      /^point-01-deliberation$/,
    );
    expect(signatories(get(byDefault, 'point-01-deliberation').tree)).toEqual([
      'La Présidente : Maëlle Tessier',
      'Secrétaire de séance : Coralie Berthon',
    ]);
  });

  it('rejects a signatory the list does not know, at its line', async () => {
    const text = SOURCE.replace('[secretaires, president]', '[secretaires, maire]');
    const file = join(dir, 'inconnu.yaml');
    writeFileSync(file, text);
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('signataires_deliberation')) + 1;
    expect(diagnostics.map((x) => x.line)).toEqual([line]);
    expect(diagnostics[0]?.code).toMatch(/^schema\./);
  });
});
