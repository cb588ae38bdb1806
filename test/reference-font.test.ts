/**
 * `--reference-docx` and the font of the tables: delib measures a data table's columns with the
 * faces it has (its own, or the collectivité's `polices`), never the machine's; a reference that
 * writes the tables in another family (its « Normal », a theme font) gets a warning at build time,
 * reference.font, naming both families; one in the measured family gets none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { referenceTableFont, TABLE_CELL_STYLE } from '../src/render/docx/reference-font.ts';
import { readReferenceParts } from '../src/render/docx/reference-parts.ts';
import { extraStyles } from '../src/render/docx/styles.ts';
import { referenceFontDiagnostics } from '../src/validate/reference-docx.ts';
import { runMain } from './support/cli.ts';
import { sampleTree } from './support/sample-tree.ts';

const work = mkdtempSync(join(tmpdir(), 'delib-reference-font-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ours = unzipSync(await renderDocx(sampleTree(), { creationDate: new Date(0), embedFonts: false }));

/** Our own DOCX as a reference, its styles.xml and theme changed by `edit`. */
function reference(edit: (styles: string, theme: string) => [string, string]): Uint8Array {
  const [styles, theme] = edit(
    strFromU8(ours['word/styles.xml']!),
    strFromU8(ours['word/theme/theme1.xml']!),
  );
  return zipSync({ ...ours, 'word/styles.xml': strToU8(styles), 'word/theme/theme1.xml': strToU8(theme) });
}

/** « Normal » in the theme's minor font, the theme's minor font Arial: as Word writes a new document. */
const themed = reference((styles, theme) => [
  styles
    .replace(/<w:rFonts [^>]*\/>/, '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsi="x"/>')
    .replace(
      /(<w:style w:type="paragraph"[^>]*w:styleId="Normal"[^>]*>)/,
      '$1<w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/></w:rPr>',
    ),
  theme.replace(/(<a:minorFont>[\s\S]*?<a:latin [^>]*typeface=")[^"]*/, '$1Arial'),
]);

describe('the font a reference DOCX gives the tables', () => {
  it('follows our « Tableau » style’s name, « Normal », the defaults and the theme', () => {
    expect(TABLE_CELL_STYLE).toBe(extraStyles.tableCell.name);
    expect(referenceTableFont(readReferenceParts(zipSync(ours)))).toBe('Source Sans 3');
    const georgia = reference((styles, theme) => [
      // The reference's own « Tableau » (a style of that name): its font wins over « Normal ».
      styles.replace(
        /(<w:style w:type="paragraph" w:styleId="Tableau"[^>]*>\s*<w:name [^>]*\/>)/,
        '$1<w:rPr><w:rFonts w:ascii="Georgia"/></w:rPr>',
      ),
      theme,
    ]);
    expect(referenceTableFont(readReferenceParts(georgia))).toBe('Georgia');
    expect(referenceTableFont(readReferenceParts(themed))).toBe('Arial');
    expect(referenceFontDiagnostics(zipSync(ours), 'charte.docx', 'Source Sans 3')).toEqual([]);
  });

  it('warns at build time, naming both families, and builds the DOCX all the same', async () => {
    const georgia = reference((styles, theme) => [
      styles.replace(/<w:rFonts [^>]*\/>/, '<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/>'),
      theme,
    ]);
    writeFileSync(join(work, 'charte.docx'), georgia);
    const result = await runMain([
      'build',
      'fixtures/structures/retrait.yaml',
      '--reference-docx',
      join(work, 'charte.docx'),
      '-f',
      'docx',
      '-o',
      join(work, 'sortie'),
      '--reporter',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stderr;
    const report = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
      diagnostics: { code: string; severity: string; message: string }[];
    };
    expect(report.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['reference.font', 'avertissement'],
    ]);
    expect(report.diagnostics[0]?.message).toContain('« Georgia »');
    expect(report.diagnostics[0]?.message).toContain('« Source Sans 3 »');
  });
});
