import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles, type FontFace, fontBytes } from '../font-files.ts';
import type { FontTables } from './opentype.ts';
import { shapingTablesFor, writePrebuiltShapingTables } from './prebuilt.ts';
import { fastShaper } from './shaper.ts';
import { deriveShapingTables, type ShapingTables } from './tables.ts';

const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Words of the repository's own fixtures and templates: French text as delib prints it. A word is
 * kept when it brings a sequence of three characters (its start and its trailing space counted as
 * characters) that no earlier word had, or a possible ligature (« f » before f, i, j, l or t): the
 * shaper's kerning is by pairs and its ligatures are of two or three letters, and the words left
 * out only repeat sequences already compared (5 686 words give 3 213; fontkit's layout, the slow
 * part, then runs on half as many texts, and the list grows slower than the fixtures).
 */
function repositoryWords(): string[] {
  const texts: string[] = [];
  const read = (dir: string, ext: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith(ext)) {
        texts.push(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
      }
    }
  };
  read('fixtures', '.yaml');
  read('templates', '.hbs');
  const words = new Set(
    texts
      .join(' ')
      .split(/[\s]+/u)
      .filter((w) => w !== ''),
  );
  const seen = new Set<string>();
  return [...words].filter((word) => {
    const chars = ['\u0002', ...word, ' '];
    let fresh = /f[fijlt]/.test(word);
    for (let i = 0; i + 3 <= chars.length; i++) {
      const sequence = chars.slice(i, i + 3).join('');
      if (!seen.has(sequence)) {
        seen.add(sequence);
        fresh = true;
      }
    }
    return fresh;
  });
}

/** Ligature pairs, punctuation, digits, French spaces, and texts only fontkit may shape. */
const CRAFTED = [
  'fi fl ff ffi ffl fj ft office affiche affluence souffle effet difficile afin fief flèche',
  'Fi FF FL Office EFFET œuf chef-lieu surf fîmes infléchi',
  '« Bonjour » ; : ! ? … – — ’ \' " ( ) [ ] { } / \\ % ‰ € $ £ ° § ¶ № © ® ™ † ‡ • · ¿ ¡',
  'n°\u00A012 \u00ABn\u00A0\u00BB 12\u202F500\u00A0€ 1\u202F234,56\u00A0€ ;\u202F!\u202F?\u202F:',
  'L’HAŸ-LES-ROSES DÉLIBÉRATION ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇ Œuvre cœur Æsop ælé ÿ',
  '0123456789 2024-01 14 h 30 1er 2e XXᵉ Mᵐᵉ Mˡˡᵉ ½ ¼ ¾ ² ³ ¹ ª º',
  'Vu le code général des collectivités territoriales, notamment ses articles L. 2121-29 ;',
  'AV AW AY Av Aw Ay FA LT LV LY PA TA Ta Te To Tr Tu Tw Ty VA Va Ve Vo WA Wa We Wo YA Ya Ye Yo',
  "l'État d’Île-de-France aujourd’hui quelqu’un «\u202Fvoir\u202F»",
  'a\tb x\u2009y x\u2011y x\u2010y x\u2012y x\u2013y',
  // fontkit only: combining accents, other scripts, default-ignorable and astral characters.
  'e\u0301 a\u0300 i\u0308 Ελλάδα Москва a\u200Bb a\u00ADb 1\u20442 👍 ﬁ 𝒜',
];

function texts(): string[] {
  const words = [...repositoryWords(), ...CRAFTED.flatMap((line) => line.split(' ')), ...CRAFTED];
  // pdfkit shapes space-delimited runs with their trailing space.
  return words.flatMap((word) => [word, `${word} `]);
}

function describeRun(run: fontkit.GlyphRun): string {
  return JSON.stringify([
    run.glyphs.map((g) => [g.id, g.codePoints]),
    run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    run.advanceWidth,
  ]);
}

interface Comparison {
  readonly fast: number;
  readonly total: number;
  readonly differences: string[];
}

/**
 * Shapes every text with two fresh instances of the face, in the same order: one with the fast
 * shaper (fontkit when it declines), one with fontkit alone. Glyph objects keep the characters of
 * their first use, so the order of creation is compared too.
 */
