import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/convention-parties.yaml';
const docs = await renderFixture(FILE, /convention/);
const convention = docs.get('point-01-convention-1') as RenderedDocument;

const FIRST =
  'Le Département de la Haute-Brenne, représenté par M. Paul Bérard, Président du Conseil départemental, agissant en vertu de la délibération du Conseil départemental du 14 mars 2025,';
const FIRST_NEXT =
  'ci-après dénommé « le Département », sis en l’Hôtel du Département à Saint-Aurèle (98), d’une part,';
const SECOND =
  'L’association Brenne Patrimoine, dont le siège est 4 rue des Forges, 98400 Saint-Aurèle, représentée par Mme Hélène Vasseur, sa Présidente, habilitée par son conseil d’administration du 3 février 2025, ci-après dénommée « l’Association », d’autre part.';

/** Quotes folded after spaces, so that « le » with its non-breaking spaces reads "le". */
const fold = (text: string) => foldQuotes(foldSpaces(text));
const paragraphs = () => convention.docx.paragraphs.map((p) => fold(p.text));

describe('a convention’s parties in the collectivité’s own order, in PDF and DOCX', () => {
  it('writes « ci-après dénommé …, sis …, d’une part, » as one sentence, on its own line after the representative', () => {
    const all = paragraphs();
    const at = all.indexOf(fold(FIRST));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(all[at + 1]).toBe(fold(FIRST_NEXT));
    expect(all[at + 2]).toBe('ET :');
    expect(all).toContain(fold(SECOND));
    // « d’une part » and « d’autre part » are inside the sentences, not on lines of their own.
    expect(all.filter((p) => /^d'(une|autre) part/u.test(p))).toEqual([]);
    const lines = convention.pdf.bodyLines().map(fold);
    expect(lines.some((l) => l.startsWith(fold('ci-après dénommé « le Département », sis')))).toBe(true);
    expect(lines.filter((l) => /^d'(une|autre) part[,.]?$/u.test(l))).toEqual([]);
    const text = fold(convention.pdfText);
    for (const sentence of [FIRST, FIRST_NEXT, SECOND]) expect(text).toContain(fold(sentence));
  });

  it('sets the party’s name in bold in the paragraph that holds it, and only there', () => {
    const party = convention.docx.paragraphs.find((p) =>
      p.text.startsWith('Le Département de la Haute-Brenne,'),
    );
    expect(party?.xml).toMatch(
      /<w:r><w:rPr><w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>Le Département de la Haute-Brenne<\/w:t><\/w:r><w:r><w:t[^>]*>, re(?:<\/w:t><w:softHyphen\/><w:t[^>]*>)?pré(?:<\/w:t><w:softHyphen\/><w:t[^>]*>)?senté/u,
    );
    const next = convention.docx.paragraphs.find((p) => p.text.startsWith('ci-après dénommé'));
    expect(next?.runStyles).not.toContain('Strong');
  });

  it('keeps a possessive qualité as written under the signature (« sa Présidente »)', () => {
    const signatories = convention.tree.children.flatMap((b) =>
      b.type === 'keepTogether' ? b.children.flatMap((c) => (c.type === 'signatures' ? c.children : [])) : [],
    );
    expect(signatories.map((s) => s.qualite)).toEqual([
      'Le Président du Conseil départemental',
      'sa Présidente',
    ]);
  });

  it('accepts {position} in a party’s own formula and still rejects an unknown value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-parties-'));
    try {
      const file = join(dir, 'seance.yaml');
      const source = readFileSync(FILE, 'utf8');
      writeFileSync(file, source.replace('{ci_apres}, {position}"', '{ci_apres}, {rang}"'));
      const { diagnostics } = await loadAndValidate(file);
      const line = source.split('\n').findIndex((l) => l.includes('{ci_apres}, {position}"')) + 1;
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.formula', line]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
