// Proxies given as a number only (r18, from the corpus: « Présents : 8 Pouvoirs : 1 », « dont 2
// pouvoirs »): `representes: 2` states how many members are represented without naming them; the
// count line prints the number, no line of names is printed (none is invented), a departure with a
// proxy adds one at the next point, and the counts are checked as with names (sum with the members
// en exercice, one proxy per present member, the vote against the votants). Read back from the PDF
// (pdf.js) and the DOCX (word/document.xml); diagnostics by code and position.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';
import { fixtureVariant } from './support/variant.ts';

const FILE = 'fixtures/structures/pouvoirs-nombre.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pouvoirs-nombre-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const variant = (name: string, edit: (text: string) => string) => fixtureVariant(dir, SOURCE, name, edit);

const docs = await renderFixture(FILE, /deliberation|proces-verbal/);
const COUNTS_1 = 'Membres en exercice : 8 – Présents : 5 – Votants : 7 dont 2 pouvoirs';

describe('representes as a number', () => {
  it('prints the number in the count line of the délibération, PDF and DOCX, and no names', () => {
    const acte = documentOf(docs, 'point-01-deliberation');
    expect(acte.pdf.bodyLines()).toContain(COUNTS_1);
    expect(acte.docx.paragraphs.map((p) => p.text)).toContain(COUNTS_1.replaceAll(' :', '\u00A0:'));
    for (const text of bothTexts(acte)) {
      expect(text).not.toMatch(/Pouvoirs :|Représentés :| à (Mme|M\.) /);
    }
  });

  it('adds the proxy of a member who leaves to the next point’s count', () => {
    const acte = documentOf(docs, 'point-02-deliberation');
    for (const text of bothTexts(acte)) {
      expect(text).toContain('Présents : 4 – Votants : 7 dont 3 pouvoirs');
    }
  });

  it('prints no list of représentés in the procès-verbal, only the count line', () => {
    const pv = documentOf(docs, 'proces-verbal');
    for (const text of bothTexts(pv)) {
      expect(text).toContain(COUNTS_1);
      expect(text).not.toContain('Représentés :');
    }
  });
});

describe('the counts still add up', () => {
  const problems = async (name: string, edit: (text: string) => string) => {
    const { diagnostics } = await loadAndValidate(variant(name, edit));
    return diagnostics.map((d) => [d.code, d.path, d.line, d.column]);
  };

  it('refuses a sum that is not the members en exercice, at the presences', async () => {
    expect(await problems('somme', (t) => t.replace('representes: 2', 'representes: 3'))).toContainEqual([
      'rule.attendance-sum',
      '/seance/presences',
      33,
      5,
    ]);
  });

  it('refuses more proxies than present members, at the number', async () => {
    const edit = (t: string) =>
      t
        .replace('presents: [aroussel, bcolin, cperrin, dmoreau, egarnier]', 'presents: [aroussel, bcolin]')
        .replace('representes: 2', 'representes: 5')
        .replace('absents: 1', 'absents: 1\n  quorum: 2\n  seconde_convocation: true');
    const found = await problems('trop', edit);
    expect(found).toContainEqual(['rule.proxy', '/seance/presences/representes', 34, 18]);
    const { diagnostics } = await loadAndValidate(join(dir, 'trop.yaml'));
    expect(diagnostics.find((d) => d.code === 'rule.proxy')?.message).toBe(
      '5 pouvoirs pour 2 présents : un membre présent ne reçoit qu’un pouvoir.',
    );
  });

  it('refuses a vote whose voices are not the votants (présents + pouvoirs)', async () => {
    expect(
      await problems('vote', (t) => t.replace('vote: { pour: 7, contre: 0', 'vote: { pour: 5, contre: 0')),
    ).toContainEqual(['rule.vote-sum', '/points/0/deliberation/vote', 43, 13]);
  });

  it('refuses a negative or fractional number by the schema', async () => {
    const found = await problems('negatif', (t) => t.replace('representes: 2', 'representes: -1'));
    expect(found.map((f) => f[1])).toContain('/seance/presences/representes');
  });
});
