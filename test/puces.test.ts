// The collectivité's list markers (`collectivite.puces`, from the corpus: a compte rendu whose
// lists are Word's « - » then « o », a web page whose nested items keep « • »): the délibération of
// fixtures/structures/puces.yaml draws « - » at the first depth and « o » at the second, in the
// PDF (pdf.js, tagged labels) and the DOCX (word/numbering.xml); without the key, the theme's
// (test/list-labels.test.ts).
import { describe, expect, it } from 'vitest';
import { wordLabels } from './support/docx.ts';
import { taggedTexts } from './support/pdf.ts';
import { documentOf, renderFixture } from './support/rendered.ts';

const acte = documentOf(
  await renderFixture('fixtures/structures/puces.yaml', /point-01-deliberation/),
  'point-01-deliberation',
);
const labels = ['-', 'o', 'o', '-'];

describe('puces: the collectivité’s list markers', () => {
  it('draws them in the PDF, at each depth', () => {
    expect(taggedTexts(acte.pdf, /^Lbl$/).map((l) => l.text.trim())).toEqual(labels);
    expect(acte.pdfText).toContain('- en investissement : o compte 1068 : 12 400,00 € ;');
  });

  it('writes the same markers in the DOCX numbering', () => {
    const { document, parts } = acte.docx;
    expect(wordLabels(document, parts.get('word/numbering.xml') ?? '')).toEqual(labels);
  });
});
