// The header as a mairie or a syndicat prints it (r17): the logo top left with the name beside it
// (default) or centred above the centred name (`position_logo: dessus`), positions read back from
// the PDF (pdf.js operator list and text items) and the DOCX header part; the header's lines of
// several départements from structured data (`collectivite.departements`, formula
// `en_tete_departement`), after the free `en_tete` lines, in PDF and DOCX.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { theme } from '../src/render/theme.ts';
import { runDelib } from './support/cli.ts';
import { paragraphsOf, readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';
import { getDocument, OPS } from './support/pdfjs.ts';

const FILE = 'fixtures/structures/en-tete.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const NAME = 'Syndicat mixte du Bassin de la Sorne-Vive';
const dir = mkdtempSync(join(tmpdir(), 'delib-en-tete-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds the fixture with `edit` applied (logo beside it) and returns the délibération's files. */
async function build(name: string, edit: (text: string) => string = (t) => t) {
  const folder = join(dir, name);
  const out = join(folder, 'sortie');
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edit(SOURCE));
  copyFileSync('fixtures/structures/en-tete-logo.png', join(dir, 'en-tete-logo.png'));
  const result = await runDelib(['build', file, '-o', out, '-q']);
  expect(result.code, result.stderr).toBe(0);
  return {
    pdf: new Uint8Array(readFileSync(join(out, 'point-01-deliberation.pdf'))),
    docx: readDocx(readFileSync(join(out, 'point-01-deliberation.docx'))),
  };
}

/** The logo's box on page 1 (PDF points, y from the top), from the matrix it is painted with. */
async function logoBox(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const height = (page.view as number[])[3] ?? 0;
  const ops = await page.getOperatorList();
  const boxes: { x: number; top: number; width: number; height: number }[] = [];
  // The current transformation matrix, through q / cm / Q: an image fills its unit square.
  type Matrix = [number, number, number, number, number, number];
  const times = (m: Matrix, n: Matrix): Matrix => [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((op, i) => {
    if (op === OPS.save) stack.push(ctm);
    if (op === OPS.restore) ctm = stack.pop() ?? ctm;
    if (op === OPS.transform) ctm = times(ops.argsArray[i] as Matrix, ctm);
    if (op === OPS.paintImageXObject) {
      const [w, , , h, x, y] = ctm;
      boxes.push({ x, top: height - Math.max(y, y + h), width: w, height: Math.abs(h) });
    }
  });
  await doc.destroy();
  return boxes;
}

/** The first-page header part of a DOCX (the one `w:headerReference w:type="first"` names). */
function firstHeader(docx: ReturnType<typeof readDocx>): string {
  const id = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(docx.document)?.[1];
  const rels = docx.parts.get('word/_rels/document.xml.rels') ?? '';
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return docx.parts.get(`word/${target}`) ?? '';
}

const { marginLeft, marginRight, width: pageWidth } = theme.page;
const centre = (marginLeft + pageWidth - marginRight) / 2;

describe('the logo placed as the collectivité places it', () => {
  it('dessus: the logo centred at the top, the name centred under it (PDF positions, DOCX header)', async () => {
    const { pdf, docx } = await build('dessus');
    const [box, ...others] = await logoBox(pdf);
    expect(others).toEqual([]);
    if (!box) throw new Error('no logo');
    expect(box.x + box.width / 2).toBeCloseTo(centre, 0);
    expect(box.top).toBeCloseTo(theme.page.marginTop, 0);
    expect(box.height).toBeCloseTo(theme.header.logoHeight, 0);
    const read = await readPdf(pdf);
    const name = read.pages[0]?.items.find((i) => i.artifact && i.str === NAME);
    if (!name) throw new Error('no name');
    expect(name.x + name.width / 2).toBeCloseTo(centre, 0);
    // Its baseline under the logo's bottom edge, by the gap and less than a line.
    const under = name.y - (box.top + box.height);
    expect(under).toBeGreaterThan(theme.header.logoGap);
    expect(under).toBeLessThan(theme.header.logoGap + theme.header.fontSize * 1.3);
    // The body starts under the name.
    const first = read.pages[0]?.items.find((i) => !i.artifact && i.str !== '');
    expect(first?.y ?? 0).toBeGreaterThan(name.y + theme.header.spaceAfter);

    const paragraphs = paragraphsOf(firstHeader(docx));
    expect(
      paragraphs.map((p) => [p.text, p.xml.includes('<w:drawing'), /<w:jc w:val="center"\/>/.test(p.xml)]),
    ).toEqual([
      ['', true, true],
      [NAME, false, true],
    ]);
  });

  it('gauche (default): the logo top left, the name beside it on the logo’s middle (PDF positions, DOCX header)', async () => {
    const { pdf, docx } = await build('gauche', (t) => t.replace('  position_logo: dessus\n', ''));
    const [box] = await logoBox(pdf);
    if (!box) throw new Error('no logo');
    expect(box.x).toBeCloseTo(marginLeft, 0);
    expect(box.top).toBeCloseTo(theme.page.marginTop, 0);
    const read = await readPdf(pdf);
    const name = read.pages[0]?.items.find((i) => i.artifact && i.str === NAME);
    if (!name) throw new Error('no name');
    expect(name.x).toBeGreaterThan(box.x + box.width);
    expect(name.y).toBeGreaterThan(box.top);
    expect(name.y).toBeLessThan(box.top + box.height);

    const paragraphs = paragraphsOf(firstHeader(docx));
    expect(paragraphs).toHaveLength(1);
    const [only] = paragraphs;
    expect(only?.text.trim()).toBe(NAME);
    expect(only?.xml.indexOf('<w:drawing')).toBeLessThan(only?.xml.indexOf(NAME) ?? 0);
    expect(only?.xml).not.toContain('<w:jc w:val="center"/>');
  });
});

describe('several départements from structured data', () => {
  const LINES = [
    'RÉPUBLIQUE FRANÇAISE',
    'Département des Hautes-Combes',
    'Arrondissement de Pierrelaine',
    'Département de la Basse-Sorne',
    'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS',
  ];
  const docxLines = (docx: ReturnType<typeof readDocx>) =>
    docx.paragraphs.map((p) => p.text).slice(0, LINES.length);

  it('prints each département and its arrondissement after the en_tete lines, in PDF and DOCX', async () => {
    const { pdf, docx } = await build('departements');
    expect((await readPdf(pdf)).bodyLines().slice(0, LINES.length)).toEqual(LINES);
    expect(docxLines(docx)).toEqual(LINES);
  });

  it('in the collectivité’s formulas (en_tete_departement with {numero}, en_tete_arrondissement emptied)', async () => {
    const { pdf, docx } = await build('formule', (t) =>
      t.replace(
        '  en_tete:\n',
        '  formules:\n    en_tete_departement: "{nom} ({numero})"\n    en_tete_arrondissement: ""\n  en_tete:\n',
      ),
    );
    const lines = [
      'RÉPUBLIQUE FRANÇAISE',
      'Département des Hautes-Combes (98)',
      'Département de la Basse-Sorne (99)',
      'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS',
    ];
    expect((await readPdf(pdf)).bodyLines().slice(0, lines.length)).toEqual(lines);
    expect(docx.paragraphs.map((p) => p.text).slice(0, lines.length)).toEqual(lines);
  });
});
