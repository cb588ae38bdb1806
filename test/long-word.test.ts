// An unbreakable word far wider than a line (a pasted hash, a URL, a key held down) is cut by
// characters in time linear in its length: before, each line re-measured the whole rest of the
// word (60 000 characters took over three minutes and 2.9 GB). The test's own timeout bounds it.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.ts';
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

describe('an unbreakable word wider than many lines', () => {
  it('breaks a 60 000-character word by characters, keeping every character, in bounded time', async () => {
    const word = 'ab0123456789'.repeat(5_000);
    const started = performance.now();
    const { bytes, pages } = await renderPdf(withWord(word), { creationDate: new Date(0) });
    const elapsed = performance.now() - started;
    expect(pages).toBeGreaterThan(5);
    const read = await readPdf(bytes);
    const text = read.bodyLines().join('');
    expect(text.replaceAll(' ', '')).toContain(`Avant${word}après.`);
    // Generous: linear work takes a few seconds even on a loaded machine.
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);
});
