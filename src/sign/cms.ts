/**
 * CAdES detached signatures (CMS SignedData) as PAdES wants them: signed attributes content-type,
 * message-digest and signing-certificate-v2 (ESS, SHA-256 of the signer's certificate); no
 * signing-time attribute (PAdES puts the claimed time in the signature dictionary's `/M`).
 * SHA-256 with RSA (PKCS#1 v1.5). Also the reverse: read such a signature and check it.
 *
 * @example
 * const cms = buildCades(sha256OfByteRange, identity);
 * const check = checkCades(cms, sha256OfByteRange); // { digestOk: true, signatureOk: true, … }
 */
import { createHash, type KeyObject, sign, verify, X509Certificate } from 'node:crypto';
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
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

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
 * The DER of a detached CMS SignedData over `digest` (the SHA-256 of the signed bytes).
 *
 * @example
 * buildCades(createHash('sha256').update(bytes).digest(), identity) // Uint8Array [0x30, …]
 */
export function buildCades(digest: Uint8Array, signer: CadesSigner): Uint8Array {
  const attributes = signedAttributes(digest, signer.certificate);
  const toSign = toDer(set(attributes));
  const signature = sign('sha256', toSign, signer.key);
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    algorithm(OID.sha256, false),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.rsaEncryption, true),
    octets(signature),
  ]);
  const certificates = [signer.certificate, ...signer.chain].map(fromDer);
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256, false)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

export interface CadesCheck {
  /** The signer's certificate, when found in the signature. */
  readonly certificate?: X509Certificate;
  /** The message-digest attribute equals the SHA-256 of the signed bytes. */
  readonly digestOk: boolean;
  /** The signature over the signed attributes verifies with the certificate's key. */
  readonly signatureOk: boolean;
  /** A signing-certificate-v2 attribute is present and names this certificate. */
  readonly signingCertificateOk: boolean;
  /** The signing-time attribute, if any. */
  readonly signingTime?: Date;
  /** Why the signature could not be read at all. */
  readonly error?: string;
}

const oidOf = (node: Asn1 | undefined) =>
  node && node.type === T.OID ? asn1.derToOid(node.value as string) : undefined;
const bytesOf = (node: Asn1 | undefined) =>
  Uint8Array.from(Buffer.from((node?.value as string) ?? '', 'binary'));

/**
 * Reads a CMS SignedData (trailing zero padding allowed) and checks it against `digest`.
 *
 * @example
 * checkCades(contents, digest).digestOk // true when the byte range is untouched
 */
export function checkCades(cms: Uint8Array, digest: Uint8Array): CadesCheck {
  const failed = (error: string): CadesCheck => ({
    digestOk: false,
    signatureOk: false,
    signingCertificateOk: false,
    error,
  });
  try {
    // The /Contents placeholder is zero-padded: read the first DER value only (options form of fromDer).
    const parse = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: object) => Asn1;
    const root = parse(forge.util.createBuffer(bin(cms)), { parseAllBytes: false, strict: false });
    const outer = root.value as Asn1[];
    if (oidOf(outer[0]) !== OID.signedData) return failed('pas une signature CMS SignedData');
    const signedData = ((outer[1]!.value as Asn1[])[0]!.value as Asn1[]) ?? [];
    const certsNode = signedData.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    const certs = ((certsNode?.value as Asn1[]) ?? []).map((c) => new X509Certificate(toDer(c)));
    const signerInfos = signedData[signedData.length - 1]!.value as Asn1[];
    const info = signerInfos[0]!.value as Asn1[];
    const sid = info[1]!.value as Asn1[];
    const serialHex = Buffer.from(bytesOf(sid[1])).toString('hex').replace(/^0+/, '').toUpperCase();
    const certificate =
      certs.find((c) => c.serialNumber.replace(/^0+/, '').toUpperCase() === serialHex) ?? certs[0];
    const attrsNode = info.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    if (!attrsNode || !certificate) return failed('attributs signés ou certificat absents');
    const attrs = attrsNode.value as Asn1[];
    const find = (id: string) =>
      (attrs.find((a) => oidOf((a.value as Asn1[])[0]) === id)?.value as Asn1[] | undefined)?.[1]?.value as
        | Asn1[]
        | undefined;
    const messageDigest = bytesOf(find(OID.messageDigest)?.[0]);
    const digestOk = Buffer.from(messageDigest).equals(Buffer.from(digest));
    const signature = bytesOf(info[info.length - 1]);
    const signedAttrs = toDer(set(attrs));
    const signatureOk = verify('sha256', signedAttrs, certificate.publicKey, signature);
    const ess = find(OID.signingCertificateV2)?.[0];
    const certIds = (ess?.value as Asn1[] | undefined)?.[0]?.value as Asn1[] | undefined;
    const first = certIds?.[0]?.value as Asn1[] | undefined;
    const hashNode = first?.find((n) => n.type === T.OCTETSTRING);
    const certHash = createHash('sha256').update(certificate.raw).digest();
    const signingCertificateOk = hashNode !== undefined && certHash.equals(Buffer.from(bytesOf(hashNode)));
    const time = find(OID.signingTime)?.[0];
    const signingTime =
      time?.type === T.UTCTIME
        ? asn1.utcTimeToDate(time.value as string)
        : time?.type === T.GENERALIZEDTIME
          ? asn1.generalizedTimeToDate(time.value as string)
          : undefined;
    return {
      certificate,
      digestOk,
      signatureOk,
      signingCertificateOk,
      ...(signingTime ? { signingTime } : {}),
    };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
