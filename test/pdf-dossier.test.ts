import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/index.ts';
import { renderPdf, renderPdfDossier } from '../src/render/pdf/index.ts';
import { foldSpaces } from '../src/tree/text.ts';
import { DOSSIER_META, logoSections, twoLogos } from './support/logo-dossier.ts';
import { readPdf } from './support/pdf.ts';
import { sampleTree } from './support/sample-tree.ts';

const creationDate = new Date('2023-03-23T00:00:00Z');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('renderPdfDossier', () => {
  it('starts each section on a new page with its header, one bookmark per section, continuous page numbers', async () => {
    const a = sampleTree();
    const b = sampleTree({ paragraphs: 10 });
    const single = await renderPdf(a, { creationDate });
    const result = await renderPdfDossier(
      [
        { title: 'Point 1 – Convention', doc: a },
        { title: 'Point 2 – Convention longue', doc: b },
      ],
      { ...a.meta, title: 'Dossier de séance', shortTitle: 'Dossier' },
      { creationDate },
    );
    const pdf = await readPdf(result.bytes);
    expect(pdf.pages).toHaveLength(result.pages);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Point 1 – Convention', 'Point 2 – Convention longue']);
    expect(pdf.outline[0]?.items.map((o) => o.title)).toEqual(['Article 2 – Engagements de la Métropole']);
    expect(pdf.info.Title).toBe('Dossier de séance');
    const firstOfB = single.pages;
    expect(pdf.artifactText(firstOfB)).toContain('Ville de Sceaux');
    pdf.pages.forEach((_, i) => {
      expect(foldSpaces(pdf.artifactText(i))).toContain(`Page ${i + 1} / ${result.pages}`);
    });
  });
});

describe('reproducibility', () => {
  it('gives identical bytes for the same input and date, in this process and in another one in another time zone (also a dossier with two logos, and the DOCX)', async () => {
    const options = {
      creationDate,
      pdfa: { source: { name: 'seance.yaml', data: new TextEncoder().encode('seance: 2023-03-23\n') } },
    };
    const first = await renderPdf(sampleTree({ paragraphs: 5 }), options);
    const second = await renderPdf(sampleTree({ paragraphs: 5 }), options);
    expect(sha(second.bytes)).toBe(sha(first.bytes));
    const dossier = await renderPdfDossier(logoSections(['wide', 'small', 'wide']), DOSSIER_META, {
      creationDate,
      assets: twoLogos(),
    });
    const root = fileURLToPath(new URL('..', import.meta.url));
    const script = `
      import { createHash } from 'node:crypto';
      import { renderPdf } from './src/render/pdf/index.ts';
      import { sampleTree } from './test/support/sample-tree.ts';
      import { renderPdfDossier } from './src/render/pdf/index.ts';
      import { DOSSIER_META, logoSections, twoLogos } from './test/support/logo-dossier.ts';
      import { renderDocx } from './src/render/docx/index.ts';
      const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
      const r = await renderPdf(sampleTree({ paragraphs: 5 }), {
        creationDate: new Date('2023-03-23T00:00:00Z'),
        pdfa: { source: { name: 'seance.yaml', data: new TextEncoder().encode('seance: 2023-03-23\\n') } },
      });
      const d = await renderPdfDossier(logoSections(['wide', 'small', 'wide']), DOSSIER_META, {
        creationDate: new Date('2023-03-23T00:00:00Z'),
        assets: twoLogos(),
      });
      const w = await renderDocx(sampleTree(), { creationDate: new Date('2023-03-23T18:30:00Z') });
      process.stdout.write(sha(r.bytes) + ' ' + sha(d.bytes) + ' ' + sha(w));
    `;
    // One process for the three renderers (each process started costs seconds here).
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Auckland' },
    });
    expect(child.stderr).toBe('');
    // 18:30 UTC is the next day in Auckland: a date written in local time would differ.
    const docx = await renderDocx(sampleTree(), { creationDate: new Date('2023-03-23T18:30:00Z') });
    expect(child.stdout).toBe(`${sha(first.bytes)} ${sha(dossier.bytes)} ${sha(docx)}`);
  });

  it('changes the bytes when the creation date changes', async () => {
    const a = await renderPdf(sampleTree(), { creationDate });
    const b = await renderPdf(sampleTree(), { creationDate: new Date('2024-01-01T00:00:00Z') });
    expect(sha(a.bytes)).not.toBe(sha(b.bytes));
  });
});
