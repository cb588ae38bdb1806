// The présents as the collectivité typed them (`presences.presents_texte`, from the corpus: a
// compte rendu whose list uses « - » for two of its separators and « – » for the others): printed
// in place of the joined names in the délibération and the procès-verbal, in the PDF (pdf.js) and
// the DOCX (document.xml), while `presents` keeps the counts; dropped for a point after someone
// leaves; `delib validate` says where the typed list does not say who `presents` lists
// (rule.attendance-text, at the text).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { bothTexts, documentOf, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/presents-texte.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const TYPED = 'Monsieur BARRAL – Madame COMBES - Monsieur DELPECH – Madame ESTIVAL - Monsieur FAURIE';
const dir = mkdtempSync(join(tmpdir(), 'delib-presents-texte-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const variant = (name: string, edit: (text: string) => string): string => {
  const text = edit(SOURCE);
  expect(text).not.toBe(SOURCE);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
};

const docs = await renderFixture(FILE, /proces-verbal|deliberation/);

describe('presents_texte', () => {
  it('is printed as typed in the délibération and the procès-verbal, the counts still those of presents', () => {
    for (const text of bothTexts(documentOf(docs, 'point-01-deliberation'))) {
      expect(text).toContain(`PRESENTS : ${TYPED}`);
      expect(text).toContain('Présents : 5');
    }
    for (const text of bothTexts(documentOf(docs, 'proces-verbal'))) {
      expect(text).toContain(`PRESENTS : ${TYPED} (5 présents)`);
    }
  });

  it('gives way to the joined names of a point after a member leaves', async () => {
    const file = variant('depart', (t) =>
      t.replace(
        '    objet: Location du jardin de l’ancien presbytère\n',
        '    objet: Location du jardin de l’ancien presbytère\n    deroulement:\n      departs: [{ elu: jfaurie }]\n',
      ),
    );
    const acte = documentOf(await renderFixture(file, /point-01-deliberation/), 'point-01-deliberation');
    for (const text of bothTexts(acte)) {
      expect(text).toContain('PRESENTS : Monsieur BARRAL, Madame COMBES, Monsieur DELPECH et Madame ESTIVAL');
      expect(text).not.toContain(TYPED);
    }
  });

  it('must name each présent, in the order of presents, and no other élu: said at the text', async () => {
    const cases: [string, (t: string) => string, string][] = [
      [
        'manque',
        (t) => t.replace(' – Madame ESTIVAL', ''),
        'ESTIVAL, présent selon « presents », ne figure pas dans la liste des présents écrite.',
      ],
      [
        'ordre',
        (t) => t.replace('Madame COMBES - Monsieur DELPECH', 'Monsieur DELPECH - Madame COMBES'),
        'DELPECH n’est pas à sa place dans la liste des présents écrite : elle ne suit pas l’ordre de « presents ».',
      ],
      [
        'intrus',
        (t) => t.replace('Monsieur FAURIE\n', 'Monsieur FAURIE – Madame GRANSAC\n'),
        'GRANSAC figure dans la liste des présents écrite sans être dans « presents ».',
      ],
    ];
    for (const [name, edit, message] of cases) {
      const { diagnostics } = await loadAndValidate(variant(name, edit));
      const found = diagnostics.filter((d) => d.code === 'rule.attendance-text');
      expect(found.map((d) => [d.severity, d.path, d.line, d.column, d.message])).toEqual([
        ['erreur', '/seance/presences/presents_texte', 40, 21, message],
      ]);
    }
    const { diagnostics } = await loadAndValidate(FILE);
    expect(diagnostics).toEqual([]);
  });
});
