import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eluIndex, sameMember } from '../src/facts/elus.ts';
import { resolveFormules } from '../src/facts/formules.ts';
import type { Seance } from '../src/schema/seance.ts';
import { groupedNames } from '../src/template/attendance-lines.ts';
import { deliberationContext } from '../src/template/context.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import {
  foldQuotes,
  loadFixture,
  ordinarySpacesAfterCivilities,
  type RenderedDocument,
  renderFixture,
} from './support/rendered.ts';

const FILE = 'fixtures/structures/presences.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /deliberation/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};

/** The DOCX paragraphs and the PDF lines as read (spaces folded, quotes and apostrophes kept). */
const docxParagraphs = (d: RenderedDocument) => d.docx.paragraphs.map((p) => foldQuotes(p.text));
const pdfLines = (d: RenderedDocument) => d.pdf.bodyLines().map(foldQuotes);

/**
 * Each text is one paragraph of the DOCX and starts a line of the PDF, in this order in both; in the
 * DOCX, which keeps them, every civility holds to its name by a no-break space.
 */
function expectParagraphs(d: RenderedDocument, ...texts: string[]) {
  const paragraphs = docxParagraphs(d);
  let from = 0;
  for (const text of texts) {
    const at = paragraphs.indexOf(foldQuotes(text), from);
    expect(at, text).toBeGreaterThanOrEqual(0);
    expect(ordinarySpacesAfterCivilities(d.docx.paragraphs[at]?.text ?? ''), text).toEqual([]);
    from = at + 1;
  }
  const lines = pdfLines(d);
  for (const text of texts) {
    const start = foldQuotes(text).slice(0, 30);
    expect(
      lines.some((l) => l.startsWith(start)),
      text,
    ).toBe(true);
    expect(foldQuotes(d.pdfText)).toContain(foldQuotes(text));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'delib-presences-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function variant(edit: (text: string) => string) {
  const file = join(dir, 'seance.yaml');
  writeFileSync(file, edit(SOURCE));
  return loadAndValidate(file);
}

/** The attendance lines of a point of a séance, as the délibération prints them. */
function lines(seance: Seance, numero: number): readonly string[] {
  const point = seance.points.find((p) => p.numero === numero);
  if (!point?.deliberation) throw new Error(`no délibération ${numero}`);
  return deliberationContext(seance, point, point.deliberation).presences?.lignes ?? [];
}

describe('attendance lines as the collectivité writes them, in PDF and DOCX', () => {
  it('counts the présents inside their line and groups consecutive civilities, names in the order typed', () => {
    expectParagraphs(
      get('point-01-deliberation'),
      'Conseillers départementaux en exercice : 18',
      'Étaient présents : 14 élus Mme Anne Aubrac, MM. Paul Bérard, Marc Cazal, Jean Dorval, Mmes Lucie Estève, Claire Fabre, M. Hugo Garnier, Mmes Inès Hamel, Julie Imbert, Karine Jolly, MM. Louis Keller, Noé Lenoir, Yves Marchal, Thomas Sabatier.',
      'Quorum : 10',
      'Absents ayant donné procuration : M. Olivier Perrin à Mme Claire Fabre',
      'Mme Rose Quéré à M. Yves Marchal',
      'Absent excusé et non représenté : Mme Sophie Roux',
      'Absente : Mme Zoé Vidal',
      'OBJET : Aide départementale aux bibliothèques rurales',
    );
  });

  it('agrees each label with its own list at each point (one excusé, then two)', () => {
    const second = get('point-02-deliberation');
    expectParagraphs(
      second,
      'Étaient présents : 13 élus Mme Anne Aubrac, MM. Paul Bérard, Marc Cazal, Jean Dorval, Mmes Lucie Estève, Claire Fabre, M. Hugo Garnier, Mmes Julie Imbert, Karine Jolly, MM. Louis Keller, Noé Lenoir, Yves Marchal, Thomas Sabatier.',
      'Quorum : 10',
      'Absents excusés et non représentés : Mmes Sophie Roux, Inès Hamel',
      'Absente : Mme Zoé Vidal',
    );
    for (const t of [second.pdfText, second.docxText]) expect(foldQuotes(t)).not.toContain('Absent excusé');
  });

  it('prints today’s lines with the default formulas, and the quorum only when the YAML gives it', async () => {
    const defaults = await variant((text) =>
      text.replace(/^ {2}formules:\n(?: {4}.*\n)+/m, '').replace(/^ {2}quorum: 10\n/m, ''),
    );
    if (!defaults.seance) throw new Error(JSON.stringify(defaults.diagnostics));
    expect(lines(defaults.seance, 1)).toEqual([
      'Étaient présents : Anne Aubrac, Paul Bérard, Marc Cazal, Jean Dorval, Lucie Estève, Claire Fabre, Hugo Garnier, Inès Hamel, Julie Imbert, Karine Jolly, Louis Keller, Noé Lenoir, M. Yves Marchal et Thomas Sabatier.',
      'Pouvoirs : Olivier Perrin à Claire Fabre, Rose Quéré à M. Yves Marchal.',
      'Excusés : Sophie Roux.',
      'Absents : Mme Zoé Vidal.',
    ]);
    const stated = await variant((text) => text.replace(/^ {2}formules:\n(?: {4}.*\n)+/m, ''));
    if (!stated.seance) throw new Error(JSON.stringify(stated.diagnostics));
    expect(lines(stated.seance, 1)[1]).toBe('Quorum : 10');
  });

  it('writes the whole line from `ligne_noms`, and an emptied label removes its line', async () => {
    const own = await variant((text) =>
      text
        .replace(
          '    presents_noms: "Étaient présents : {nombre} élus {noms}."\n',
          '    presents_noms: Présent{e}{s}\n',
        )
        .replace(
          '    ligne_noms: "{libelle} : {noms}"',
          '    ligne_noms: "{libelle} ({nombre}) : {noms}."\n    quorum: ""',
        )
        .replace('    absents_noms: Absent{e}{s}', '    absents_noms: ""')
        .replace('{en_exercice}"', '{en_exercice}[ – quorum : {quorum}]"'),
    );
    if (!own.seance) throw new Error(JSON.stringify(own.diagnostics));
    const out = lines(own.seance, 2);
    expect(out[0]).toMatch(/^Présents \(13\) : Mme Anne Aubrac, MM\. Paul Bérard, .*, Thomas Sabatier\.$/u);
    expect(out).toContain('Absents excusés et non représentés (2) : Mmes Sophie Roux, Inès Hamel.');
    expect(out.join('\n')).not.toMatch(/Quorum|Zoé Vidal/u);
    const point = own.seance.points[1];
    if (!point?.deliberation) throw new Error('no délibération');
    expect(deliberationContext(own.seance, point, point.deliberation).textes.effectifs).toBe(
      'Conseillers départementaux en exercice : 18 – quorum : 10',
    );
  });

  it('can write every member not present in one counted list, proxies first (`non_presents_noms`)', async () => {
    const one = await variant((text) =>
      text
        .replace(
          '    ligne_noms: "{libelle} : {noms}"',
          '    ligne_noms: "{libelle} : {noms}"\n    non_presents_noms: "Absents ou excusés : {nombre} élus {noms}."\n    pouvoir: "{mandant}, délégation de vote à {mandataire}"',
        )
        .replace('    absents: [Mme Zoé Vidal]\n', '    absents: 1\n'),
    );
    if (!one.seance) throw new Error(JSON.stringify(one.diagnostics));
    // The séance's absent is a number: counted, not named; point 2 names its own.
    expect(lines(one.seance, 1).slice(2)).toEqual([
      'Absents ou excusés : 4 élus M. Olivier Perrin, délégation de vote à Mme Claire Fabre, Mme Rose Quéré, délégation de vote à M. Yves Marchal, Mme Sophie Roux.',
    ]);
    expect(lines(one.seance, 2).slice(2)).toEqual([
      'Absents ou excusés : 5 élus M. Olivier Perrin, délégation de vote à Mme Claire Fabre, Mme Rose Quéré, délégation de vote à M. Yves Marchal, Mmes Sophie Roux, Inès Hamel, Zoé Vidal.',
    ]);
  });
});

describe('civilities in names', () => {
  it('are ignored when a proxy holder is matched with the présents', async () => {
    const bare = await variant((text) =>
      text.replaceAll('mandataire: M. Yves Marchal', 'mandataire: Yves Marchal'),
    );
    expect(bare.diagnostics.filter((d) => d.severity === 'erreur')).toEqual([]);
    const spelled = await variant((text) =>
      text.replaceAll('      - M. Yves Marchal', '      - Monsieur Yves Marchal'),
    );
    expect(spelled.diagnostics.filter((d) => d.severity === 'erreur')).toEqual([]);
    const index = eluIndex([]);
    expect(sameMember('Mme Zoé Vidal', 'Zoé Vidal', index)).toBe(true);
    expect(sameMember('MM.\u00A0Yves Marchal', 'yves marchal', index)).toBe(true);
    expect(sameMember('Mme Zoé Vidal', 'Mme Zoé Vallin', index)).toBe(false);
    // A name that only begins like a civility is not cut.
    expect(sameMember('Mmeline Roy', 'line Roy', index)).toBe(false);
  });

  it('still reports a proxy holder who is not present', async () => {
    const absent = await variant((text) =>
      text.replace(
        '{ mandant: rquere, mandataire: M. Yves Marchal }',
        '{ mandant: rquere, mandataire: Mme Zoé Vidal }',
      ),
    );
    const line = SOURCE.split('\n').findIndex((l) => l.includes('mandant: rquere')) + 1;
    expect(absent.diagnostics.filter((d) => d.code === 'rule.proxy').map((d) => d.line)).toEqual([line]);
  });

  it('are grouped only in runs of two or more, for names typed in full too', async () => {
    const seance = await loadFixture(FILE);
    const f = resolveFormules({ civilites_messieurs: 'MM.', civilites_mesdames: 'Mmes' }, seance.seance.date);
    const typed = [
      'M. Aimé Roche',
      'M. Basile Tardy',
      'Mme Coline Urbain',
      'Denis Vernet',
      'Mme Élise Weil',
      'Mme Flore Yon',
    ];
    expect(groupedNames(typed, eluIndex([]), f)).toEqual([
      'MM. Aimé Roche',
      'Basile Tardy',
      'Mme Coline Urbain',
      'Denis Vernet',
      'Mmes Élise Weil',
      'Flore Yon',
    ]);
    // Without the formulas, every name keeps its own civility, as typed.
    const plain = resolveFormules({}, seance.seance.date);
    expect(groupedNames(typed, eluIndex([]), plain)).toEqual(typed);
    // Declared élus print their civility only through `nom_membre`: nothing to group without it.
    expect(groupedNames(['pberard', 'mcazal'], eluIndex(seance.elus), f)).toEqual([
      'Paul Bérard',
      'Marc Cazal',
    ]);
  });
});
