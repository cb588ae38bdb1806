// The dispositif of each adopted act printed under its point in the procès-verbal or the compte
// rendu (r18, from the corpus: a commune's compte rendu that prints « Le Conseil Municipal, après
// en avoir délibéré, », the decision and its list of amounts before the vote), without a template
// override: `dispositif_pv: decision | complet` (collectivité) or `deroulement.dispositif` (séance),
// formula `pv_dispositif`, and the act's own formulas (decision verb, article labels, visas,
// considérants). Read back from the PDF (pdf.js) and the DOCX (word/document.xml).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { documentOf, placesInOrder, renderFixture } from './support/rendered.ts';
import { fixtureVariant } from './support/variant.ts';

const FILE = 'fixtures/structures/compte-rendu-dispositif.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-cr-dispositif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variant = (name: string, edit: (text: string) => string) => fixtureVariant(dir, SOURCE, name, edit);

const pv = async (file: string) => documentOf(await renderFixture(file, /proces-verbal/), 'proces-verbal');

const POINT_1 = [
  'Monsieur le Maire présente les nouveaux tarifs de location de la salle des fêtes.',
  'Le Conseil municipal, après en avoir délibéré,',
  'DÉCIDE',
  'Article 1 : Fixe la location de la salle des fêtes aux tarifs suivants :',
  'une journée : 180 € ;',
  'un week-end : 320 €.',
  'Article 2 : Ces tarifs s’appliquent aux réservations faites à compter du 1er octobre 2025.',
  'Votants : 3',
];
const VISA = 'Vu le code général des collectivités territoriales ;';
const CONSIDERANT = 'Considérant que les tarifs n’ont pas changé depuis 2019 ;';

const cr = await pv(FILE);

describe('dispositif_pv: decision', () => {
  it('prints the act’s decision and articles under the point, before the vote, in the PDF', () => {
    expect(placesInOrder(cr.pdfText, POINT_1).every((at) => at >= 0)).toBe(true);
    expect(cr.pdf.bodyLines()).toContain('DÉCIDE');
  });

  it('prints the same paragraphs in the DOCX, the verb as its own paragraph', () => {
    const paragraphs = cr.docx.paragraphs.map((p) => p.text);
    const at = paragraphs.indexOf(POINT_1[1] ?? '');
    expect(at).toBeGreaterThan(0);
    // The typography's no-break spaces before « : », « ; » and « € », as the DOCX keeps them.
    const docx = POINT_1.slice(1, 7).map((t) =>
      t
        .replace(/ :/g, '\u00A0:')
        .replace(/ ;/g, '\u202F;')
        .replace(/ €/g, '\u00A0€')
        .replace('1er ', '1er\u00A0'),
    );
    expect(paragraphs.slice(at, at + 6)).toEqual(docx);
  });

  it('takes a « prend acte » with its own verb and leaves out the visas and considérants', () => {
    for (const text of [cr.pdfText, cr.docxText]) {
      expect(text).toContain('PREND ACTE');
      expect(text).not.toContain('Vu le code');
      expect(text).not.toContain('Considérant');
    }
  });
});

describe('the séance’s own choice (deroulement.dispositif) and the formula pv_dispositif', () => {
  it('complet: the visas and considérants first, then the formula’s own words', async () => {
    const file = variant('complet', (t) =>
      t
        .replace('points:\n', 'deroulement:\n  dispositif: complet\n\npoints:\n')
        .replace(
          '    pv_deliberation: ""\n',
          '    pv_deliberation: ""\n    pv_dispositif: "{le_conseil}\\nAprès avoir entendu le rapporteur,"\n',
        ),
    );
    const full = await pv(file);
    const order = [
      VISA,
      CONSIDERANT,
      'Le Conseil municipal,',
      'Après avoir entendu le rapporteur,',
      'DÉCIDE',
    ];
    for (const text of [full.pdfText, full.docxText.replace(/\u202F/g, ' ')]) {
      expect(placesInOrder(text, order).every((at) => at >= 0)).toBe(true);
      expect(text).not.toContain('après en avoir délibéré');
    }
  });

  it('aucun: the séance prints no dispositif, whatever the collectivité says', async () => {
    const file = variant('aucun', (t) =>
      t.replace('points:\n', 'deroulement:\n  dispositif: aucun\n\npoints:\n'),
    );
    const none = await pv(file);
    for (const text of [none.pdfText, none.docxText]) {
      expect(text).not.toContain('DÉCIDE');
      expect(text).not.toContain('Article 1');
      expect(text).not.toContain('après en avoir délibéré');
    }
  });

  it('refuses another value, in French, at its line and column', async () => {
    const file = variant('faux', (t) => t.replace('dispositif_pv: decision', 'dispositif_pv: oui'));
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['schema.enum', '/collectivite/dispositif_pv', 14, 18],
    ]);
    expect(diagnostics[0]?.message).toContain('aucun, decision, complet');
  });
});
