// An unbreakable word far wider than a line (a pasted hash, a URL, a key held down) is cut by
// characters with work linear in its length: before, each line re-measured the whole rest of the
// word (60 000 characters took over three minutes and 2.9 GB). The work is counted, not timed
// (speed is measured in bench/): the characters the line breaker hands to the measurer.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.ts';
import { PLAIN } from '../src/render/pdf/inlines.ts';
import { breakLines } from '../src/render/pdf/line-break.ts';
import type { Measurer } from '../src/render/pdf/measure.ts';
import type { DocumentTree } from '../src/tree/types.ts';
import { readPdf } from './support/pdf.ts';
import { sampleTree } from './support/sample-tree.ts';

function withWord(word: string): DocumentTree {
  const tree = sampleTree();
  return {
    ...tree,
    children: [
      { type: 'paragraph', role: 'body', children: [{ type: 'text', value: `Avant ${word} après.` }] },
    ],
  };
}

/** Characters measured while breaking `word` into lines of a body paragraph (half an em each). */
function measuredCharacters(word: string): { characters: number; lines: number } {
  let characters = 0;
  const counting: Measurer = {
    width(text, _face, size) {
      characters += text.length;
      return text.length * size * 0.5;
    },
  };
  const lines = breakLines(
    [{ kind: 'text', text: word, style: PLAIN }],
    { width: 450, size: 11, bold: false, align: 'justify' },
    counting,
  );
  expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(word);
  return { characters, lines: lines.length };
}

describe('an unbreakable word wider than many lines', () => {
  it('is cut with work linear in its length', () => {
    const short = measuredCharacters('ab0123456789'.repeat(500));
    const long = measuredCharacters('ab0123456789'.repeat(5_000));
    expect(long.lines).toBeGreaterThan(9 * short.lines);
    // Linear: ≈ 19–28 characters measured per character of the word (binary search on each
    // line's window). Re-measuring the rest at each line was ≈ 370 per character at 60 000, and
    // ten times the word cost a hundred times the work.
    expect(long.characters / 60_000).toBeLessThan(40);
    expect(long.characters).toBeLessThan(12 * short.characters);
  });

  it('is drawn by characters on several pages of the PDF, keeping every character', async () => {
    const word = 'ab0123456789'.repeat(1_700);
    const { bytes, pages } = await renderPdf(withWord(word), { creationDate: new Date(0) });
    expect(pages).toBeGreaterThan(3);
    const read = await readPdf(bytes);
    const text = read.bodyLines().join('');
    expect(text.replaceAll(' ', '')).toContain(`Avant${word}après.`);
  });
});
