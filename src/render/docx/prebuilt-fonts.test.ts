// The font package written at build time, read back: the same parts as HarfBuzz makes at run
// time (the DOCX bytes then do not depend on which was used), deflated as the zip writer would,
// and refused for other characters or other faces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontFiles } from '../font-files.ts';
import { fontPackage } from './embedded-fonts.ts';
import { DOCX_CHARACTERS } from './font-subset.ts';
import { prebuiltFontPackage, writePrebuiltFontPackage } from './prebuilt-fonts.ts';
import { readParts, writeParts } from './zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-prebuilt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prebuilt DOCX font package', () => {
  const files = defaultFontFiles();
  const file = pathToFileURL(join(dir, 'package.json'));

  it('reads back the parts HarfBuzz made, and the zip writer stores them unchanged', async () => {
    const made = await fontPackage(files, DOCX_CHARACTERS);
    writePrebuiltFontPackage(made, files, DOCX_CHARACTERS, file);
    const read = prebuiltFontPackage(files, DOCX_CHARACTERS, file);
    expect(read).toBeDefined();
    expect(read?.fontTable).toBe(made.fontTable);
    expect(read?.fontRels).toBe(made.fontRels);
    expect([...(read?.fonts.keys() ?? [])]).toEqual([...made.fonts.keys()]);
    expect(made.fonts.size).toBe(4);
    for (const [name, data] of made.fonts) expect(read?.fonts.get(name)).toEqual(data);
    // The primed deflate gives the same zip as deflating the parts here.
    const date = new Date(Date.UTC(2023, 2, 23));
    const zipped = writeParts(new Map(read?.fonts), date);
    expect(zipped).toEqual(writeParts(new Map([...made.fonts].map(([n, d]) => [n, d.slice()])), date));
    expect(readParts(zipped).get([...made.fonts.keys()][0]!)).toEqual([...made.fonts.values()][0]);
  });

  it('is not used for other characters or other faces', () => {
    expect(prebuiltFontPackage(files, [...DOCX_CHARACTERS, 0x159], file)).toBeUndefined();
    const swapped = { ...files, regular: files.bold, bold: files.regular };
    expect(prebuiltFontPackage(swapped, DOCX_CHARACTERS, file)).toBeUndefined();
    expect(
      prebuiltFontPackage(files, DOCX_CHARACTERS, pathToFileURL(join(dir, 'absent.json'))),
    ).toBeUndefined();
  });
});
