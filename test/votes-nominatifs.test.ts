import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/validate.ts';
import { renderPv } from './support/pv-render.ts';
import { type RenderedDocument, renderFixture } from './support/rendered.ts';

// Votes by name written as lines or as a table, each list of names with its own separators,
// attendance lists counted and agreed, civilities written in full, an arrival named in the
// présents list, an empty list printed as « néant ». Exact text: no folding of quotes or spaces
// beyond the line breaks of the PDF.
const FILE = 'fixtures/structures/votes-nominatifs.yaml';
const docs = await renderFixture(FILE, /deliberation|proces-verbal/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id} among ${[...docs.keys()].join(', ')}`);
  return d;
};
/** pdf.js reads a no-break space as a space: compared with spaces made plain. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

/** The text is one paragraph of the DOCX and is in the PDF's body text. */
function expectBoth(d: RenderedDocument, text: string) {
  expect(
    d.docx.paragraphs.map((p) => plain(p.text)),
    text,
  ).toContain(text);
  expect(plain(d.pdfText)).toContain(text);
}

const CASSAN = 'Monsieur Noël CASSAN';
const POUR_1 =
  'POUR : 5 – Monsieur Pierre FABRE – Monsieur Lucien ROUVIÈRE – Mlle Odile DURAND – Madame Maud BASTIDE – Mademoiselle Quitterie GAUBERT';

describe('a vote by name written as lines (votes_nominatifs: lignes)', () => {
  it('prints the lines in the order of vote_lignes, names in the order typed, singular from the data', () => {
    for (const d of [get('point-01-deliberation'), get('proces-verbal')]) {
      expectBoth(d, 'VOTE :');
      expectBoth(d, `Abstention : 1 – ${CASSAN}`);
      expectBoth(d, POUR_1);
      const text = plain(d.pdfText);
      expect(text.indexOf(`Abstention : 1 – ${CASSAN}`)).toBeLessThan(text.indexOf(POUR_1));
    }
  });

  it('drops the line of a sense without members', () => {
    const d = get('point-03-deliberation');
    expectBoth(
      d,
      'POUR : 6 – Monsieur Lucien ROUVIÈRE – Madame Maud BASTIDE – Monsieur Noël CASSAN – Mlle Odile DURAND – Monsieur Pierre FABRE – Monsieur Thibaut JULIEN',
    );
    expect(d.docxText).not.toMatch(/Abstention|Contre :/);
    expect(d.pdfText).not.toMatch(/Abstention|Contre :/);
  });

  it('prints a table for the act that asks for one, in the délibération and the PV, plural in its words', () => {
    for (const d of [get('point-02-deliberation'), get('proces-verbal')]) {
      for (const header of ['Vote', 'Nombre', 'Membres', 'Abstentions']) expectBoth(d, header);
      expectBoth(d, 'Mademoiselle Quitterie GAUBERT – Monsieur Noël CASSAN');
      expectBoth(d, 'Madame Maud BASTIDE – Monsieur Lucien ROUVIÈRE – Monsieur Pierre FABRE');
    }
    expect(get('point-02-deliberation').docxText).not.toContain('POUR :');
  });

  it('without votes_nominatifs: a table in the PV, no names in the délibération (default)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-votes-'));
    try {
      const file = join(dir, 'seance.yaml');
      writeFileSync(file, readFileSync(FILE, 'utf8').replace(/^ {2}votes_nominatifs: lignes\n/m, ''));
      const plainDocs = await renderFixture(file, /point-01-deliberation|proces-verbal/);
      const act = plainDocs.get('point-01-deliberation');
      const pv = plainDocs.get('proces-verbal');
      if (!act || !pv) throw new Error('documents missing');
      expect(plain(act.docxText)).not.toContain('Abstention : 1');
      expect(plain(act.pdfText)).not.toContain('Nombre');
      expectBoth(pv, 'Nombre');
      expect(plain(pv.docxText)).not.toContain('Abstention : 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('each list with its own separators', () => {
  it('joins présents, absents and excusés each with its own words', () => {
    const d = get('point-01-deliberation');
    expectBoth(
      d,
      'Étaient présents : Monsieur Lucien ROUVIÈRE – Madame Maud BASTIDE – Monsieur Noël CASSAN – Mlle Odile DURAND – Monsieur Pierre FABRE.',
    );
    expectBoth(d, 'Absents : Monsieur René HUGON ; Monsieur Thibaut JULIEN.');
    expectBoth(
      get('point-03-deliberation'),
      'Excusés : Madame Solène ISNARD, Monsieur René HUGON ainsi que Mademoiselle Quitterie GAUBERT.',
    );
  });
});

describe('attendance lists counted, agreed and as written', () => {
  it('counts and agrees the PV lists, names an arrival in the présents list only', () => {
    const d = get('proces-verbal');
    expectBoth(
      d,
      'Étaient présents : Monsieur Lucien ROUVIÈRE – Madame Maud BASTIDE – Monsieur Noël CASSAN – Mlle Odile DURAND – Monsieur Pierre FABRE – Monsieur Thibaut JULIEN (arrivé à 21 h 15) (5 présents – quorum atteint)',
    );
    expectBoth(d, 'Était absent : Monsieur René HUGON');
    expectBoth(d, 'Excusée : Madame Solène ISNARD');
  });

  it('prints a list written empty with liste_vide in the délibération', () => {
    const d = get('point-03-deliberation');
    expectBoth(d, 'Pouvoirs : néant.');
    expectBoth(d, 'Absents : néant.');
    // The séance's lists are not empty: no « néant » in the first act.
    expect(get('point-01-deliberation').docxText).not.toContain('néant');
  });

  it('validates with no diagnostic: a proxy holder written with his civility is found among the présents', async () => {
    const { diagnostics } = await loadAndValidate(FILE);
    expect(diagnostics).toEqual([]);
  });

  it('typesets a civility written in full with a no-break space', () => {
    const xml = get('point-01-deliberation').docx.document;
    expect(xml).toContain('Monsieur\u00A0Lucien ROUVIÈRE');
    expect(xml).toContain('Mademoiselle\u00A0Quitterie GAUBERT');
    expect(xml).toContain('Mlle\u00A0Odile DURAND');
    expect(xml).toContain('Madame\u00A0Maud BASTIDE');
  });
});

describe('a member who leaves excused with a proxy (excuse: true, pouvoir_a)', () => {
  it('counts him as représenté in the following act, the proxies joined with pouvoirs_et', () => {
    const d = get('point-04-deliberation');
    expectBoth(d, 'Membres en exercice : 9 – Présents : 5 – Représentés : 2 – Absents : 2 – Votants : 7');
    expectBoth(
      d,
      'Pouvoirs : Mademoiselle Quitterie GAUBERT à Monsieur Noël CASSAN et Mlle Odile DURAND à Monsieur Pierre FABRE.',
    );
    expectBoth(d, 'Excusés : Madame Solène ISNARD.');
  });

  it('says « excusée » in the PV’s departure sentence when its formula asks', () => {
    expectBoth(
      get('proces-verbal'),
      'Départ de Mlle Odile DURAND, excusée, à 21 h 40, qui donne pouvoir à Monsieur Pierre FABRE.',
    );
  });
});

describe('a named vote’s table across a page end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-vote-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = readFileSync(FILE, 'utf8');
  const ROWS = ['VoteNombreMembres', 'Pour3', 'Contre1', 'Abstentions2'];
  const squash = (text: string) => text.replace(/\s+/g, '');

  /** Point 2's PV chapter pushed down by `lines` paragraphs of the clerk, so its table nears a page end. */
  async function pushedDown(lines: number) {
    const avant = Array.from({ length: lines }, (_, i) => `          Paragraphe ${i + 1} du secrétariat.`);
    const text = source.replace(
      '  - numero: 2\n    objet: Tarifs de la cantine scolaire\n',
      `  - numero: 2\n    objet: Tarifs de la cantine scolaire\n    deroulement:\n      mentions:\n        avant: |-\n${avant.join('\n\n')}\n`,
    );
    const file = join(dir, `seance-${lines}.yaml`);
    writeFileSync(file, text);
    const pv = await renderPv(file);
    const pages = pv.pages.map(squash);
    const pageOf = (t: string, from = 0) => pages.findIndex((p, k) => k >= from && p.includes(t));
    const last = pageOf(`Paragraphe${lines}dusecrétariat.`);
    const vote = pageOf('Votants:6(5présents,1représenté).Scrutinpublic.', last);
    return { pv, last, vote, rows: ROWS.map((r) => pageOf(r, last)) };
  }

  it('is kept whole on one page with its vote line, moved to the next page when it does not fit (PDF)', async () => {
    const layouts: boolean[] = [];
    for (const lines of [30, 32, 34, 36]) {
      const { last, vote, rows } = await pushedDown(lines);
      expect(vote, `${lines}`).toBeGreaterThanOrEqual(0);
      expect(rows, `${lines}`).toEqual(ROWS.map(() => vote));
      layouts.push(vote > last);
    }
    // Two more short paragraphs (less than the table's height) sent the table whole to the next
    // page: part of it would have fitted at the end of the previous one.
    expect(
      layouts.some((moved, i) => moved && layouts[i - 1] === false),
      JSON.stringify(layouts),
    ).toBe(true);
  });

  it('keeps its rows and its vote line together in the DOCX (keep with next, rows not split)', async () => {
    const { pv } = await pushedDown(34);
    const xml = pv.docx.document;
    const parts = xml.split('<w:tbl>');
    const at = parts.findIndex((t) => (t.split('</w:tbl>')[0] ?? '').includes('>Abstentions<'));
    const table = parts[at]?.split('</w:tbl>')[0] ?? '';
    expect(table).toContain('>Contre<');
    const rows = table.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    // Every row but the last keeps with the next one, and the vote line just before keeps with the table.
    for (const row of rows.slice(0, -1)) expect(row).toContain('<w:keepNext/>');
    const before = parts[at - 1]?.split('<w:p>').pop() ?? '';
    expect(plain(before)).toContain('Votants : 6 (5 présents, 1 représenté). Scrutin public.');
    expect(before).toContain('<w:keepNext/>');
  });
});

describe('an arrival named in the PV’s présents list, and the acts’ own counts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-arrivee-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the member as absent in the acts before his arrival and présent from it, as the YAML states', async () => {
    const source = readFileSync(FILE, 'utf8');
    // Point 3 without its own presences: they follow from the opening and the arrival before it.
    const from = source.indexOf(
      '      presences:\n        presents: [lrouviere, mbastide, ncassan, odurand, pfabre, tjulien]',
    );
    const to = source.indexOf('      vote:\n', from);
    const derived = `${source.slice(0, from)}      vote: { unanimite: true }\n${source.slice(source.indexOf('    deroulement:\n      arrivees:', to))}`;
    expect(derived).not.toContain('pour: [lrouviere, mbastide, ncassan, odurand, pfabre, tjulien]');
    const file = join(dir, 'arrivee.yaml');
    writeFileSync(file, derived);
    const built = await renderFixture(file, /point-0[23]-deliberation|proces-verbal/);
    const doc = (id: string) => {
      const d = built.get(id);
      if (!d) throw new Error(`no ${id}`);
      return d;
    };
    const JULIEN = 'Monsieur Thibaut JULIEN';
    expectBoth(
      doc('point-02-deliberation'),
      'Membres en exercice : 9 – Présents : 5 – Représentés : 1 – Absents : 3 – Votants : 6',
    );
    expectBoth(doc('point-02-deliberation'), `Absents : Monsieur René HUGON ; ${JULIEN}.`);
    expectBoth(
      doc('point-03-deliberation'),
      'Membres en exercice : 9 – Présents : 6 – Représentés : 1 – Absents : 2 – Votants : 7',
    );
    expectBoth(doc('point-03-deliberation'), 'Absents : Monsieur René HUGON.');
    for (const t of [
      plain(doc('point-03-deliberation').pdfText),
      plain(doc('point-03-deliberation').docxText),
    ]) {
      expect(t).toMatch(new RegExp(`Étaient présents : .*Monsieur Pierre FABRE – ${JULIEN}\\.`));
    }
    // The PV names him once, in its présents list, with his arrival; its opening counts stay those of the opening.
    const pv = plain(doc('proces-verbal').pdfText);
    expect(pv).toContain(`${JULIEN} (arrivé à 21 h 15)`);
    expect(pv).toContain('Arrivée de Monsieur Thibaut JULIEN à 21 h 15, avant l’examen de ce point.');
  });
});
