// The font package made here rather than by docx: the same parts byte for byte as docx's own
// embedding re-keyed (determinism.ts), made once per family and characters and spliced as the
// same arrays into every package (whose deflate the zip writer then keeps).
import { Document } from 'docx';
import { strToU8 } from 'fflate';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles, type FontFiles } from '../font-files.ts';
import { makePartsReproducible } from './determinism.ts';
import { embedFonts, fontPackage } from './embedded-fonts.ts';
import { DOCX_CHARACTERS, subsetFont } from './font-subset.ts';
import { embeddedFonts } from './fonts.ts';
import { documentParts } from './package-parts.ts';
import { type Parts, readParts, text, writeParts } from './zip.ts';

const FONT_TABLE = 'word/fontTable.xml';
const FONT_RELS = 'word/_rels/fontTable.xml.rels';
const SETTINGS = 'word/settings.xml';

/** What docx itself embeds for these faces (cut to `characters`), re-keyed as every package is. */
async function docxEmbedding(files: FontFiles, characters: readonly number[] | undefined): Promise<Parts> {
  const [font] = embeddedFonts(files);
  const cut = async (data: Buffer | undefined) => {
    if (data === undefined || characters === undefined) return data;
    const subset = await subsetFont(data, characters);
    return subset === undefined ? data : Buffer.from(subset);
  };
  const fonts = [
    {
      name: font!.name,
      data: (await cut(font!.data))!,
      bold: await cut(font!.bold),
      italic: await cut(font!.italic),
      boldItalic: await cut(font!.boldItalic),
    },
  ];
  return makePartsReproducible(
    documentParts(new Document({ fonts, sections: [{ children: [] }] })),
    new Date(0),
  );
}

/** Byte equality (vitest's toEqual walks a typed array element by element: seconds for 1.2 MB). */
function same(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** A package's parts before embedding: the settings docx writes and nothing of the fonts. */
function bareParts(
  settings = '<w:settings xmlns:w="w"><w:displayBackgroundShape/><w:zoom/></w:settings>',
): Parts {
  return new Map([
    [SETTINGS, strToU8(settings)],
    ['word/document.xml', strToU8('<w:document/>')],
  ]);
}

/** The faces of a package, de-obfuscated with the keys of its font table. */
function plainFaces(parts: Parts): Uint8Array[] {
  const table = text(parts, FONT_TABLE)!;
  return [...table.matchAll(/r:id="rId(\d+)" w:fontKey="\{([^}]+)\}"/g)].map(([, n, key]) => {
    const data = parts.get(`word/fonts/font${n}.odttf`)!.slice();
    const bytes = key!
      .replace(/-/g, '')
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16))
      .reverse();
    for (let i = 0; i < 32; i++) data[i]! ^= bytes[i % 16]!;
    return data;
  });
}