function compare(bytes: Buffer, tables: ShapingTables, sample: readonly string[]): Comparison {
  const fast = fontkit.create(bytes) as fontkit.Font;
  const reference = fontkit.create(bytes) as fontkit.Font;
  const shape = fastShaper(fast, tables);
  let shaped = 0;
  const differences: string[] = [];
  for (const text of sample) {
    const run = shape(text);
    if (run) shaped++;
    const ours = describeRun(run ?? fast.layout(text));
    const theirs = describeRun(reference.layout(text));
    if (ours !== theirs) differences.push(`${JSON.stringify(text)}: ${ours} ≠ ${theirs}`);
  }
  return { fast: shaped, total: sample.length, differences };
}

/** The tables as they are shipped: through JSON (derived once per face and test file). */
const derivedTables = new Map<Buffer, ShapingTables>();
function derived(bytes: Buffer): ShapingTables {
  let tables = derivedTables.get(bytes);
  if (!tables) {
    const made = deriveShapingTables(fontkit.create(bytes) as unknown as FontTables);
    if (!made) throw new Error('no shaping tables');
    tables = JSON.parse(JSON.stringify(made)) as ShapingTables;
    derivedTables.set(bytes, tables);
  }
  return tables;
}

const sample = texts();
const files = defaultFontFiles();
/** Every text in the regular face; every third in the others (fontkit's layout is the slow part). */
const sampleFor = (face: FontFace) => (face === 'regular' ? sample : sample.filter((_, i) => i % 3 === 0));

describe('fast shaper', () => {
  it.each(FACES)('gives fontkit’s glyphs and positions in the default family (%s)', (face) => {
    const bytes = fontBytes(files, face);
    const texts = sampleFor(face);
    const result = compare(bytes, derived(bytes), texts);
    expect(result.differences).toEqual([]);
    expect(texts.length).toBeGreaterThan(1500);
    // Nearly all French text takes the fast path; the texts meant for fontkit do not.
    expect(result.fast / result.total).toBeGreaterThan(0.97);
    const shape = fastShaper(fontkit.create(bytes) as fontkit.Font, derived(bytes));
    for (const text of ['e\u0301', 'Ελλάδα', 'a\u200Bb', 'a\u00ADb', '1\u20442', '👍']) {
      expect(shape(text), text).toBeUndefined();
    }
    for (const text of ['office ', 'affluence', '«\u00A0Oui\u00A0»', 'AVANT']) {
      expect(shape(text), text).toBeDefined();
    }
  });

  it('gives fontkit’s runs in another family (Source Serif 4, four faces)', () => {
    const require = createRequire(import.meta.url);
    const serif = [
      '400Regular/SourceSerif4_400Regular.ttf',
      '700Bold/SourceSerif4_700Bold.ttf',
      '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
      '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
    ];
    const few = sample.filter((_, i) => i % 8 === 0).concat(CRAFTED);
    for (const file of serif) {
      const bytes = readFileSync(require.resolve(`@expo-google-fonts/source-serif-4/${file}`));
      const result = compare(bytes, derived(bytes), few);
      expect(result.differences, file).toEqual([]);
      expect(result.fast / result.total, file).toBeGreaterThan(0.9);
    }
  });

  it('is caught by the comparison when its kerning or ligatures are wrong', () => {
    const bytes = fontBytes(files, 'regular');
    const tables = derived(bytes);
    const noKerning = { ...tables, pairs: [] };
    const noLigatures = {
      ...tables,
      substitutions: tables.substitutions.filter((step) => step.kind !== 'ligature'),
    };
    const few = sample.slice(0, 300).concat(CRAFTED);
    expect(compare(bytes, noKerning, few).differences.length).toBeGreaterThan(10);
    expect(compare(bytes, noLigatures, few).differences.length).toBeGreaterThan(0);
  });
});

describe('shipped shaping tables', () => {
  it('are used for the bytes they were made from, and derived for any other face', () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-shaping-'));
    try {
      const file = pathToFileURL(join(dir, 'tables.json'));
      const regular = fontBytes(files, 'regular');
      const bold = fontBytes(files, 'bold');
      writePrebuiltShapingTables(
        [{ font: fontkit.create(regular) as unknown as FontTables, bytes: regular }],
        file,
      );
      const shipped = JSON.parse(readFileSync(file, 'utf8')) as { faces: Record<string, ShapingTables> };
      expect(Object.values(shipped.faces)).toEqual([derived(regular)]);
      // A parsed face whose tables cannot be read shows which path was taken.
      const unreadable = {} as FontTables;
      expect(shapingTablesFor(unreadable, regular, file)).toEqual(derived(regular));
      expect(shapingTablesFor(unreadable, bold, file)).toBeUndefined();
      expect(shapingTablesFor(fontkit.create(bold) as unknown as FontTables, bold, file)).toEqual(
        derived(bold),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
