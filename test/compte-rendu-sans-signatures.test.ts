// A procès-verbal printed without its signatures (fixtures/structures/compte-rendu-sans-signatures.yaml:
// `collectivite.signatures_pv: false`, a compte rendu that is not signed): no signature block nor
// signature field, the « arrêté » mention kept at its end, in the PDF (pdf.js) and the DOCX
// (word/document.xml); `deroulement.signatures` decides for one séance; `delib validate --pv` warns
// at the key; the default keeps the block.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../src/validate/index.ts';
import { pvDiagnostics } from '../src/validate/pv-checklist.ts';
import { bothTexts, documentOf, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/compte-rendu-sans-signatures.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-cr-signatures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const variant = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const pvOf = async (file: string): Promise<RenderedDocument> =>
  documentOf(await renderFixture(file, /proces-verbal/), 'proces-verbal');
/** The signatories of the tree's signature blocks (each a signature field of the PDF). */
const signers = (d: RenderedDocument): number =>
  JSON.stringify(d.tree).split('"type":"signatory"').length - 1;

const unsigned = await pvOf(FILE);
const signed = await pvOf(variant('signe.yaml', SOURCE.replace('  signatures_pv: false\n', '')));

describe('signatures_pv: false', () => {
  it('prints no signature block, and keeps the « arrêté » mention last', () => {
    expect(signers(unsigned)).toBe(0);
    for (const text of bothTexts(unsigned)) {
      expect(text).toContain('La séance est levée à 19 h 50.');
      expect(text.trimEnd().endsWith('Procès-verbal arrêté en séance du 13 novembre 2025.')).toBe(true);
      expect(text).not.toContain('Secrétaire de séance Maëlle Péron');
    }
    expect(unsigned.pdf.pages.length).toBe(1);
  });

  it('keeps the block by default: the président and the secretary, before the mention', () => {
    expect(signers(signed)).toBe(2);
    for (const text of bothTexts(signed)) {
      const block = text.indexOf('Gwenaël Cadiou', text.indexOf('La séance est levée'));
      expect(block).toBeGreaterThan(0);
      expect(text.indexOf('Maëlle Péron', block)).toBeGreaterThan(block);
      expect(text.indexOf('Procès-verbal arrêté en séance du 13 novembre 2025.')).toBeGreaterThan(block);
    }
  });

  it('is decided for one séance by deroulement.signatures', async () => {
    const back = SOURCE.replace('  arrete_le: 2025-11-13\n', '  arrete_le: 2025-11-13\n  signatures: true\n');
    expect(signers(await pvOf(variant('seance-signee.yaml', back)))).toBe(2);
  });

  it('is said by delib validate --pv, at the key', async () => {
    const { seance, sources } = await loadAndValidate(FILE);
    if (!seance || !sources) throw new Error('invalid fixture');
    const line = SOURCE.split('\n').indexOf('  signatures_pv: false') + 1;
    const signature = pvDiagnostics(seance, sources).filter((d) => d.message.includes('signé'));
    expect(signature.map((d) => [d.code, d.path, d.line, d.column, d.message])).toEqual([
      [
        'pv.missing',
        '/collectivite/signatures_pv',
        line,
        18,
        'Le procès-verbal doit être signé par le président et le ou les secrétaires de séance.',
      ],
    ]);
  });

  it('is said at deroulement.signatures when the séance decides, not at all when it signs', async () => {
    const pvWarnings = async (text: string, name: string) => {
      const { seance, sources } = await loadAndValidate(variant(name, text));
      if (!seance || !sources) throw new Error('invalid variant');
      return pvDiagnostics(seance, sources)
        .filter((d) => d.message.includes('signé'))
        .map((d) => [d.path, d.line]);
    };
    const at = (value: boolean) =>
      SOURCE.replace('  arrete_le: 2025-11-13\n', `  arrete_le: 2025-11-13\n  signatures: ${value}\n`);
    const line = at(false).split('\n').indexOf('  signatures: false') + 1;
    expect(await pvWarnings(at(false), 'seance-non-signee.yaml')).toEqual([
      ['/deroulement/signatures', line],
    ]);
    expect(await pvWarnings(at(true), 'seance-signee-pv.yaml')).toEqual([]);
  });
});
