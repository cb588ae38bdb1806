/**
 * LibreOffice opens the DOCX, converts it to PDF (own profile folder, time limit), and the text
 * read back with pdftotext is the tree's text and the PDF renderer's text; page counts of the two
 * formats are compared.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose.ts';
import { listDocuments } from '../../src/compose/documents.ts';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { templateEnv } from '../../src/template/env.ts';
import { foldSpaces, treeText } from '../../src/tree/text.ts';
import type { Block, DocumentTree } from '../../src/tree/types.ts';
import { loadAndValidate } from '../../src/validate/validate.ts';
import { convertToPdf, pdftotext } from '../support/libreoffice.ts';
import { sampleTree } from '../support/sample-tree.ts';
import { withSignatureBands } from '../support/signature-bands.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');
const FIXTURES = ['sceaux-2023-03-23', 'conseil-2024-06-27'] as const;

interface Case {
  readonly name: string;
  readonly tree: DocumentTree;
  readonly docx: Uint8Array;
  readonly pdfkit?: Uint8Array;
}

const dir = mkdtempSync(join(tmpdir(), 'delib-docx-lo-'));
const cases: Case[] = [];

/** Converts every DOCX of `names` in one LibreOffice run, with its own profile and a time limit. */
function convertAll(names: readonly string[], profile = 'profile'): void {
  convertToPdf(
    names.map((n) => join(dir, `${n}.docx`)),
    join(dir, 'out'),
    join(dir, profile),
  );
}

/** Text in content-stream order: both LibreOffice and the PDF renderer draw in reading order, while
 * pdftotext's layout analysis reorders side-by-side signatures and right-aligned cells. */
function pdfText(path: string): string {
  return pdftotext(path, '-raw');
}

function pages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8', timeout: 30_000 });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

