/**
 * LibreOffice hyphenates the DOCX only where the tree allows: narrow table columns and a paragraph
 * full of long proper names, quoted words and ordinary long words, converted to PDF by LibreOffice
 * and read back with pdftotext. Names and words inside « guillemets » are never split; ordinary
 * words are, at the tree's soft hyphens (`w:softHyphen`).
 *
 * LibreOffice hyphenates automatically only with a French dictionary (Debian: hyphen-fr, or a
 * folder of hyph_fr.dic in DICPATH, which this test passes on): with one, the test also shows that
 * automatic hyphenation is off (it cut « Kerdraonnec » and « reconductibles » before); without
 * one, it shows that the soft hyphens reach LibreOffice (no ordinary word was cut before).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.ts';
import { frenchHyphenation } from '../../src/tree/transforms/hyphenation.ts';
import { frenchTypography } from '../../src/tree/transforms/typography.ts';
import type { Block, DocumentTree, Inline } from '../../src/tree/types.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { sampleTree } from '../support/sample-tree.ts';

const NAMES = ['Schoenenbourg', 'Marchandeau', 'Vandenbroucke', 'Kerdraonnec', 'Quatrebarbes', 'Bérengère'];
const QUOTED = ['intercommunautaires', 'reconductibles', 'conventionnellement', 'ensoleillées'];
const ORDINARY = [
  'particulièrement',
  'administrativement',
  'intercommunalité',
  'réglementairement',
  'développement',
  'professionnellement',
];
const SENTENCE =
  'Mme Bérengère Schoenenbourg, M. Florimond Marchandeau, Mme Gwendoline Kerdraonnec, ' +
  'M. Barthélemy Vandenbroucke, M. Aurèle Quatrebarbes ; ' +
  '"établissements intercommunautaires", "conventionnellement reconductibles", "terrasses ensoleillées" ; ' +
  `${ORDINARY.join(', ')}.`;
const REPEAT = 4;
const COLUMNS = 4;

const t = (value: string): Inline => ({ type: 'text', value });
const text = Array.from({ length: REPEAT }, () => SENTENCE).join(' ');
const cell = (value: string) => ({ type: 'tableCell' as const, children: [t(value)] });
const blocks: Block[] = [
  {
    type: 'table',
    align: Array.from({ length: COLUMNS }, () => 'left' as const),
    head: { type: 'tableRow', children: Array.from({ length: COLUMNS }, (_, i) => cell(`Colonne ${i + 1}`)) },
    body: [{ type: 'tableRow', children: Array.from({ length: COLUMNS }, () => cell(text)) }],
  },
  { type: 'paragraph', role: 'body', children: [t(text)] },
];
// The compose stage's own transforms: typography, then soft hyphens.
const tree: DocumentTree = frenchHyphenation(frenchTypography({ ...sampleTree(), children: blocks }));

const dir = mkdtempSync(join(tmpdir(), 'delib-docx-hyphens-'));
let lines: string[] = [];

beforeAll(async () => {
  writeFileSync(
    join(dir, 'c.docx'),
    await renderDocx(tree, { creationDate: new Date('2025-01-28T00:00:00Z') }),
  );
  convertToPdf([join(dir, 'c.docx')], dir, join(dir, 'profile'));
  lines = pdftotext(join(dir, 'c.pdf'), '-raw').split('\n');
}, 200_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Words cut at a line end: the piece before « - » joined with the first word of the next line. */
function cutWords(): string[] {
  const cut: string[] = [];
  lines.forEach((line, i) => {
    const head = /(\p{L}+)-$/u.exec(line.trim())?.[1];
    const tail = /^\p{L}+/u.exec(lines[i + 1]?.trim() ?? '')?.[0];
    if (head !== undefined && tail !== undefined) cut.push(head + tail);
  });
  return cut;
}

describe('LibreOffice hyphenates the DOCX only at the tree’s soft hyphens', () => {
  it('never cuts a proper name or a word inside guillemets', () => {
    const all = lines.join('\n');
    const copies = REPEAT * (COLUMNS + 1);
    for (const word of [...NAMES, ...QUOTED]) {
      expect({ word, count: all.split(word).length - 1 }).toEqual({ word, count: copies });
    }
    expect(cutWords().filter((w) => [...NAMES, ...QUOTED].includes(w))).toEqual([]);
  });

  it('cuts ordinary long words, and only them', () => {
    const cut = cutWords();
    expect(new Set(cut).size).toBeGreaterThanOrEqual(3);
    for (const word of cut) expect(ORDINARY).toContain(word);
  });
});
