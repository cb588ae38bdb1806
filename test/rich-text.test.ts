import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksFromMarkdown } from '../src/tree/from-mdast.ts';
import { loadAndValidate } from '../src/validate/validate.ts';

/** The Sceaux séance with its points replaced by `points` (YAML text). */
function seanceWith(points: string): string {
  const head = readFileSync('fixtures/sceaux-2023-03-23.yaml', 'utf8').split(/^points:/m)[0] ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'delib-richtext-'));
  const file = join(dir, 'seance.yaml');
  writeFileSync(file, `${head}points:\n${points}`);
  return file;
}

describe('rich-text fields', () => {
  it('reports what is outside the Markdown subset at its line and column in the YAML', async () => {
    const file = seanceWith(`  - numero: 1
    objet: Test
    rapporteur: Florence Presson
    note:
      expose: |
        Premier paragraphe.

        Deuxième avec <b>HTML</b> et ![img](x.png).

        > citation

        ***
      proposition: "Voir [ici](javascript:alert(1))."
`);
    const start = readFileSync(file, 'utf8').split('\n').indexOf('points:') + 1;
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line - start, d.column])).toEqual([
      ['richtext.html', 8, 23],
      ['richtext.image', 8, 38],
      ['richtext.unsupported', 10, 9],
      ['richtext.unsupported', 12, 9],
      ['richtext.link', 13, 26],
    ]);
    for (const d of diagnostics) {
      expect(d.hint).not.toBe('');
      expect(d.path).toMatch(/^\/points\/0\/note\/(expose|proposition)$/);
    }
  });

  it('accepts paragraphs, emphasis, lists, tables, line breaks and http(s)/mailto links', () => {
    const md = [
      'Texte *italique*, **gras**, [site](https://www.sceaux.fr), [écrire](mailto:a@b.fr).',
      '',
      '- un',
      '- deux',
      '',
      '1. premier',
      '2. second',
      '',
      '| Poste | Montant |',
      '|---|--:|',
      '| A | 1 234,56 € |',
      '',
      'ligne\\',
      'suivante, 10:30, « guillemets », 1 < 2 et 3 > 2.',
    ].join('\n');
    const { blocks, problems } = blocksFromMarkdown(md, { mode: 'richtext' });
    expect(problems).toEqual([]);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'table', 'paragraph']);
  });

  it('rejects directives so a clerk’s text cannot open a template block', () => {
    const { problems } = blocksFromMarkdown(':::signatures\n::signataire{nom="x"}\n:::', {
      mode: 'richtext',
    });
    expect(problems.map((p) => p.code)).toEqual(['richtext.unsupported']);
  });
});