function fonts(path: string): string {
  return execFileSync('pdffonts', [path], { encoding: 'utf8', timeout: 30_000 });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text for comparison: spaces folded, page furniture (header, « short title Page X / Y ») taken
 * out, then whitespace and hyphens dropped, since each engine breaks and hyphenates lines its own
 * way (LibreOffice hyphenates only with a French dictionary installed).
 */
function comparable(text: string, tree: DocumentTree): string {
  let t = foldSpaces(text).replace(/Page \d+ \/ \d+/g, ' ');
  t = t.replace(new RegExp(escapeRegExp(foldSpaces(tree.meta.shortTitle)), 'g'), ' ');
  if (tree.header.collectivite !== undefined) t = t.replace(foldSpaces(tree.header.collectivite), ' ');
  return t.replace(/[\s\-\u2010\u2011]/g, '');
}

const BULLETS = ['•', '–', '◦'];
const ORDERED = [
  (n: number) => `${n}.`,
  (n: number) => `${String.fromCharCode(96 + n)})`,
  (n: number) => `${n}.`,
];

/** The tree with list labels written out, as Word numbering shows them. */
function withListLabels(blocks: readonly Block[], level = 0): Block[] {
  return blocks.map((b): Block => {
    if (b.type === 'keepTogether' || b.type === 'titleBlock') {
      return { ...b, children: withListLabels(b.children, level) } as Block;
    }
    if (b.type !== 'list') return b;
    return {
      ...b,
      children: b.children.map((item, i) => {
        const label = b.ordered
          ? ORDERED[level % 3]!(level === 0 ? b.start + i : i + 1)
          : BULLETS[level % 3]!;
        const [first, ...rest] = withListLabels(item.children, level + 1);
        const labelled =
          first && (first.type === 'paragraph' || first.type === 'heading')
            ? { ...first, children: [{ type: 'text' as const, value: `${label} ` }, ...first.children] }
            : first;
        return { ...item, children: labelled ? [labelled, ...rest] : rest };
      }),
    };
  });
}

/** The first difference of two long strings, with some context, for readable failures. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length
    ? ''
    : `at ${i}: «${a.slice(i - 40, i + 60)}» vs «${b.slice(i - 40, i + 60)}»`;
}

beforeAll(async () => {
  const add = async (name: string, tree: DocumentTree, pdf: boolean) => {
    const docx = await renderDocx(tree, { creationDate });
    writeFileSync(join(dir, `${name}.docx`), docx);
    const pdfkit = pdf ? (await renderPdf(tree, { creationDate })).bytes : undefined;
    if (pdfkit) writeFileSync(join(dir, `${name}.pdfkit.pdf`), pdfkit);
    cases.push({ name, tree, docx, ...(pdfkit ? { pdfkit } : {}) });
  };
  await add('sample', sampleTree({ paragraphs: 6 }), false);
  // Characters beyond what a clerk types: the DOCX subset takes them from the document. Opened on
  // its own: LibreOffice keeps the first embedded font of a name for its whole session.
  const names = sampleTree();
  await add(
    'beyond-latin-1',
    {
      ...names,
      children: [
        ...names.children,
        {
          type: 'paragraph',
          role: 'body',
          children: [{ type: 'text', value: 'Antonín Dvořák à Łódź, Şişli.' }],
        },
      ],
    },
    false,
  );
  for (const fixture of FIXTURES) {
    const { seance } = await loadAndValidate(join('fixtures', `${fixture}.yaml`));
    if (!seance) throw new Error(`fixture ${fixture} does not validate`);
    for (const ref of listDocuments(seance)) {
      const tree = composeDocument(seance, ref, { env: templateEnv() });
      await add(`${fixture}--${ref.kind}-${cases.length}`, tree, true);
    }
  }
  convertAll(cases.map((c) => c.name).filter((name) => name !== 'beyond-latin-1'));
  convertAll(['beyond-latin-1'], 'profile-beyond');
}, 200_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice reads the DOCX', () => {
  it('converts every document, with the embedded Source Sans 3', () => {
    expect(cases.length).toBeGreaterThan(4);
    for (const c of cases) {
      const list = fonts(join(dir, 'out', `${c.name}.pdf`));
      expect(list, c.name).toContain('SourceSans3-Regular');
      expect(list, c.name).not.toMatch(/DejaVu|Liberation/);
    }
  });

  it('gets a one-page DOCX of at most 80 KB, its fonts embedded (a subset by default)', () => {
    const onePage = cases.filter((c) => pages(join(dir, 'out', `${c.name}.pdf`)) === 1);
    expect(onePage.length).toBeGreaterThan(0);
    for (const c of onePage) expect(c.docx.byteLength, c.name).toBeLessThanOrEqual(80 * 1024);
  });

  it('shows characters beyond Latin-1 with the embedded Source Sans 3 too', () => {
    const list = fonts(join(dir, 'out', 'beyond-latin-1.pdf'));
    const families = list
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) expect(family).toMatch(/^SourceSans3-/);
  });

  it('shows the tree text in order, list labels included', () => {
    for (const c of cases) {
      const got = comparable(pdfText(join(dir, 'out', `${c.name}.pdf`)), c.tree);
      const labelled = { ...c.tree, children: withSignatureBands(withListLabels(c.tree.children)) };
      const want = comparable(treeText(labelled), {
        ...c.tree,
        header: { collectivite: '' },
        meta: { ...c.tree.meta, shortTitle: '' },
      });
      expect(firstDifference(got, want), c.name).toBe('');
    }
  });

  it('shows the same text as the PDF renderer', () => {
    // Side-by-side signatures: the PDF draws them column by column, the DOCX row by row (both
    // compared with the tree in their own order above); here the rest of the text.
    const signatureLines = (blocks: readonly Block[]): string[] =>
      blocks.flatMap((b) =>
        b.type === 'signatures' && b.children.length > 1
          ? b.children.flatMap((x) => [x.heading, x.qualite, x.nom]).filter((t) => t !== '')
          : b.type === 'keepTogether'
            ? signatureLines(b.children)
            : [],
      );
    // Each line taken out at its last place: the signatures close the document.
    const without = (text: string, lines: readonly string[]) =>
      lines.reduceRight((t, l) => {
        const at = t.lastIndexOf(foldSpaces(l));
        return at < 0 ? t : `${t.slice(0, at)} ${t.slice(at + foldSpaces(l).length)}`;
      }, foldSpaces(text));
    for (const c of cases.filter((x) => x.pdfkit)) {
      const lines = signatureLines(c.tree.children);
      const pdfkitPath = join(dir, `${c.name}.pdfkit.pdf`);
      const lo = comparable(without(pdfText(join(dir, 'out', `${c.name}.pdf`)), lines), c.tree);
      expect(firstDifference(lo, comparable(without(pdfText(pdfkitPath), lines), c.tree)), c.name).toBe('');
    }
  });

  it('runs to about as many pages as the PDF renderer', () => {
    const counts = cases
      .filter((x) => x.pdfkit)
      .map((c) => ({
        name: c.name,
        docx: pages(join(dir, 'out', `${c.name}.pdf`)),
        pdf: pages(join(dir, `${c.name}.pdfkit.pdf`)),
      }));
    // Line breaking differs (LibreOffice's own justification and hyphenation): one page either way.
    for (const c of counts) expect(Math.abs(c.docx - c.pdf), JSON.stringify(c)).toBeLessThanOrEqual(1);
    writeFileSync(join(tmpdir(), 'delib-docx-pages.json'), JSON.stringify(counts, null, 1));
  });

  it('reads the sample’s furniture: header on page 1 only, Page X / Y on every page', () => {
    const path = join(dir, 'out', 'sample.pdf');
    const n = pages(path);
    expect(n).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= n; page++) {
      const text = foldSpaces(pdftotext(path, '-f', `${page}`, '-l', `${page}`));
      expect(text).toContain(`Page ${page} / ${n}`);
      expect(text).toContain('Convention – point n° 1');
      expect(text.startsWith('Ville de Sceaux')).toBe(page === 1);
    }
  });
});

it('keeps the DOCX bytes identical to what was converted', () => {
  for (const c of cases)
    expect(Buffer.from(readFileSync(join(dir, `${c.name}.docx`))).equals(Buffer.from(c.docx))).toBe(true);
});
