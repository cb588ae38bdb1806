// Unit tests of the CAdES signatures: what buildCades writes, checkCades reads back; the signer is
// found by issuer and serial wherever it sits, and never replaced by another certificate; the
// algorithms are the SignerInfo's (signatures made by the openssl binary when it is present).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasOpenssl, makeP12 } from '../../test/sign-helpers.ts';
import { buildCades } from './cms.ts';
import { checkCades, type HashName } from './cms-check.ts';
import { parseDer } from './der.ts';
import { openPkcs12 } from './pkcs12.ts';

const data = Buffer.from('%PDF-1.7 les octets signés');
const digestOf = (bytes: Uint8Array) => (hash: HashName) => createHash(hash).update(bytes).digest();
const identity = (name: string) =>
  openPkcs12(makeP12({ commonName: name, password: 's' }), 's', { file: 'x.p12', now: new Date() });
const signer = identity('Signataire');
const other = identity('Autre');
const sha256 = createHash('sha256').update(data).digest();

describe('buildCades → checkCades', () => {
  it('verifies what it writes: digest, signature, signing-certificate-v2, algorithms', () => {
    const check = checkCades(buildCades(sha256, signer), digestOf(data));
    expect(check).toMatchObject({
      digestOk: true,
      signatureOk: true,
      signingCertificateOk: true,
      algorithm: 'SHA-256, RSA 2048 bits',
    });
    expect(check.certificate?.subject).toContain('CN=Signataire');
  });

  it('reports changed signed bytes as a digest mismatch, the signature itself staying valid', () => {
    const check = checkCades(buildCades(sha256, signer), digestOf(Buffer.from('autre chose')));
    expect([check.digestOk, check.signatureOk]).toEqual([false, true]);
  });

  it('finds the signer when it is not the first certificate', () => {
    const cms = Buffer.from(buildCades(sha256, { ...signer, chain: [other.certificate] }));
    const a = cms.indexOf(Buffer.from(signer.certificate));
    const b = cms.indexOf(Buffer.from(other.certificate));
    expect(b).toBe(a + signer.certificate.length);
    const swapped = Buffer.concat([
      cms.subarray(0, a),
      other.certificate,
      signer.certificate,
      cms.subarray(b + other.certificate.length),
    ]);
    const check = checkCades(swapped, digestOf(data));
    expect(check).toMatchObject({ digestOk: true, signatureOk: true });
    expect(check.certificate?.subject).toContain('CN=Signataire');
  });

  it('refuses when the issuer and serial name no certificate of the signature (no fallback)', () => {
    const cms = Buffer.from(buildCades(sha256, { ...signer, chain: [other.certificate] }));
    const root = parseDer(cms);
    const signedData = root.children[1]!.children[0]!;
    const serial =
      signedData.children[signedData.children.length - 1]!.children[0]!.children[1]!.children[1]!;
    cms[serial.contentEnd - 1]! ^= 1;
    const check = checkCades(cms, digestOf(data));
    expect(check.error).toBe('le certificat du signataire (émetteur et numéro de série) est absent');
    expect(check.signatureOk).toBe(false);
  });

  it('reports a changed signed attribute as a bad signature', () => {
    const cms = Buffer.from(buildCades(sha256, signer));
    const at = cms.indexOf(sha256);
    cms[at]! ^= 1;
    const check = checkCades(cms, (hash) => {
      const d = Buffer.from(digestOf(data)(hash));
      d[0]! ^= 1;
      return d;
    });
    expect([check.digestOk, check.signatureOk]).toEqual([true, false]);
  });

  it('never throws on garbage, truncation or hostile nesting', () => {
    const cms = buildCades(sha256, signer);
    for (const bytes of [
      Buffer.from('garbage'),
      cms.subarray(0, 300),
      Buffer.alloc(0),
      Buffer.from('3080'.repeat(5000), 'hex'),
    ]) {
      const check = checkCades(bytes, digestOf(data));
      expect(check.error).toMatch(/./);
      expect(check.signatureOk).toBe(false);
    }
  });
});

describe.skipIf(!hasOpenssl)('signatures made by openssl cms', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-cms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'data'), data);
  // One RSA key for every RSA case, made on first use (each key takes ≈ 0.4 s to generate here);
  // each case still makes its own certificate and signature.
  const rsaKey = join(dir, 'rsa-2048.key');
  const rsa = ['-key', rsaKey];
  const make = (name: string, key: readonly string[], sign: readonly string[]) => {
    if (key.includes(rsaKey) && !existsSync(rsaKey)) {
      execFileSync(
        'openssl',
        ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', rsaKey],
        {
          stdio: 'ignore',
        },
      );
    }
    const k = join(dir, `${name}.key`);
    const c = join(dir, `${name}.pem`);
    execFileSync(
      'openssl',
      ['req', '-x509', ...key, '-nodes', '-keyout', k, '-out', c, '-subj', `/CN=${name}`, '-days', '2'],
      { stdio: 'ignore' },
    );
    const out = join(dir, `${name}.der`);
    execFileSync(
      'openssl',
      [
        'cms',
        '-sign',
        '-binary',
        '-cades',
        '-in',
        join(dir, 'data'),
        '-signer',
        c,
        '-inkey',
        k,
        '-outform',
        'DER',
        '-out',
        out,
        ...sign,
      ],
      { stdio: 'ignore' },
    );
    return checkCades(readFileSync(out), digestOf(data));
  };
  const ec = (curve: string) => ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];

  it.each([
    ['rsa-sha256', rsa, ['-md', 'sha256'], 'SHA-256, RSA 2048 bits'],
    ['rsa-sha384', rsa, ['-md', 'sha384'], 'SHA-384, RSA 2048 bits'],
    ['rsa-sha512', rsa, ['-md', 'sha512'], 'SHA-512, RSA 2048 bits'],
    ['ec-p256', ec('P-256'), ['-md', 'sha256'], 'SHA-256, ECDSA P-256'],
    ['ec-p384', ec('P-384'), ['-md', 'sha384'], 'SHA-384, ECDSA P-384'],
  ])('%s is verified', (name, key, sign, algorithm) => {
    expect(make(name, key, sign)).toMatchObject({
      digestOk: true,
      signatureOk: true,
      signingCertificateOk: true,
      algorithm,
    });
  });

  it.each([
    ['rsa-pss', rsa, ['-md', 'sha256', '-keyopt', 'rsa_padding_mode:pss'], 'RSASSA-PSS'],
    ['ec-p521', ec('P-521'), ['-md', 'sha512'], 'courbe secp521r1'],
    ['rsa-sha1', rsa, ['-md', 'sha1'], 'empreinte SHA-1'],
  ])('%s is reported as not supported', (name, key, sign, unsupported) => {
    const check = make(name, key, sign);
    expect(check.unsupported).toBe(unsupported);
    expect(check.signatureOk).toBe(false);
  });
});
