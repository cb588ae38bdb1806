/**
 * CAdES detached signatures (CMS SignedData) as PAdES wants them: signed attributes content-type,
 * message-digest and signing-certificate-v2 (ESS, SHA-256 of the signer's certificate); no
 * signing-time attribute (PAdES puts the claimed time in the signature dictionary's `/M`).
 * Written with SHA-256 (SHA-384 for a P-384 key), RSA PKCS#1 v1.5 or ECDSA. Reading is in
 * cms-check.ts.
 *
 * @example
 * const cms = buildCades(sha256OfByteRange, identity);
 */
import { createHash, type KeyObject, sign } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
} as const;

/** The digest a signer uses: SHA-384 for a P-384 key, SHA-256 otherwise. */
export function signingHash(key: KeyObject): 'sha256' | 'sha384' {
  return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'sha384' : 'sha256';
}

const bin = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');
const toDer = (node: Asn1) => Uint8Array.from(Buffer.from(asn1.toDer(node).getBytes(), 'binary'));
const fromDer = (bytes: Uint8Array) => asn1.fromDer(forge.util.createBuffer(bin(bytes)));
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(U, T.SET, true, items);
const octets = (bytes: Uint8Array) => asn1.create(U, T.OCTETSTRING, false, bin(bytes));
const integer = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string, withNull: boolean) =>
  seq(withNull ? [oid(id), asn1.create(U, T.NULL, false, '')] : [oid(id)]);
const attribute = (id: string, value: Asn1) => seq([oid(id), set([value])]);

/** Serial number and issuer name of a certificate, as ASN.1 nodes (re-encoded byte for byte). */
function issuerAndSerial(certificate: Uint8Array): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(certificate).value as Asn1[])[0]!.value as Asn1[];
  const offset = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: tbs[offset]!, issuer: tbs[offset + 2]! };
}

/** The signed attributes, sorted as DER wants a SET OF. */
function signedAttributes(digest: Uint8Array, certificate: Uint8Array): Asn1[] {
  const { issuer, serial } = issuerAndSerial(certificate);
  const certHash = createHash('sha256').update(certificate).digest();
  const essCertIdV2 = seq([
    octets(certHash),
    seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]),
  ]);
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])),
  ];
  return attributes
    .map((a) => ({ a, der: Buffer.from(toDer(a)) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map((x) => x.a);
}

export interface CadesSigner {
  readonly key: KeyObject;
  readonly certificate: Uint8Array;
  readonly chain: readonly Uint8Array[];
}

/**
 * The DER of a detached CMS SignedData over `digest` (the `signingHash(key)` digest of the signed
 * bytes).
 *
 * @example
 * buildCades(createHash('sha256').update(bytes).digest(), identity) // Uint8Array [0x30, …]
 */
export function buildCades(digest: Uint8Array, signer: CadesSigner): Uint8Array {
  const hash = signingHash(signer.key);
  const attributes = signedAttributes(digest, signer.certificate);
  const toSign = toDer(set(attributes));
  const signature = sign(hash, toSign, signer.key);
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const ec = signer.key.asymmetricKeyType === 'ec';
  const signatureAlgorithm = ec
    ? algorithm(hash === 'sha384' ? OID.ecdsaWithSha384 : OID.ecdsaWithSha256, false)
    : algorithm(OID.rsaEncryption, true);
  const digestAlgorithm = hash === 'sha384' ? OID.sha384 : OID.sha256;
  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    algorithm(digestAlgorithm, false),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    signatureAlgorithm,
    octets(signature),
  ]);
  const certificates = [signer.certificate, ...signer.chain].map(fromDer);
  const signedData = seq([
    integer(1),
    set([algorithm(digestAlgorithm, false)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
