import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runDelib } from './support/cli.ts';
import { readDocx } from './support/docx.ts';

const delib = (args: readonly string[]) => runDelib(args);

const require = createRequire(import.meta.url);
const serif = (dir: string, file: string) =>
  require.resolve(`@expo-google-fonts/source-serif-4/${dir}/${file}`);

/** The Sceaux séance in a folder of its own, with `polices` added under collectivite. */
function seanceWithFonts(polices: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'delib-fonts-'));
  const faces = [
    ['400Regular', 'SourceSerif4_400Regular.ttf', 'romain.ttf'],
    ['700Bold', 'SourceSerif4_700Bold.ttf', 'gras.ttf'],
    ['400Regular_Italic', 'SourceSerif4_400Regular_Italic.ttf', 'italique.ttf'],
    ['700Bold_Italic', 'SourceSerif4_700Bold_Italic.ttf', 'gras-italique.ttf'],
  ];
  for (const [folder, file, name] of faces) copyFileSync(serif(folder!, file!), join(dir, name!));
  const text = readFileSync(join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'), 'utf8').replace(
    /^ {2}departement: "92"$/m,
    `  departement: "92"\n${polices}`,
  );
  writeFileSync(join(dir, 'seance.yaml'), text);
  return join(dir, 'seance.yaml');
}

const POLICES = `  polices:
    nom: Source Serif 4
    normal: romain.ttf
    gras: gras.ttf
    italique: italique.ttf
    gras_italique: gras-italique.ttf`;

describe('the collectivité’s own fonts', () => {
  it('are embedded in the PDF and named and embedded in the DOCX', async () => {
    const file = seanceWithFonts(POLICES);
    const out = join(file, '..', 'sortie');
    const result = await delib(['build', file, '-o', out, '-q']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const pdf = readFileSync(join(out, 'point-01-note.pdf')).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSerif4/);
    expect(pdf).not.toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3/);
    const docx = readDocx(readFileSync(join(out, 'point-01-note.docx')));
    expect(docx.parts.get('word/styles.xml')).toContain('w:ascii="Source Serif 4"');
    expect(docx.parts.get('word/fontTable.xml')).toContain('w:name="Source Serif 4"');
    expect(docx.entries.filter((e) => e.startsWith('word/fonts/'))).toHaveLength(4);
  });

  it('are checked: a missing face, a WOFF2 and a path outside the folder are located errors', async () => {
    const file = seanceWithFonts(`  polices:
    nom: Ma police
    normal: absente.ttf
    gras: gras.woff2
    italique: ../italique.ttf
    gras_italique: gras-italique.ttf`);
    const result = await delib(['validate', '--reporter', 'json', file]);
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { code: string; path: string }[] };
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['rule.file-missing', '/collectivite/polices/normal'],
      ['rule.file-missing', '/collectivite/polices/gras'],
      ['file.outside-folder', '/collectivite/polices/italique'],
    ]);
  });
});
