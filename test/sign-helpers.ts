/**
 * Throwaway PKCS#12 identities for the signing tests, made at test time with node-forge (no
 * private key is committed): a self-signed certificate, or one issued by a throwaway CA.
 *
 * @example
 * const p12 = makeP12({ commonName: 'Philippe Laurent', password: 'secret' });
 */
import forge from 'node-forge';

export interface P12Options {
  readonly commonName: string;
  readonly password: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Put another key in the file than the certificate's. */
  readonly mismatchedKey?: boolean;
}

const keyCache: forge.pki.rsa.KeyPair[] = [];
/** RSA 2048 key pairs are slow to make: two are made once per test file and reused. */
function keyPair(index: number): forge.pki.rsa.KeyPair {
  while (keyCache.length <= index) keyCache.push(forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }));
  return keyCache[index]!;
}

/** DER bytes of a .p12 holding one certificate and a key. */
export function makeP12(options: P12Options): Uint8Array {
  const keys = keyPair(0);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `0${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
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
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const key = options.mismatchedKey ? keyPair(1).privateKey : keys.privateKey;
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.password, { algorithm: '3des' });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}
