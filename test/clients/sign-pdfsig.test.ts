// poppler's pdfsig and qpdf on a convention signed by both parties with throwaway certificates:
// every signature valid, the file still well-formed (PDF/A-3b build), one changed byte reported.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { makeP12 } from '../sign-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-pdfsig-'));
const bundle = join(dir, 'bundle');
const convention = join(bundle, 'point-01-convention-1.pdf');
const env = { SOURCE_DATE_EPOCH: '1679529600', DELIB_P12_PASSWORD: 'secret' };
const io = { stdout: () => {}, stderr: () => {}, isTTY: false, env, cwd: process.cwd() };

/** pdfsig exits non-zero when a signature is invalid: keep its output either way. */
function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

beforeAll(async () => {
  expect(
    await main(['build', 'fixtures/sceaux-2023-03-23.yaml', '--pdfa', '--formats', 'pdf', '-o', bundle], io),
  ).toBe(0);
  expect(pdfsig(convention)).toContain('The signature form field is not signed.');
  for (const [i, name] of ['Patrick Ollier', 'Philippe Laurent'].entries()) {
    const p12 = join(dir, `${i}.p12`);
    writeFileSync(p12, makeP12({ commonName: name, password: 'secret' }));
    expect(await main(['sign', convention, '--p12', p12, '--signataire', String(i + 1)], io)).toBe(0);
  }
});

describe('signed convention read by poppler and qpdf', () => {
  it('pdfsig: two valid ETSI.CAdES.detached signatures, the last covering the whole file', () => {
    const out = pdfsig(convention);
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(out).toContain('Signature Field Name: signature-1');
    expect(out).toContain('Signature Field Name: signature-2');
    expect(out).toContain('Signer Certificate Common Name: Philippe Laurent');
    expect(out.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(out).toContain('Total document signed');
  });

  it('qpdf --check finds no error and PDF/A metadata is still there', () => {
    expect(execFileSync('qpdf', ['--check', convention], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    expect(execFileSync('pdfinfo', ['-meta', convention], { encoding: 'utf8' })).toContain(
      '<pdfaid:part>3</pdfaid:part>',
    );
  });

  it('one byte changed: pdfsig and delib verify both report it', async () => {
    const bytes = Buffer.from(readFileSync(convention));
    const at = bytes.indexOf('stream\n', 5000) + 20;
    bytes[at] = bytes[at]! ^ 0x01;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const out = pdfsig(tampered);
    expect(out).not.toContain('Signature is Valid');
    expect(out.match(/Digest Mismatch/g)).toHaveLength(2);
    expect(await main(['verify', tampered], io)).toBe(1);
  });
});
