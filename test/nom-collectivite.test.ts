// The collectivité's name block where the collectivité prints it (r18, from the corpus: a
// département printing its name after the préfecture's stamp; a ville whose name is only in its
// running header line): `position_nom: apres_accuse_reception` prints it in the délibération's
// text, after the stamp and before the `en_tete` lines (other documents keep it at the top of their
// first page); `aucune` prints it nowhere (the logo stays). Read back from the PDF (pdf.js body
// lines and artifacts) and the DOCX (word/document.xml and the first-page header part).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { runDelib } from './support/cli.ts';
import { type ReadDocx, readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';
import { fixtureVariant } from './support/variant.ts';

const FILE = 'fixtures/structures/nom-collectivite.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const NAME = 'DÉPARTEMENT DU HAUT-VERDON';
const STAMP = [
  'Reçu au contrôle de légalité le 27/03/2025 à 11:05:40',
  'Identifiant : 098-229800017-20250320-CD_2025_14-DE',
];
const dir = mkdtempSync(join(tmpdir(), 'delib-nom-collectivite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variant = (name: string, edit: (text: string) => string) => fixtureVariant(dir, SOURCE, name, edit);

/** The first-page header part of a DOCX (the one `w:headerReference w:type="first"` names), or ''. */
function firstHeader(docx: ReadDocx): string {
  const id = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(docx.document)?.[1];
  if (id === undefined) return '';
  const rels = docx.parts.get('word/_rels/document.xml.rels') ?? '';
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return docx.parts.get(`word/${target}`) ?? '';
}

const after = await renderFixture(FILE, /deliberation|ordre-du-jour/);
const acte = documentOf(after, 'point-01-deliberation');

describe('position_nom: apres_accuse_reception', () => {
  it('prints the stamp, then the name, then the en_tete line, in the PDF body', () => {
    const lines = acte.pdf.bodyLines();
    expect(lines.slice(0, 4)).toEqual([...STAMP, NAME, 'RÉPUBLIQUE FRANÇAISE']);
    // No first-page header: the name is not an artifact any more.
    expect(acte.pdf.artifactText(0)).not.toContain(NAME);
  });

  it('prints the same paragraphs in the DOCX body, the name bold, and no first-page header', () => {
    const paragraphs = acte.docx.paragraphs.map((p) => p.text);
    // The DOCX keeps the typography's no-break space before « : » (pdf.js reads a space).
    const stamp = STAMP.join('\n').replace(' :', '\u00A0:');
    expect(paragraphs.slice(0, 3)).toEqual([stamp, NAME, 'RÉPUBLIQUE FRANÇAISE']);
    expect(acte.docx.paragraphs[1]?.xml).toContain('<w:rStyle w:val="Strong"/>');
    expect(firstHeader(acte.docx)).not.toContain('HAUT-VERDON');
  });

  it('keeps the name at the top of the first page of the other documents', () => {
    const odj = documentOf(after, 'ordre-du-jour');
    expect(odj.pdf.artifactText(0)).toContain(NAME);
    expect(odj.pdf.bodyLines()).not.toContain(NAME);
    expect(firstHeader(odj.docx)).toContain(NAME);
  });

  it('prints no exécutoire mention when its formulas are empty (the stamp says it all)', () => {
    for (const text of [acte.pdfText, acte.docxText]) {
      expect(text).not.toContain('Caractère exécutoire');
      expect(text.split('Identifiant :')).toHaveLength(2);
    }
  });
});

describe('position_nom: aucune', () => {
  it('prints the name in no document, PDF nor DOCX; the running header line still can', async () => {
    const file = variant('aucune', (t) =>
      t
        .replace('position_nom: apres_accuse_reception', 'position_nom: aucune')
        .replace('  formules:\n', '  formules:\n    entete_page_droite: "{collectivite}"\n'),
    );
    const docs = await renderFixture(file);
    for (const [id, d] of docs) {
      expect(d.pdf.bodyLines(), id).not.toContain(NAME);
      expect(d.docxText, id).not.toContain(NAME);
      expect(firstHeader(d.docx), id).not.toMatch(/<w:b\/>/);
      // Only the running line, right-aligned on every page.
      expect(d.pdf.artifactText(0).split('HAUT-VERDON'), id).toHaveLength(2);
    }
    const acteSans = documentOf(docs, 'point-01-deliberation');
    expect(acteSans.pdf.bodyLines().slice(0, 3)).toEqual([...STAMP, 'RÉPUBLIQUE FRANÇAISE']);
  });
});

describe('position_nom: aucune with a logo', () => {
  it('keeps the logo alone at the top of the first page, in PDF and DOCX', async () => {
    copyFileSync('fixtures/structures/en-tete-logo.png', join(dir, 'en-tete-logo.png'));
    const file = variant('logo', (t) =>
      t.replace('position_nom: apres_accuse_reception', 'position_nom: aucune\n  logo: en-tete-logo.png'),
    );
    const out = join(dir, 'logo-sortie');
    const result = await runDelib(['build', file, '-o', out, '-q']);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'point-01-deliberation.pdf'))));
    expect(pdf.artifactText(0)).not.toContain('HAUT-VERDON');
    expect(pdf.bodyLines().slice(0, 3)).toEqual([...STAMP, 'RÉPUBLIQUE FRANÇAISE']);
    const header = firstHeader(readDocx(readFileSync(join(out, 'point-01-deliberation.docx'))));
    expect(header).toContain('<w:drawing>');
    expect(header).not.toContain('<w:t');
  });
});

describe('position_nom misused', () => {
  it('is refused outside its three values, in French, at its line and column', async () => {
    const file = variant('faux', (t) =>
      t.replace('position_nom: apres_accuse_reception', 'position_nom: apres_tampon'),
    );
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['schema.enum', '/collectivite/position_nom', 15, 17],
    ]);
    expect(diagnostics[0]?.message).toContain('haut, apres_accuse_reception, aucune');
  });
});
