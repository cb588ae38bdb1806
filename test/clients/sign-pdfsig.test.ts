// poppler's pdfsig and qpdf on a convention signed by both parties with throwaway certificates:
// every signature valid, the file still well-formed (PDF/A-3b build), one changed byte reported;
// and every attack case of sign-attacks.ts judged alike by pdfsig and delib verify.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { verifyPdf } from '../../src/sign/verify.ts';
import { type AttackCase, attackCases, signedBase } from '../sign-attacks.ts';
import { makeP12 } from '../sign-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-pdfsig-'));
const bundle = join(dir, 'bundle');
const convention = join(bundle, 'point-01-convention-1.pdf');
const env = { SOURCE_DATE_EPOCH: '1679529600', DELIB_P12_PASSWORD: 'secret' };
let said = '';
const io = {
  stdout: () => {},
  stderr: (t: string) => {
    said += t;
  },
  isTTY: false,
  env,
  cwd: process.cwd(),
};

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
    said = '';
    expect(await main(['sign', convention, '--p12', p12, '--signataire', String(i + 1)], io), said).toBe(0);
  }
}, 120_000);

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

interface PdfsigSignature {
  readonly total: boolean;
  readonly validation: string;
}

/** pdfsig's verdict on each signature: « Total document signed » or not, and its validation line. */
function pdfsigSignatures(file: string): PdfsigSignature[] {
  const blocks = pdfsig(file)
    .split(/^Signature #\d+:$/m)
    .slice(1);
  return blocks
    .filter((b) => /Signature Validation:/.test(b))
    .map((b) => ({
      total: /^\s+- Total document signed$/m.test(b),
      validation: /Signature Validation: (.*)$/m.exec(b)?.[1] ?? '',
    }));
}

/** Each case judged by delib verify and pdfsig alike: coverage and cryptographic validity. */
function expectAgreement(cases: readonly AttackCase[], prefix: string): string[] {
  const table: string[] = [];
  for (const c of cases) {
    const file = join(dir, `${prefix}${c.name}.pdf`);
    writeFileSync(file, c.bytes);
    const report = verifyPdf(c.bytes);
    const theirs = pdfsigSignatures(file);
    table.push(
      `${c.name} | ${report.verdict} | ${theirs.map((s) => `${s.total ? 'Total' : 'Not total'}, ${s.validation}`).join(' / ')}`,
    );
    if (report.erreur) {
      // Damaged files: delib says so; pdfsig reconstructs or reports syntax errors.
      expect(report.verdict, c.name).toMatch(/^Fichier endommagé : /);
      continue;
    }
    const ours = report.signatures.filter((s) => s.signe);
    expect(ours.length, c.name).toBe(theirs.length);
    ours.forEach((s, i) => {
      const their = theirs[i]!;
      const end = (s.byteRange?.[2] ?? 0) + (s.byteRange?.[3] ?? 0);
      // pdfsig says « Not total » of a signature it cannot parse at all: compare readable ones.
      const readable = ['Signature is Valid.', 'Digest Mismatch.'].includes(their.validation);
      if (readable) expect(end === c.bytes.length, `${c.name} #${i + 1} total`).toBe(their.total);
      if (readable && !their.total) {
        // pdfsig: « Not total document signed »; delib says what follows this signature.
        const last = i === ours.length - 1;
        const said =
          s.modificationsApres.length > 0 ||
          s.signaturesApres.length > 0 ||
          (last && report.octetsApresDerniereSignature > 0) ||
          !s.couvertureRevision;
        expect(said, `${c.name} #${i + 1}: ${s.verdict}`).toBe(true);
        if (s.signaturesApres.length === 0 && s.modificationsApres.length === 0 && last)
          expect(report.verdict, c.name).toMatch(/^Contenu ajouté après la signature de /);
      }
      const valid = their.validation === 'Signature is Valid.';
      expect(s.empreinte && s.signatureValide, `${c.name} #${i + 1} valid: ${their.validation}`).toBe(valid);
      if (their.validation === 'Digest Mismatch.') expect(s.verdict).toMatch(/l’empreinte ne correspond pas/);
    });
  }
  return table;
}

describe('attacks on signed conventions: delib verify agrees with pdfsig', () => {
  let cases: AttackCase[] = [];
  beforeAll(async () => {
    cases = attackCases(await signedBase());
  }, 120_000);

  it('on every case pdfsig can read: coverage and cryptographic validity alike', () => {
    console.log(expectAgreement(cases, '').join('\n'));
  });

  it('a signed convention rewritten by qpdf (object streams): pdfsig and delib both refuse the signatures', () => {
    const twice = cases.find((c) => c.name === 'intact-2')!;
    const input = join(dir, 'deux.pdf');
    const output = join(dir, 'qpdf.pdf');
    writeFileSync(input, twice.bytes);
    execFileSync('qpdf', ['--object-streams=generate', input, output]);
    const report = verifyPdf(readFileSync(output));
    // Read now (cross-reference and object streams), and judged: the signed bytes are gone.
    expect(report.erreur).toBeUndefined();
    expect(report.intact).toBe(false);
    expect(report.verdict).toMatch(/^Signature invalide/);
    expect(pdfsigSignatures(output).every((s) => s.validation !== 'Signature is Valid.' || !s.total)).toBe(
      true,
    );
  });
});

/** The file as qpdf writes it with cross-reference and object streams (PDF 1.5). */
function qpdfStreams(bytes: Uint8Array): Uint8Array {
  const input = join(dir, 'avant-qpdf.pdf');
  const output = join(dir, 'apres-qpdf.pdf');
  writeFileSync(input, bytes);
  execFileSync('qpdf', ['--object-streams=generate', input, output]);
  const rewritten = new Uint8Array(readFileSync(output));
  expect(execFileSync('qpdf', ['--show-xref', output], { encoding: 'utf8' })).toMatch(
    /compressed; stream = /,
  );
  return rewritten;
}

describe('a convention rewritten by qpdf with object streams, then signed: delib reads, signs and verifies it', () => {
  let cases: AttackCase[] = [];
  beforeAll(async () => {
    cases = attackCases(await signedBase(qpdfStreams));
  }, 120_000);

  it('signs it with cross-reference stream updates that qpdf and pdfsig accept', () => {
    const twice = cases.find((c) => c.name === 'intact-2')!;
    const file = join(dir, 'flux-deux.pdf');
    writeFileSync(file, twice.bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const theirs = pdfsigSignatures(file);
    expect(theirs.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(theirs.map((s) => s.total)).toEqual([false, true]);
    expect(verifyPdf(twice.bytes).verdict).toBe('Toutes les signatures sont intactes (2).');
  });

  it('every attack case: the expected French verdict, and agreement with pdfsig', () => {
    for (const c of cases) {
      const report = verifyPdf(c.bytes);
      expect(report.verdict, c.name).toMatch(c.verdict);
      const fields = report.signatures.map((s) => s.verdict);
      for (const [i, expected] of c.signatures.entries())
        expect(fields[i], `${c.name} #${i + 1}`).toMatch(expected);
    }
    console.log(expectAgreement(cases, 'flux-').join('\n'));
  });
});
