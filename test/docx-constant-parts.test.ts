import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument, listDocuments, loadAndValidate, templateEnv } from '../src/index.ts';
import { forgetConstantParts, writePrebuiltConstantParts } from '../src/render/docx/constant-parts.ts';
import { type DocxRenderOptions, renderDocx } from '../src/render/docx/index.ts';
import type { FontFiles } from '../src/render/font-files.ts';
import type { DocumentTree } from '../src/tree/types.ts';
import { readDocx } from './support/docx.ts';

const creationDate = new Date('2023-03-23T18:30:00Z');
const require = createRequire(import.meta.url);
const serif = (face: string) =>
  require.resolve(`@expo-google-fonts/source-serif-4/${face}/SourceSerif4_${face}.ttf`);
const SERIF: FontFiles = {
  family: 'Source Serif 4',
  regular: serif('400Regular'),
  bold: serif('700Bold'),
  italic: serif('400Regular_Italic'),
  boldItalic: serif('700Bold_Italic'),
};

async function treesOf(file: string): Promise<DocumentTree[]> {
  const { seance } = await loadAndValidate(file);
  if (!seance) throw new Error(`${file} invalide`);
  const env = templateEnv({});
  return listDocuments(seance).map((ref) => composeDocument(seance, ref, { env }));
}

describe('DOCX constant parts (styles, theme, settings, font table) formatted once a process', () => {
  it('give the same bytes as docx formatting every part of every package', async () => {
    const trees = [
      ...(await treesOf('fixtures/sceaux-2023-03-23.yaml')),
      ...(await treesOf('fixtures/valmorin-2024-09-26.yaml')),
    ];
    // Two families in turn (their styles and font tables differ), and one package with its fonts.
    const options = (i: number): DocxRenderOptions => ({
      creationDate,
      embedFonts: i === 1,
      ...(i % 3 === 2 ? { fonts: SERIF } : {}),
    });
    forgetConstantParts();
    const reused: Uint8Array[] = [];
    for (const [i, tree] of trees.entries()) reused.push(await renderDocx(tree, options(i)));
    for (const [i, tree] of trees.entries()) {
      forgetConstantParts();
      const whole = await renderDocx(tree, options(i));
      expect(Buffer.from(reused[i]!).equals(whole), `${tree.meta.title} (${i})`).toBe(true);
    }
    const styles = (i: number) => readDocx(reused[i]!).parts.get('word/styles.xml') ?? '';
    expect(styles(2)).toContain('w:ascii="Source Serif 4"');
    expect(styles(3)).not.toContain('Source Serif 4');
    expect(readDocx(reused[1]!).entries.filter((e) => e.startsWith('word/fonts/'))).toHaveLength(4);
  });
});

describe('DOCX constant parts formatted at build time (bin/build-dist.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-constant-parts-'));
  afterAll(() => {
    forgetConstantParts();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are read back in a new process state and give the same bytes; parts read otherwise show', async () => {
    const trees = await treesOf('fixtures/sceaux-2023-03-23.yaml');
    forgetConstantParts(pathToFileURL(join(dir, 'absent.json')));
    const whole = await Promise.all(trees.map((tree) => renderDocx(tree, { creationDate })));
    const file = join(dir, 'parts.json');
    writePrebuiltConstantParts(pathToFileURL(file));
    forgetConstantParts(pathToFileURL(file));
    for (const [i, tree] of trees.entries()) {
      const read = await renderDocx(tree, { creationDate });
      expect(Buffer.from(read).equals(whole[i]!), tree.meta.title).toBe(true);
    }
    // The parts do come from the file: altered there, they are altered in the package.
    const altered = join(dir, 'altered.json');
    writeFileSync(altered, readFileSync(file, 'utf8').replace('<w:styles ', '<w:styles delib:x=\\"1\\" '));
    forgetConstantParts(pathToFileURL(altered));
    const styles = readDocx(await renderDocx(trees[0]!, { creationDate })).parts.get('word/styles.xml');
    expect(styles).toContain('delib:x="1"');
  });
});
