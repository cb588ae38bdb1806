import { describe, expect, it } from 'vitest';
import { buildDate, listDocuments, loadAndValidate, renderDocument, treeText } from '../src/index.ts';
import { docxText, readDocx } from './support/docx.ts';
import { readPdf } from './support/pdf.ts';

describe('library API', () => {
  it('loads, validates and renders one document as the CLI does', async () => {
    const { seance, diagnostics } = await loadAndValidate('fixtures/sceaux-2023-03-23.yaml');
    expect(diagnostics.filter((d) => d.severity === 'erreur')).toEqual([]);
    if (!seance) throw new Error('invalid');
    const note = listDocuments(seance).find((d) => d.kind === 'note' && d.point === 1);
    if (!note) throw new Error('no note');
    const creationDate = buildDate({ SOURCE_DATE_EPOCH: '1679529600' });
    const { tree, pdf, docx } = await renderDocument(seance, note, { creationDate });
    expect(treeText(tree)).toContain('NOTE DE PRÉSENTATION');
    if (!pdf || !docx) throw new Error('both formats expected');
    expect((await readPdf(pdf.bytes)).info.Title).toBe(tree.meta.title);
    expect(docxText(readDocx(docx.bytes))).toContain('Rapporteur');
    const again = await renderDocument(seance, note, { creationDate, formats: ['pdf'] });
    expect(again.docx).toBeUndefined();
    expect(Buffer.from(again.pdf?.bytes ?? []).equals(Buffer.from(pdf.bytes))).toBe(true);
  });
});
