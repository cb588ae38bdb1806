// Grammar that follows the data: attendance labels in the singular for one name (« Était
// excusée »), pouvoirs agreed with the mandante, a convention party's genre from its dénomination
// or name, @ctes identifiers with hyphens in the act number (fixtures/structures/accords.yaml).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillFormula } from '../src/facts/formules.ts';
import { genreOfParty } from '../src/template/grammar.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { bothTexts, documentOf, foldQuotes, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/accords.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /deliberation|convention/);
const dir = mkdtempSync(join(tmpdir(), 'delib-accords-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every text is in the PDF (pdf.js) and the DOCX (word/document.xml), quotes folded. */
function expectIn(id: string, ...texts: string[]) {
  const d = documentOf(docs, id);
  for (const both of bothTexts(d)) for (const text of texts) expect(both, text).toContain(foldQuotes(text));
  return d;
}

async function diagnosticsOf(text: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return (await loadAndValidate(file)).diagnostics;
}

const lineOf = (text: string): number => SOURCE.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('attendance labels agreed with their list', () => {
  it('says « Était excusée », « Était absent », « A donné pouvoir » for one name, the plural for several', () => {
    const d = expectIn(
      'point-01-deliberation',
      'Étaient présents : M. Armand Berthier, Mme Cécile Delorme, M. Émile Faure, Mme Gaëlle Guérin, M. Hervé Joubert et Mme Isaure Lemaire.',
      'A donné pouvoir : Mme Maud Noblet, excusée, à M. Émile Faure.',
      'Était excusée : Mme Rosine Salles.',
      'Était absent : M. Octave Péron.',
    );
    for (const t of bothTexts(d)) expect(t).not.toMatch(/\{|\|/u);
    expectIn(
      'point-02-deliberation',
      'Ont donné pouvoir : Mme Maud Noblet, excusée, à M. Émile Faure, Mme Gaëlle Guérin, excusée, à Mme Isaure Lemaire.',
      'Étaient excusées : Mme Rosine Salles et Mme Cécile Delorme.',
    );
  });

  it('chooses a pair by the number only where the formula counts, and refuses it elsewhere', async () => {
    expect(fillFormula('{Était|Étaient} présent{e}{s}', { s: 's', e: '' })).toBe('Étaient présents');
    expect(fillFormula('{Était présente|Étaient présentes}', { s: '', e: 'e' })).toBe('Était présente');
    // Without a number, the pair is left as written (and validation refuses it first).
    expect(fillFormula('{le|les} {mandant}', { mandant: 'Mme A' })).toBe('{le|les} Mme A');
    const bad = SOURCE.replace(
      '    ci_apres: ci-après',
      '    secretaire: "{Secrétaire|Secrétaires} de séance"\n    ci_apres: ci-après',
    );
    const [d, ...rest] = await diagnosticsOf(bad);
    expect(rest).toEqual([]);
    expect([d?.code, d?.line]).toEqual(['rule.formula', lineOf('    ci_apres: ci-après')]);
    expect(d?.message).toContain('{Secrétaire|Secrétaires}');
    expect(d?.hint).toContain('presents_noms');
  });
});

describe('a convention party’s genre', () => {
  it('comes from the dénomination, else the name, in PDF and DOCX', () => {
    expectIn(
      'point-01-convention-1',
      'Syndicat intercommunal des Ormes, représenté par M. Armand Berthier, Président,',
      'Région des Hautes-Terres, représentée par Mme Solène Marchais, Présidente du conseil régional, ci-après dénommée « la Région »,',
      'Établissement public foncier des Hautes-Terres, représenté par M. Gilles Aubry, Directeur général, ci-après dénommé « l’Établissement »,',
      'Association des riverains de l’Orme, représentée par M. Yvon Clément, Président, ci-après dénommée « l’Association »,',
      'SIVU des écoles de la vallée, représenté par Mme Lina Perrot, Présidente,',
      'Commune de Bréval-sur-Orme, représentée par Mme Isaure Lemaire, Maire,',
    );
  });

  it.each([
    [{ denomination: 'le Syndicat' }, 'm'],
    [{ denomination: 'le Département' }, 'm'],
    [{ denomination: 'l’Association' }, 'f'],
    [{ denomination: "l'Établissement" }, 'm'],
    [{ denomination: 'la Région' }, 'f'],
    [{ denomination: 'la Commune' }, 'f'],
    [{ denomination: 'le SIVU' }, 'm'],
    [{ denomination: 'l’EPF', nom: 'Établissement public foncier du Val' }, 'm'],
    [{ nom: 'Syndicat mixte du bassin de la Sorgue' }, 'm'],
    [{ nom: 'SIVOM de la vallée' }, 'm'],
    [{ nom: 'CCAS de Bréval' }, 'm'],
    [{ nom: 'Communauté de communes du Haut-Orme' }, 'f'],
    [{ nom: 'Métropole des Trois-Rives' }, 'f'],
    [{ nom: 'Mme Odile Vasseur' }, 'f'],
    [{ nom: 'Les Amis du moulin' }, 'm'],
    [{ nom: 'Syndicat des eaux', genre: 'f' as const }, 'f'],
    [{ denomination: 'la Régie', genre: 'm' as const }, 'm'],
  ])('%o is %s', (party, genre) => {
    expect(genreOfParty(party)).toBe(genre);
  });
});

describe('a list item that opens with a list (« 1. - … »)', () => {
  it('gives the outer number its own line, the inner list below, in PDF and DOCX', () => {
    const d = documentOf(docs, 'point-02-deliberation');
    const lines = d.pdf.bodyLines().map(foldQuotes);
    const at = lines.findIndex((l) => l.startsWith('1.'));
    expect(lines.slice(at, at + 4)).toEqual(
      [
        '1.',
        '– garde d’un chien : 12 € par jour ;',
        '– garde d’un chat : 8 € par jour ;',
        '2. capture d’un animal errant : 30 €.',
      ].map(foldQuotes),
    );
    const numbered = [...d.docx.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .filter((p) => p.includes('<w:numId'))
      .map((p) => [
        /<w:ilvl w:val="(\d+)"/.exec(p)?.[1],
        foldQuotes([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      ]);
    expect(numbered).toEqual([
      ['0', ''],
      ['1', foldQuotes('garde d’un chien : 12 € par jour ;')],
      ['1', foldQuotes('garde d’un chat : 8 € par jour ;')],
      ['0', foldQuotes('capture d’un animal errant : 30 €.')],
    ]);
  });
});

/** The signature tables of a DOCX: grid widths, layout, borders, and each row's cells' texts. */
function signatureTables(documentXml: string) {
  const text = (xml: string) =>
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
    .map((m) => m[0])
    .filter((t) => t.includes('w:val="SignatureNom"'))
    .map((t) => ({
      fixed: t.includes('<w:tblLayout w:type="fixed"/>'),
      bordered: /<w:(top|bottom|left|right|insideH|insideV) w:val="(single|double)"/.test(t),
      columns: [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((c) => Number(c[1])),
      rows: [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => foldQuotes(text(c[0]))),
      ),
    }));
}

describe('convention signature columns (DOCX as the PDF)', () => {
  it('writes each row of signatories as a borderless fixed table: headings and qualités, then names', () => {
    const d = documentOf(docs, 'point-01-convention-1');
    const tables = signatureTables(d.docx.document);
    expect(tables.map((t) => [t.fixed, t.bordered, t.rows.length])).toEqual([
      [true, false, 2],
      [true, false, 2],
    ]);
    const [first, second] = tables;
    expect(new Set(first?.columns).size).toBe(1);
    expect(first?.columns).toHaveLength(3);
    expect(first?.rows).toEqual([
      [
        'Pour le Syndicat intercommunal des Ormes Le Président',
        'Pour la Région La Présidente du conseil régional',
        foldQuotes('Pour l’Établissement Le Directeur général'),
      ],
      ['M. Armand Berthier', 'Mme Solène Marchais', 'M. Gilles Aubry'],
    ]);
    expect(second?.rows[1]).toEqual(['M. Yvon Clément', 'Mme Lina Perrot', 'Mme Isaure Lemaire']);
  });

  it('centres a short last row between two half columns, as the PDF does', async () => {
    const file = join(dir, 'cinq-parties.yaml');
    writeFileSync(file, SOURCE.replace(/ {12}- nom: SIVU des écoles de la vallée\n(?: {14}.*\n){2}/u, ''));
    const d = documentOf(await renderFixture(file, /convention/), 'point-01-convention-1');
    const [first, second] = signatureTables(d.docx.document);
    const w = first?.columns[0] ?? 0;
    expect(second?.columns).toEqual([Math.floor(w / 2), w, w, Math.floor(w / 2)]);
    expect(second?.rows[1]).toEqual(['', 'M. Yvon Clément', 'Mme Isaure Lemaire', '']);
    // In the PDF, the two names of the short row sit under the middle of the three columns above.
    const items = d.pdf.pages.flatMap((p) => p.items);
    const x = (name: string) => items.findLast((i) => i.str.includes(name))?.x ?? Number.NaN;
    expect(x('Clément')).toBeGreaterThan(x('Berthier'));
    expect(x('Lemaire')).toBeLessThan(x('Aubry'));
  });
});

describe('@ctes identifiers with hyphens in the act number', () => {
  it('prints the identifier the préfecture returned, in PDF and DOCX', () => {
    expectIn('point-01-deliberation', 'Identifiant : 098-259800044-20250410-CS-2025-07-DE');
  });

  it('refuses a doubled hyphen at the identifier’s line and column, saying what is wrong', async () => {
    const typed = '098-259800044-20250410-CS--2025-07-DE';
    const [d, ...rest] = await diagnosticsOf(
      SOURCE.replace('20250410-CS-2025-07-DE', '20250410-CS--2025-07-DE'),
    );
    expect(rest).toEqual([]);
    const line = lineOf('identifiant: 098-');
    expect([d?.code, d?.line, d?.column]).toEqual([
      'schema.pattern',
      line,
      (SOURCE.split('\n')[line - 1] ?? '').indexOf('098-') + 1,
    ]);
    expect(d?.message).toContain(`(« ${typed} »)`);
    expect(d?.hint).toBe(
      'Identifiant @ctes : le numéro de l’acte « CS--2025-07 » contient deux tirets de suite ; recopiez-le tel que l’accusé de réception le donne, par exemple « 092-219200714-20230323-2023_03_01-DE ».',
    );
  });
});
