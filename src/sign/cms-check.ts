/**
 * Reads a CMS SignedData (a PDF signature's `/Contents`) and checks it: the digest and signature
 * algorithms are those the SignerInfo names (SHA-256/384/512; RSA PKCS#1 v1.5, ECDSA P-256 and
 * P-384), the signer's certificate is the one its issuer and serial number (or subject key
 * identifier) designate — never another — and the signature is verified over the signed
 * attributes exactly as they were encoded. Never throws: a damaged signature is a result.
 *
 * @example
 * const check = checkCades(contents, (hash) => createHash(hash).update(signedBytes).digest());
 * check.digestOk && check.signatureOk // true when the document and the signature are intact
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { contentOf, type DerNode, isTag, oidOf, parseDer, rawOf, TAG, unsignedBytes } from './der.ts';
import { FrenchError, frenchReason } from './errors.ts';
import { certificateInfo } from './x509.ts';

export type HashName = 'sha256' | 'sha384' | 'sha512';

export interface CadesCheck {
  /** The signer's certificate, when found in the signature. */
  readonly certificate?: X509Certificate;
  /** The message-digest attribute equals the digest of the signed bytes. */
  readonly digestOk: boolean;
  /** The signature over the signed attributes verifies with the certificate's key. */
  readonly signatureOk: boolean;
  /** A signing-certificate-v2 attribute is present and names this certificate. */
  readonly signingCertificateOk: boolean;
  /** « SHA-256, RSA 2048 bits », « SHA-384, ECDSA P-384 ». */
  readonly algorithm?: string;
  readonly signingTime?: Date;
  /** Why the signature could not be read at all (French). */
  readonly error?: string;
  /** The signature uses an algorithm delib does not verify (French). */
  readonly unsupported?: string;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

const HASHES: Record<string, HashName> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '1.2.840.113549.2.5': 'MD5',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
};
const RSA_WITH: Record<string, HashName> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_WITH: Record<string, HashName> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384' };
const label = (hash: HashName) => `SHA-${hash.slice(3)}`;

interface Parsed {
  readonly bytes: Uint8Array;
  readonly certs: readonly Uint8Array[];
  readonly info: readonly DerNode[];
}

function parseSignedData(bytes: Uint8Array): Parsed {
  const root = parseDer(bytes);
  if (!isTag(root, TAG.sequence) || oidOf(bytes, root.children[0]) !== OID.signedData) {
    throw new FrenchError('ce n’est pas une signature CMS SignedData');
  }
  const signedData = root.children[1]?.children[0];
  if (!isTag(signedData, TAG.sequence)) throw new FrenchError('SignedData absent');
  const certsNode = signedData.children.find((n) => isTag(n, 0, true));
  const certs = (certsNode?.children ?? []).filter((n) => isTag(n, TAG.sequence)).map((n) => rawOf(bytes, n));
  const signerInfos = signedData.children[signedData.children.length - 1];
  if (!isTag(signerInfos, TAG.set) || signerInfos.children.length === 0)
    throw new FrenchError('aucun SignerInfo');
  if (signerInfos.children.length > 1) throw new FrenchError('plusieurs signataires dans une même signature');
  return { bytes, certs, info: signerInfos.children[0]!.children };
}

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The certificate the SignerInfo's sid designates, or undefined. */
function findSigner(p: Parsed, sid: DerNode | undefined): Uint8Array | undefined {
  if (isTag(sid, TAG.sequence)) {
    const [issuer, serial] = sid.children;
    if (!issuer || !isTag(serial, TAG.integer)) return undefined;
    const wantedIssuer = rawOf(p.bytes, issuer);
    const wantedSerial = unsignedBytes(p.bytes, serial);
    return p.certs.find((c) => {
      try {
        const info = certificateInfo(c);
        return equal(info.issuer, wantedIssuer) && equal(info.serial, wantedSerial);
      } catch {
        return false;
      }
    });
  }
  if (isTag(sid, 0, true)) {
    const ski = contentOf(p.bytes, sid);
    return p.certs.find((c) => {
      try {
        const id = certificateInfo(c).subjectKeyId;
        return id !== undefined && equal(id, ski);
      } catch {
        return false;
      }
    });
  }
  return undefined;
}

/** The values of the attribute `id` among the signed attributes. */
function attributeValues(bytes: Uint8Array, attrs: DerNode, id: string): readonly DerNode[] {
  const attr = attrs.children.find((a) => oidOf(bytes, a.children[0]) === id);
  return attr?.children[1]?.children ?? [];
}

