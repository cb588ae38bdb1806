/**
 * Throwaway PKCS#12 identities for the signing tests, made at test time (no private key is
 * committed): RSA keys from node:crypto, a certificate signed with node-forge by a throwaway
 * issuer, written as node-forge writes PKCS#12 (3DES, SHA-1 MAC). Options for the refusals:
 * key size, key usage, extended key usage.
 *
 * @example
 * const p12 = makeP12({ commonName: 'Philippe Laurent', password: 'secret' });
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface P12Options {
  readonly commonName: string;
  readonly password: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Put another key in the file than the certificate's. */
  readonly mismatchedKey?: boolean;
  /** RSA modulus size (default 2048). */
  readonly bits?: number;
  /** X.509 extensions as node-forge takes them (`{ name: 'keyUsage', keyEncipherment: true }`). */
  readonly extensions?: readonly object[];
  /** Neither encrypted nor MAC-protected (the password is ignored): its bytes can be damaged at will. */
  readonly unprotected?: boolean;
}

const keyCache = new Map<string, forge.pki.rsa.KeyPair>();
/** One key pair per (size, index), made once per test file and reused. */
function keyPair(bits: number, index: number): forge.pki.rsa.KeyPair {
  const id = `${bits}/${index}`;
  let pair = keyCache.get(id);
  if (!pair) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    const key = forge.pki.privateKeyFromPem(
      privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    ) as forge.pki.rsa.PrivateKey;
    pair = { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
    keyCache.set(id, pair);
  }
  return pair;
}

/** DER bytes of a .p12 holding one certificate and a key. */
export function makeP12(options: P12Options): Uint8Array {
  const bits = options.bits ?? 2048;
  const keys = keyPair(bits, 0);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // A positive serial in minimal DER (RFC 5280 §4.1.2.2, what CAs write): OpenSSL, hence
  // node:crypto's X509Certificate, refuses an INTEGER with a superfluous leading zero byte.
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: 'Ville de Sceaux' },
    { name: 'countryName', value: 'FR' },
  ];
  cert.setSubject(subject);
  cert.setIssuer([
    { name: 'commonName', value: 'AC de test delib' },
    { name: 'countryName', value: 'FR' },
  ]);
  if (options.extensions) cert.setExtensions([...options.extensions]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const key = options.mismatchedKey ? keyPair(bits, 1).privateKey : keys.privateKey;
  const asn1 = options.unprotected
    ? forge.pkcs12.toPkcs12Asn1(key, [cert], null, { useMac: false })
    : forge.pkcs12.toPkcs12Asn1(key, [cert], options.password, { algorithm: '3des' });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

/** Whether the `openssl` command is on this machine (tests that make files with it skip otherwise). */
export const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