describe('embedded DOCX fonts', () => {
  // A family name that needs escaping, as a collectivité may give one.
  const files: FontFiles = { ...defaultFontFiles(), family: `Serif & l'<Co>` };

  it('are the parts docx writes, subset or whole', async () => {
    for (const characters of [DOCX_CHARACTERS, [...DOCX_CHARACTERS, 0x159], undefined]) {
      const made = await fontPackage(files, characters);
      const expected = await docxEmbedding(files, characters);
      expect(made.fontTable).toBe(text(expected, FONT_TABLE));
      expect(made.fontTable).toContain('w:name="Serif &amp; l&apos;&lt;Co&gt;"');
      expect(made.fontRels).toBe(text(expected, FONT_RELS));
      const fonts = [...expected].filter(([name]) => name.startsWith('word/fonts/'));
      expect([...made.fonts.keys()]).toEqual(fonts.map(([name]) => name));
      for (const [name, data] of fonts) expect(same(made.fonts.get(name), data), name).toBe(true);
    }
  });

  it('are made once: a second document gets the very same arrays and the same bytes', async () => {
    const a = bareParts();
    const b = bareParts();
    await embedFonts(a, files, 'subset', [0x159]);
    await embedFonts(b, files, 'subset', [0x159]);
    for (const name of [FONT_TABLE, FONT_RELS, 'word/fonts/font1.odttf', 'word/fonts/font4.odttf']) {
      expect(b.get(name), name).toBe(a.get(name));
    }
    const date = new Date(Date.UTC(2023, 2, 23));
    expect(same(writeParts(b, date), writeParts(a, date))).toBe(true);
    // And as zipped, the parts read back are those of the package.
    const pkg = await fontPackage(files, [...DOCX_CHARACTERS, 0x159]);
    const read = readParts(writeParts(a, date));
    expect(text(read, FONT_TABLE)).toBe(pkg.fontTable);
    expect(same(read.get('word/fonts/font2.odttf'), pkg.fonts.get('word/fonts/font2.odttf'))).toBe(true);
  });

  it('hold the characters asked for: another set gives another subset', async () => {
    const plain = bareParts();
    const more = bareParts();
    await embedFonts(plain, files, 'subset', []);
    await embedFonts(more, files, 'subset', [0x159, 0x3b1]);
    expect(same(more.get('word/fonts/font1.odttf'), plain.get('word/fonts/font1.odttf'))).toBe(false);
    expect(text(more, FONT_TABLE)).not.toBe(text(plain, FONT_TABLE));
    const faces = (parts: Parts) =>
      plainFaces(parts).map((data) => fontkit.create(Buffer.from(data)) as fontkit.Font);
    for (const face of faces(more)) {
      expect(face.hasGlyphForCodePoint(0x159)).toBe(true);
      expect(face.hasGlyphForCodePoint(0xe9)).toBe(true);
    }
    for (const face of faces(plain)) {
      expect(face.hasGlyphForCodePoint(0x159)).toBe(false);
      expect(face.hasGlyphForCodePoint(0xe9)).toBe(true);
    }
    // Without `beyond`, the package's own text decides.
    const own = new Map([...bareParts(), ['word/document.xml', strToU8('<w:t>Dvořák</w:t>')]]);
    await embedFonts(own, files);
    expect(same(own.get('word/fonts/font1.odttf'), plain.get('word/fonts/font1.odttf'))).toBe(false);
    expect(
      (fontkit.create(Buffer.from(plainFaces(own)[0]!)) as fontkit.Font).hasGlyphForCodePoint(0x159),
    ).toBe(true);
  });

  it('turn embedTrueTypeFonts on once, in its place in the settings, the same array for the same settings', async () => {
    const settings = strToU8('<w:settings xmlns:w="w"><w:displayBackgroundShape/><w:zoom/></w:settings>');
    const a: Parts = new Map([[SETTINGS, settings]]);
    const b: Parts = new Map([[SETTINGS, settings]]);
    await embedFonts(a, files, 'subset', []);
    await embedFonts(b, files, 'subset', []);
    expect(text(a, SETTINGS)).toBe(
      '<w:settings xmlns:w="w"><w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:zoom/></w:settings>',
    );
    expect(b.get(SETTINGS)).toBe(a.get(SETTINGS));
    expect(settings).toEqual(
      strToU8('<w:settings xmlns:w="w"><w:displayBackgroundShape/><w:zoom/></w:settings>'),
    );
    const without = bareParts('<w:settings xmlns:w="w"><w:zoom/></w:settings>');
    await embedFonts(without, files, 'subset', []);
    expect(text(without, SETTINGS)).toBe(
      '<w:settings xmlns:w="w"><w:embedTrueTypeFonts/><w:zoom/></w:settings>',
    );
    const already = a.get(SETTINGS)!;
    const again: Parts = new Map([[SETTINGS, already]]);
    await embedFonts(again, files, 'subset', []);
    expect(again.get(SETTINGS)).toBe(already);
  });

  it('default to the default family, resolved once', () => {
    expect(defaultFontFiles()).toBe(defaultFontFiles());
    expect(defaultFontFiles().family).toBe('Source Sans 3');
  });
});
