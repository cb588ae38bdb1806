import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../src/diagnostics.ts';
import { templateEnv } from '../src/template/env.ts';
import { escapeAttributeValue, escapeMarkdownText } from '../src/template/escape.ts';
import { blocksFromMarkdown } from '../src/tree/from-mdast.ts';
import { inlineText } from '../src/tree/text.ts';

function overrideDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'delib-templates-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

function diagnosticsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a DiagnosticError');
}

const hostile = [
  '*Dupont*',
  '# Titre',
  '| a | b |',
  ':::signatures',
  '<b>gras</b>',
  '[lien](javascript:alert(1))',
  '1. liste',
  '- puce',
  '> citation',
  '`code`',
  '\\*échappé\\*',
  '2023. Une année',
  '    indenté',
  'a  \nb',
  '![image](x.png)',
  '_souligné_ et __gras__',
  '&amp; &lt;',
  '---',
  '===',
  'mailto:x@y.fr <http://a.b>',
];

describe('escaping plain values', () => {
  it.each(hostile)('prints %j literally in a paragraph, mid-line and in a table cell', (value) => {
    const folded = value.replace(/[\t\r\n]+/g, ' ').trim();
    const escaped = escapeMarkdownText(value);
    const para = blocksFromMarkdown(escaped, { mode: 'template' });
    expect(para.problems).toEqual([]);
    expect(para.blocks).toHaveLength(1);
    const p = para.blocks[0];
    expect(p?.type).toBe('paragraph');
    if (p?.type === 'paragraph') expect(inlineText(p.children)).toBe(folded);

    const mid = blocksFromMarkdown(`Texte ${escaped} suite`, { mode: 'template' }).blocks[0];
    if (mid?.type !== 'paragraph') throw new Error('paragraph expected');
    expect(inlineText(mid.children)).toBe(`Texte ${folded} suite`);

    const table = blocksFromMarkdown(`| A | B |\n|---|---|\n| ${escaped} | x |`, { mode: 'template' })
      .blocks[0];
    if (table?.type !== 'table') throw new Error('table expected');
    expect(inlineText(table.body[0]?.children[0]?.children ?? [])).toBe(folded);
  });

  it('gives the tree a backslash before every punctuation mark gives, in every place a template puts a value', () => {
    // The escaping of the first versions: every ASCII punctuation character.
    const everyMark = (v: string) =>
      v
        .replace(/[\t\r\n\f\v]+/g, ' ')
        .trim()
        .replace(/[!-/:-@[-`{-~]/g, '\\$&');
    const places = [
      (e: string) => e,
      (e: string) => `Texte ${e} suite`,
      (e: string) => `**${e}**`,
      (e: string) => `*${e}*, puis _${e}_`,
      (e: string) => `# ${e}`,
      (e: string) => `## Titre ${e}`,
      (e: string) => `${e}${e}`,
      (e: string) => `1${e}`,
      (e: string) => `- ${e}`,
      (e: string) => `> ${e}`,
      (e: string) => `${e}\n${e}`,
      (e: string) => `Titre\n${e}`,
      (e: string) => `| ${e} | ${e} |\n| ${e} | x |\n|---|---|\n| ${e} | x |`,
      (e: string) => `:::objet\n${e}\n:::\n\n:::corps\n${e}\n\n${e}\n:::`,
      (e: string) => `Note${e}[^1]\n\n[^1]: ${e}`,
      (e: string) => `  ${e}`,
    ];
    const value = fc.oneof(
      fc.stringMatching(/^[-a-zé0-9 .,;:!?()'"*_`#|<>&{}[\]\\~+=/^$%@]{0,12}$/),
      fc.constantFrom(
        ...hostile,
        'Titre #',
        'a ##',
        '1)',
        '2024.',
        '+ x',
        '= =',
        ':::',
        '::x',
        '|---|',
        '!',
        'x\\',
      ),
    );
    fc.assert(
      fc.property(value, fc.nat(places.length - 1), (v, at) => {
        const place = places[at]!;
        // The blocks, and the problems by code and line (columns move with the backslashes).
        const tree = (e: string) => {
          const { blocks, problems } = blocksFromMarkdown(place(e), { mode: 'template' });
          return JSON.stringify({ blocks, problems: problems.map((p) => [p.code, p.line]) });
        };
        expect(tree(escapeMarkdownText(v))).toBe(tree(everyMark(v)));
      }),
      { numRuns: 1500 },
    );
  });

  it('encodes directive attributes so quotes and ampersands survive', () => {
    const nom = 'Dupont & "Fils" <x> \\n';
    const md = `:::signatures\n::signataire{nom="${escapeAttributeValue(nom)}" qualite="Maire"}\n:::\n`;
    const block = blocksFromMarkdown(md, { mode: 'template' }).blocks[0];
    if (block?.type !== 'signatures') throw new Error('signatures expected');
    expect(block.children[0]?.nom).toBe(nom);
  });
});

describe('template environment', () => {
  const seanceData = {
    instance: 'Conseil municipal',
    seance: { date: '2023-03-23', heure: '19:30' },
    point: { objet: '*Dupont* | :::signatures <b>x</b>', rapporteur: '# Mme Dupont' },
  };

  it('rejects an unknown helper when compiling, with the file and line', () => {
    const dir = overrideDir({
      'note-de-presentation.hbs': 'OBJET : {{point.objet}}\n\n{{#each (liste point)}}{{this}}{{/each}}',
    });
    const diags = diagnosticsOf(() => templateEnv({ templatesDir: dir }));
    expect(diags[0]?.code).toBe('template.unknown-helper');
    expect(diags[0]?.file).toContain('note-de-presentation.hbs');
    expect(diags[0]?.line).toBe(3);
  });

  it('uses an overridden template from --templates and keeps the defaults for the others', () => {
    const dir = overrideDir({
      'note-de-presentation.hbs': 'MA VILLE : {{point.objet}}\n\nRapporteur : {{point.rapporteur}}\n',
    });
    const env = templateEnv({ templatesDir: dir });
    const md = env.render('note-de-presentation', seanceData);
    const { blocks, problems } = blocksFromMarkdown(md, { mode: 'template' });
    expect(problems).toEqual([]);
    const texts = blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.type));
    expect(texts).toEqual(['MA VILLE : *Dupont* | :::signatures <b>x</b>', 'Rapporteur : # Mme Dupont']);
    expect(env.files.find((f) => f.name === 'deliberation')?.path).not.toContain(dir);
  });

  it('names the template file, line, column and data path of a missing field', () => {
    const dir = overrideDir({ 'note-de-presentation.hbs': 'Titre\n\nMontant : {{point.montant}} €\n' });
    const env = templateEnv({ templatesDir: dir });
    const diags = diagnosticsOf(() => env.render('note-de-presentation', seanceData));
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'template.missing-field',
      line: 3,
      column: 13,
      path: '/point/montant',
    });
    expect(diags[0]?.file).toMatch(/note-de-presentation\.hbs$/);
    expect(diags[0]?.message).toContain('point.montant');
  });

  it('reports every missing field of a render, not only the first', () => {
    const dir = overrideDir({
      'note-de-presentation.hbs': 'Titre\n\n{{point.montant}} et {{point.duree}}\n\n{{seance.salle}}\n',
    });
    const env = templateEnv({ templatesDir: dir });
    const diags = diagnosticsOf(() => env.render('note-de-presentation', seanceData));
    expect(diags.map((d) => [d.code, d.path, d.line])).toEqual([
      ['template.missing-field', '/point/montant', 3],
      ['template.missing-field', '/point/duree', 3],
      ['template.missing-field', '/seance/salle', 5],
    ]);
  });

  it('suggests the field the template author probably meant', () => {
    const dir = overrideDir({ 'note-de-presentation.hbs': 'Titre\n\nPar {{point.raporteur}}\n' });
    const env = templateEnv({ templatesDir: dir });
    const diags = diagnosticsOf(() => env.render('note-de-presentation', seanceData));
    expect(diags[0]).toMatchObject({ code: 'template.missing-field', line: 3, column: 7 });
    expect(diags[0]?.hint).toMatch(/^Vouliez-vous dire « point\.rapporteur » \?/);
  });

  it('reports a missing partial at compile time with its position', () => {
    const dir = overrideDir({ 'ordre-du-jour.hbs': 'A\n\n  {{> inexistant}}\n' });
    const diags = diagnosticsOf(() => templateEnv({ templatesDir: dir }));
    expect(diags[0]).toMatchObject({ code: 'template.missing-partial', line: 3, column: 3 });
  });

  it('reports a syntax error with its line', () => {
    const dir = overrideDir({ 'convention.hbs': 'A\n{{#each convention.articles}}\nB\n' });
    const diags = diagnosticsOf(() => templateEnv({ templatesDir: dir }));
    expect(diags[0]?.code).toBe('template.syntax');
    expect(diags[0]?.file).toMatch(/convention\.hbs$/);
  });

  it('keeps prototype access off', () => {
    const dir = overrideDir({ 'note-de-presentation.hbs': '{{#with point}}[{{constructor.name}}]{{/with}}' });
    const env = templateEnv({ templatesDir: dir });
    let out = '';
    try {
      out = env.render('note-de-presentation', seanceData);
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticError);
    }
    expect(out).not.toContain('Object');
  });

  it('compiles once per process and folder', () => {
    expect(templateEnv()).toBe(templateEnv());
  });

  // A text compiled once is not compiled again for another folder (src/template/env.ts keeps the
  // compiled code by text): each folder still gets its own files and the same diagnostics.
  it('gives a second folder with the same texts its own files and the same diagnostics', () => {
    const texts: Record<string, string>[] = [
      { 'note-de-presentation.hbs': 'Titre\n\nMontant : {{point.montant}} €\n' },
      { 'ordre-du-jour.hbs': 'A\n\n  {{> inexistant}}\n' },
      { 'note-de-presentation.hbs': 'OBJET\n\n{{#each (liste point)}}{{this}}{{/each}}' },
    ];
    for (const files of texts) {
      const [first, second] = [overrideDir(files), overrideDir(files)];
      const problems = (dir: string) =>
        diagnosticsOf(() => templateEnv({ templatesDir: dir }).render('note-de-presentation', seanceData));
      const [a, b] = [problems(first), problems(second)];
      expect(a.length).toBeGreaterThan(0);
      expect(b.map((d) => [d.code, d.line, d.column])).toEqual(a.map((d) => [d.code, d.line, d.column]));
      for (const d of b) expect(d.file?.startsWith(second)).toBe(true);
    }
  });
});
