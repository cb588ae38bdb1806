import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { foldSpaces } from '../../src/tree/text.ts';
import { sampleTree } from '../support/sample-tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-pdf-'));
const creationDate = new Date('2023-03-23T00:00:00Z');

async function write(name: string, pdfa: boolean): Promise<string> {
  const result = await renderPdf(sampleTree({ paragraphs: 8 }), {
    creationDate,
    ...(pdfa
      ? { pdfa: { source: { name: 'seance.yaml', data: new TextEncoder().encode('seance: oui\n') } } }
      : {}),
  });
  const path = join(dir, name);
  writeFileSync(path, result.bytes);
  return path;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe.each([false, true])('poppler and qpdf on a rendered PDF (PDF/A: %s)', (pdfa) => {
  it('embeds and subsets every font', async () => {
    const file = await write(`fonts-${pdfa}.pdf`, pdfa);
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
  });

  it('passes qpdf --check', async () => {
    const file = await write(`check-${pdfa}.pdf`, pdfa);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('is tagged, and marked PDF/A-3B with its source attached when asked', async () => {
    const file = await write(`info-${pdfa}.pdf`, pdfa);
    expect(run('pdfinfo', [file])).toMatch(/Tagged:\s+yes/);
    const meta = run('pdfinfo', ['-meta', file]);
    if (pdfa) {
      expect(meta).toContain('<pdfaid:part>3</pdfaid:part>');
      expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(meta).toContain('&amp; &lt;test&gt;');
      expect(run('pdfdetach', ['-list', file])).toContain('seance.yaml');
    } else {
      expect(meta).not.toContain('pdfaid');
    }
  });

  it('reads back with pdftotext, footer included', async () => {
    const file = await write(`text-${pdfa}.pdf`, pdfa);
    const text = foldSpaces(run('pdftotext', ['-layout', file, '-']));
    expect(text).toContain('Œuvre, cœur, 1 234,56 €, n° 12, procès-verbal');
    expect(text).toContain('Page 1 / 3');
    expect(text).toContain('Page 3 / 3');
  });
});
