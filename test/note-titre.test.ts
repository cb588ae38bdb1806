// A note de présentation titled in the collectivité's words (c17, from the corpus: a budget's
// « Rapport de présentation » under its commune and budget lines and decorative separators), with
// its page lines in two columns and « - Page 1 - » at its foot: the exact text, typography included,
// read back from the PDF (pdf.js) and the DOCX (word/document.xml, header and footer parts).
import { describe, expect, it } from 'vitest';
import { documentOf, renderFixture } from './support/rendered.ts';

const note = documentOf(
  await renderFixture('fixtures/structures/note-rapport.yaml', /note/),
  'point-01-note',
);
// The separator as the DOCX holds it: the typography's no-break space before each « : » that
// follows a space (pdf.js reads it as a space).
const separator = '-:-\u00A0:-\u00A0:-\u00A0:-\u00A0:-';
const title = [
  'COMMUNE DE MONTBRISAC (VERDON-SUR-ARGENS)',
  'BUDGET PRIMITIF 2026',
  separator,
  'BUDGET PRINCIPAL',
  separator,
  'Rapport de présentation',
];
const pdfTitle = title.map((l) => l.replaceAll('\u00A0', ' '));

describe('the note’s title block from the formulas note_titre_avant, note_titre_date, note_titre', () => {
  it('prints each line in this order, then the rapport, in the PDF', () => {
    const lines = note.pdf.bodyLines();
    const at = lines.indexOf(title[0] ?? '');
    expect(lines.slice(at, at + title.length + 1)).toEqual([
      ...pdfTitle,
      'Le compte administratif ayant été arrêté, je vous propose de reprendre dès ce budget les restes à',
    ]);
  });

  it('prints the same paragraphs in the DOCX, the title as its heading', () => {
    const paragraphs = note.docx.paragraphs.map((p) => p.text);
    const at = paragraphs.indexOf(title[0] ?? '');
    expect(paragraphs.slice(at, at + title.length)).toEqual(title);
    expect(note.docx.paragraphs[at + title.length - 1]?.style).toBe('TitreDuDocument');
  });

  it('leaves out the default lines: the instance in capitals, the date, « NOTE DE PRÉSENTATION », the objet', () => {
    for (const text of [note.pdfText, note.docxText]) {
      expect(text).not.toContain('CONSEIL MUNICIPAL');
      expect(text).not.toContain('Séance du');
      expect(text).not.toContain('NOTE DE PRÉSENTATION');
      expect(text).not.toContain('Objet');
    }
  });

  it('keeps the rapport’s typography: typographic apostrophes, amounts with their no-break spaces', () => {
    const sentence =
      'je vous propose de reprendre dès ce budget les restes à réaliser de l’exercice 2025 et d’affecter';
    expect(note.docxText).toContain(sentence);
    expect(note.pdfText).toContain(sentence);
    // Groups of three by narrow no-break spaces, a no-break space before « € », as typed otherwise.
    const amount = note.docx.paragraphs.find((p) => p.text.includes('contre'));
    expect(amount?.text).toBe('1\u202F204\u202F310,52\u00A0€ contre 1\u202F187\u202F640,10\u00A0€ en 2024.');
  });
});

describe('the page lines of a rapport', () => {
  it('puts the département at the left, the ville at the right and « - Page 1 - » at the foot', () => {
    const furniture = note.pdf.artifactText(0);
    expect(furniture).toContain('DÉPARTEMENT DU VERDON-SUR-ARGENS');
    expect(furniture).toContain('Ville de MONTBRISAC');
    expect(furniture).toContain('- Page 1 -');
    expect(furniture).not.toContain('Page 1 / 1');
    const left = note.pdf.pages[0]?.items.find((i) => i.str.startsWith('DÉPARTEMENT DU VERDON'));
    const right = note.pdf.pages[0]?.items.find((i) => i.str.startsWith('Ville de MONTBRISAC'));
    expect(left && right && left.y === right.y && left.x < right.x).toBe(true);
    const header = note.docx.headers.join('');
    expect(header).toContain('DÉPARTEMENT DU VERDON-SUR-ARGENS');
    expect(header).toContain('Ville de MONTBRISAC');
    const footer = note.docx.footers.join('');
    expect(footer).toContain('- Page ');
    expect(footer).toMatch(/PAGE/);
  });
});