function parseTime(bytes: Uint8Array, node: DerNode | undefined): Date | undefined {
  if (!node || (node.type !== TAG.utcTime && node.type !== TAG.generalizedTime)) return undefined;
  const text = Buffer.from(contentOf(bytes, node)).toString('latin1');
  const m = /^(\d{2,4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
  if (!m) return undefined;
  const year = m[1]!.length === 2 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  const date = new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Which hash and key kind the signature algorithm means, or why it is not supported. */
function signatureScheme(
  sigOid: string | undefined,
  digest: HashName,
  cert: X509Certificate,
): { hash: HashName; name: string } | { unsupported: string } {
  const key = cert.publicKey;
  const type = key.asymmetricKeyType;
  if (sigOid === OID.rsaPss) return { unsupported: 'RSASSA-PSS' };
  if (sigOid === OID.rsaEncryption || (sigOid && RSA_WITH[sigOid])) {
    if (type !== 'rsa') return { unsupported: 'algorithme RSA avec une clé qui n’est pas RSA' };
    const hash = (sigOid && RSA_WITH[sigOid]) || digest;
    return { hash, name: `RSA ${key.asymmetricKeyDetails?.modulusLength ?? '?'} bits` };
  }
  if (sigOid === OID.ecPublicKey || (sigOid && ECDSA_WITH[sigOid])) {
    if (type !== 'ec') return { unsupported: 'algorithme ECDSA avec une clé qui n’est pas EC' };
    const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    if (!curve) return { unsupported: `courbe ${key.asymmetricKeyDetails?.namedCurve ?? 'inconnue'}` };
    return { hash: (sigOid && ECDSA_WITH[sigOid]) || digest, name: `ECDSA ${curve}` };
  }
  return { unsupported: `algorithme de signature ${sigOid ?? 'absent'}` };
}

/**
 * Reads a CMS SignedData (trailing zero padding allowed) and checks it; `digestOf` computes the
 * digest of the signed bytes with the hash the SignerInfo names.
 *
 * @example
 * checkCades(contents, (h) => createHash(h).update(data).digest()).digestOk // true when untouched
 */
export function checkCades(cms: Uint8Array, digestOf: (hash: HashName) => Uint8Array): CadesCheck {
  const failed = (error: string, extra: Partial<CadesCheck> = {}): CadesCheck => ({
    digestOk: false,
    signatureOk: false,
    signingCertificateOk: false,
    error,
    ...extra,
  });
  let p: Parsed;
  try {
    p = parseSignedData(cms);
  } catch (error) {
    return failed(frenchReason(error, 'structure CMS incorrecte'));
  }
  const [, sid, digestAlg, attrs, sigAlg, signatureNode] = p.info;
  const signerDer = findSigner(p, sid);
  if (!signerDer) return failed('le certificat du signataire (émetteur et numéro de série) est absent');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(signerDer);
  } catch {
    return failed('certificat du signataire illisible');
  }
  const digestOid = oidOf(cms, digestAlg?.children[0]);
  const hash = digestOid ? HASHES[digestOid] : undefined;
  const unsupported = (what: string): CadesCheck => ({
    digestOk: false,
    signatureOk: false,
    signingCertificateOk: false,
    certificate,
    unsupported: what,
  });
  if (!hash) return unsupported(`empreinte ${HASH_NAMES[digestOid ?? ''] ?? digestOid ?? 'absente'}`);
  if (!isTag(attrs, 0, true))
    return failed('signature sans attributs signés (non conforme à PAdES)', { certificate });
  const scheme = signatureScheme(oidOf(cms, sigAlg?.children[0]), hash, certificate);
  if ('unsupported' in scheme) return unsupported(scheme.unsupported);
  const messageDigest = attributeValues(cms, attrs, OID.messageDigest)[0];
  const digestOk =
    isTag(messageDigest, TAG.octetString) && equal(contentOf(cms, messageDigest), digestOf(hash));
  // The signature is over the DER of the attributes as a SET OF (tag 0x31 instead of [0]).
  const signedAttrs = Buffer.from(rawOf(cms, attrs));
  signedAttrs[0] = 0x31;
  let signatureOk = false;
  try {
    signatureOk =
      isTag(signatureNode, TAG.octetString) &&
      verify(scheme.hash, signedAttrs, certificate.publicKey, contentOf(cms, signatureNode));
  } catch {
    signatureOk = false;
  }
  const ess = attributeValues(cms, attrs, OID.signingCertificateV2)[0];
  const essHash = ess?.children[0]?.children[0]?.children.find((n) => isTag(n, TAG.octetString));
  const essAlg = ess?.children[0]?.children[0]?.children.find((n) => isTag(n, TAG.sequence));
  const essHashName = (essAlg && HASHES[oidOf(cms, essAlg.children[0]) ?? '']) || 'sha256';
  const signingCertificateOk =
    essHash !== undefined &&
    createHash(essHashName)
      .update(certificate.raw)
      .digest()
      .equals(Buffer.from(contentOf(cms, essHash)));
  const signingTime = parseTime(cms, attributeValues(cms, attrs, OID.signingTime)[0]);
  return {
    certificate,
    digestOk,
    signatureOk,
    signingCertificateOk,
    algorithm: `${label(hash)}, ${scheme.name}`,
    ...(signingTime ? { signingTime } : {}),
  };
}
