import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runDelib } from './support/cli.ts';
import { readDocx } from './support/docx.ts';
import { getDocument, OPS } from './support/pdfjs.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** A real PNG (8-bit RGB), made here: a blue 120 × 48 banner. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array(width).fill([0, 51, 153]).flat())]);
  const raw = Buffer.concat(new Array(height).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the collectivité’s logo', () => {
  it('is drawn on the first page of the PDF only, and in the first-page header of the DOCX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-logo-'));
    writeFileSync(join(dir, 'logo.png'), png(120, 48));
    const seance = readFileSync(join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'), 'utf8').replace(
      /^ {2}departement: "92"$/m,
      '  departement: "92"\n  logo: logo.png',
    );
    writeFileSync(join(dir, 'seance.yaml'), seance);
    copyFileSync(join(ROOT, 'schema/seance.schema.json'), join(dir, 'seance.schema.json'));
    const out = join(dir, 'sortie');
    expect((await runDelib(['build', join(dir, 'seance.yaml'), '-o', out, '-q'])).code).toBe(0);

    const pdf = await getDocument({
      data: new Uint8Array(readFileSync(join(out, 'point-01-convention-1.pdf'))),
    }).promise;
    expect(pdf.numPages).toBeGreaterThan(1);
    const imagesOn = async (n: number) =>
      (await (await pdf.getPage(n)).getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject)
        .length;
    expect(await imagesOn(1)).toBe(1);
    expect(await imagesOn(2)).toBe(0);

    const docx = readDocx(readFileSync(join(out, 'point-01-convention-1.docx')));
    const media = docx.entries.filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const withDrawing = [...docx.parts.entries()].filter(
      ([name, xml]) => /^word\/header\d+\.xml$/.test(name) && xml.includes('<w:drawing'),
    );
    // One header, the first page's, shows the logo.
    expect(withDrawing).toHaveLength(1);
    const firstId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(docx.document)?.[1];
    const rels = docx.parts.get('word/_rels/document.xml.rels') ?? '';
    const target = new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    expect(withDrawing[0]?.[0]).toBe(`word/${target}`);
  });
});
