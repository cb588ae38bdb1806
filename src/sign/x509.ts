/**
 * What signing needs from an X.509 certificate that node:crypto does not expose: the issuer name
 * and serial number as encoded (to find the signer of a CMS signature), the subject key
 * identifier, the key usage bits and the extended key usages.
 *
 * @example
 * const info = certificateInfo(der);
 * info.keyUsage?.has('digitalSignature') // true for a signing certificate
 */
import { contentOf, type DerNode, isTag, oidOf, parseDer, rawOf, TAG, unsignedBytes } from './der.ts';
import { FrenchError } from './errors.ts';

export interface CertificateInfo {
  /** DER of the issuer Name. */
  readonly issuer: Uint8Array;
  /** Serial number, without leading zero bytes. */
  readonly serial: Uint8Array;
  readonly subjectKeyId?: Uint8Array;
  /** Key usage bit names, when the extension is present. */
  readonly keyUsage?: ReadonlySet<string>;
  /** Extended key usage OIDs, when the extension is present. */
  readonly extKeyUsage?: readonly string[];
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  any: '2.5.29.37.0',
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
  adobeAuthenticDocuments: '1.2.840.113583.1.1.5',
} as const;

function extensionValue(bytes: Uint8Array, ext: DerNode): DerNode | undefined {
  const value = ext.children[ext.children.length - 1];
  if (!isTag(value, TAG.octetString)) return undefined;
  return parseDer(bytes, value.contentStart);
}

/**
 * Reads a DER certificate (throws DerError when it is not one).
 *
 * @example
 * certificateInfo(der).serial // Uint8Array [0x0a, 0x1b, …]
 */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const tbs = parseDer(der).children[0];
  const fields = tbs?.children ?? [];
  const offset = fields[0]?.cls === 2 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!isTag(serial, TAG.integer) || !isTag(issuer, TAG.sequence)) {
    throw new FrenchError('certificat X.509 incorrect');
  }
  const extensions = fields.find((n) => n.cls === 2 && n.type === 3)?.children[0]?.children ?? [];
  let subjectKeyId: Uint8Array | undefined;
  let keyUsage: Set<string> | undefined;
  let extKeyUsage: string[] | undefined;
  for (const ext of extensions) {
    const id = oidOf(der, ext.children[0]);
    const value = id ? extensionValue(der, ext) : undefined;
    if (!value) continue;
    if (id === '2.5.29.14' && isTag(value, TAG.octetString)) subjectKeyId = contentOf(der, value);
    if (id === '2.5.29.15' && isTag(value, TAG.bitString)) {
      const bits = contentOf(der, value).subarray(1);
      keyUsage = new Set(KEY_USAGE_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0));
    }
    if (id === '2.5.29.37')
      extKeyUsage = value.children.map((n) => oidOf(der, n)).filter((o): o is string => !!o);
  }
  return {
    issuer: rawOf(der, issuer),
    serial: unsignedBytes(der, serial),
    ...(subjectKeyId ? { subjectKeyId } : {}),
    ...(keyUsage ? { keyUsage } : {}),
    ...(extKeyUsage ? { extKeyUsage } : {}),
  };
}

/**
 * Why this certificate may not sign documents (French), or undefined when it may: a key usage
 * without digitalSignature or nonRepudiation, or extended key usages that are only for other
 * purposes (a TLS server certificate).
 *
 * @example
 * signingRefusal(certificateInfo(tlsServerCert)) // 'il est réservé à l’authentification de serveurs TLS'
 */
export function signingRefusal(info: CertificateInfo): string | undefined {
  if (info.keyUsage && !info.keyUsage.has('digitalSignature') && !info.keyUsage.has('nonRepudiation')) {
    const usages = [...info.keyUsage].join(', ') || 'aucun';
    return `son usage de clé (${usages}) ne permet pas la signature (digitalSignature ou nonRepudiation requis)`;
  }
  const allowed: readonly string[] = [
    EKU.any,
    EKU.clientAuth,
    EKU.emailProtection,
    EKU.documentSigning,
    EKU.microsoftDocumentSigning,
    EKU.adobeAuthenticDocuments,
  ];
  if (info.extKeyUsage && !info.extKeyUsage.some((o) => allowed.includes(o))) {
    return info.extKeyUsage.length > 0 && info.extKeyUsage.every((o) => o === EKU.serverAuth)
      ? 'il est réservé à l’authentification de serveurs TLS (extendedKeyUsage serverAuth)'
      : `ses usages étendus (${info.extKeyUsage.join(', ')}) ne comprennent pas la signature de documents`;
  }
  return undefined;
}
