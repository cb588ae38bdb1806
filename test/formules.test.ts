import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMULES } from '../src/facts/formules.ts';
import { deliberationContext } from '../src/template/context.ts';
import { genreOfParty, withArticle } from '../src/template/grammar.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/formules.yaml';
const docs = await renderFixture(FILE, /deliberation|convention|note/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];
const expectIn = (d: RenderedDocument, text: string) => {
  for (const t of both(d)) expect(t).toContain(foldQuotes(text));
};

describe('the collectivité’s own formulas, in PDF and DOCX', () => {
  const deliberation = get('point-01-deliberation');

  it('prints the registre formula and the attendance labels as the collectivité words them', () => {
    expectIn(
      deliberation,
      'L’an deux mille seize, le dix-neuf mai à dix-huit heures, le Comité syndical, dûment convoqué le 10 mai 2016, s’est réuni au lieu habituel de ses séances, maison des Sources, sous la présidence de Mme Bérengère Aubertin, Présidente.',
    );
    expectIn(deliberation, 'Nombre de délégués en exercice : 12 – Délégués présents : 10 – Représentés : 1');
    expectIn(deliberation, 'Procurations : M. Aurèle Pinchon (pouvoir à Mme Bérengère Aubertin).');
  });

  it('prints its decision formulas, article labels and closing', () => {
    expectIn(deliberation, 'Ouï l’exposé de la rapporteure et après en avoir délibéré, DÉCIDE');
    expectIn(deliberation, 'Article premier.- Approuve la convention de suivi des captages.');
    expectIn(deliberation, 'Art. 2.- Autorise la Présidente à la signer.');
    expectIn(deliberation, 'Pour extrait conforme au registre.');
    expectIn(deliberation, 'ACTE N° 2016_05_01');
    expectIn(deliberation, 'VU le Code général des collectivités territoriales,');
    expectIn(deliberation, 'CONSIDÉRANT que le suivi des captages doit être renforcé,');
    expectIn(deliberation, 'Acte rendu exécutoire après transmission le ……………… et publication le ……………….');
    for (const t of both(deliberation)) {
      expect(t).not.toContain('Fait et délibéré');
      expect(t).not.toContain('Caractère exécutoire');
      expect(t).not.toContain('DÉLIBÈRE');
    }
  });

  it('leaves out the Télérecours sentence on an act older than the service', async () => {
    for (const t of both(deliberation)) {
      expect(t).toContain('dans un délai de deux mois');
      expect(t).not.toContain('Télérecours');
    }
    const recent = await renderFixture('fixtures/conseil-2024-06-27.yaml', /point-01-deliberation/);
    expect(recent.get('point-01-deliberation')?.pdfText).toContain('« Télérecours citoyens »');
  });

  it('makes grammar follow the data: rapporteure, La Présidente, représenté, dénommé', () => {
    expectIn(deliberation, 'Rapporteure : Mme Salomé Garcin');
    expectIn(get('point-01-note'), 'Rapporteure : Mme Salomé Garcin');
    expectIn(deliberation, 'La Présidente');
    const convention = get('point-01-convention-1');
    expectIn(convention, 'Entre les soussignés :');
    expectIn(
      convention,
      'Syndicat des Eaux de la Combe-Verte, représenté par Mme Bérengère Aubertin, Présidente, ci-après dénommé « le Syndicat »,',
    );
    expectIn(convention, 'Département fictif de la Combe, représenté par M. Gaspard Voisenet');
    expectIn(convention, 'Il est convenu ce qui suit :');
    for (const t of both(convention)) expect(t).not.toMatch(/d'une part|d'autre part/);
  });

  it('derives article and genre only from what the data says', () => {
    expect(withArticle('Maire')).toBe('Le Maire');
    expect(withArticle('Maire', 'f')).toBe('La Maire');
    expect(withArticle('Présidente')).toBe('La Présidente');
    expect(withArticle('Adjoint délégué')).toBe('L’Adjoint délégué');
    expect(withArticle('Le Président')).toBe('Le Président');
    expect(genreOfParty({ denomination: 'le Département' })).toBe('m');
    expect(genreOfParty({ denomination: 'la Métropole' })).toBe('f');
    expect(genreOfParty({ genre: 'm', denomination: 'la Régie' })).toBe('m');
  });
});

describe('formulas checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-formules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a placeholder its formula does not know, at its line', async () => {
    const text = readFileSync(FILE, 'utf8').replace('article: Art. {numero}.-', 'article: Art. {num}.-');
    const file = join(dir, 'seance.yaml');
    writeFileSync(file, text);
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('{num}')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.formula', line]]);
    expect(diagnostics[0]?.hint).toContain('{numero}');
  });

  it('documents every formula and its default in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [key, spec] of Object.entries(FORMULES)) {
      expect(readme).toContain(`| \`${key}\` |`);
      expect(readme).toContain(spec.defaut.replaceAll('|', '\\|'));
    }
  });
});

describe('the séance’s publicity in the registre', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-publique-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const registre = async (line: string, formules = ''): Promise<string> => {
    const text = readFileSync('fixtures/apres-seance.yaml', 'utf8')
      .replace(/^ {2}publique: true\n/m, line)
      .replace(/^collectivite:\n/m, `collectivite:\n${formules}`);
    const file = join(dir, 'seance.yaml');
    writeFileSync(file, text);
    const { seance, diagnostics } = await loadAndValidate(file);
    if (!seance) throw new Error(JSON.stringify(diagnostics));
    const point = seance.points.find((p) => p.deliberation);
    if (!point?.deliberation) throw new Error('no délibération');
    return deliberationContext(seance, point, point.deliberation).textes.registre;
  };

  it('says nothing of it unless the YAML does', async () => {
    const text = await registre('');
    expect(text).not.toMatch(/publique|huis clos/);
    expect(text).toContain('s’est réuni, salle du Conseil de la mairie, sous la présidence de');
  });

  it('prints « en séance publique » or « à huis clos » as stated, in the collectivité’s words', async () => {
    expect(await registre('  publique: true\n')).toContain(
      's’est réuni en séance publique, salle du Conseil',
    );
    expect(await registre('  publique: false\n')).toContain('s’est réuni à huis clos, salle du Conseil');
    const own = '  formules:\n    huis_clos: hors la présence du public\n';
    expect(await registre('  publique: false\n', own)).toContain(
      's’est réuni hors la présence du public, salle',
    );
  });
});
