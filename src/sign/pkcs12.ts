/**
 * Opens a PKCS#12 (.p12/.pfx) file: the private key, the certificate that matches it and the rest
 * of the chain, with the checks a signature needs (password, key match, validity dates).
 * RSA keys only (node-forge reads no other kind from PKCS#12).
 *
 * @example
 * const identity = openPkcs12(p12Bytes, process.env.DELIB_P12_PASSWORD ?? '', { file: 'moi.p12', now: new Date() });
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { signError } from './errors.ts';

export interface SigningIdentity {
  readonly key: KeyObject;
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  readonly x509: X509Certificate;
  /** DER of the other certificates of the file (the chain), signer excluded. */
  readonly chain: readonly Uint8Array[];
  /** The certificate's common name (or its whole subject). */
  readonly commonName: string;
}

const der = (cert: forge.pki.Certificate) =>
  Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));

/** The CN of a subject as Node prints it (`C=FR\nO=…\nCN=Jean`). */
export function commonName(subject: string): string {
  const cn = subject.split('\n').find((line) => line.startsWith('CN='));
  return cn ? cn.slice(3) : subject.replace(/\n/g, ', ');
}

const frenchDate = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);

/**
 * Reads the file and checks it; throws a DiagnosticError (`sign.password`, `sign.certificate`,
 * `sign.key`) with a French message otherwise.
 *
 * @example
 * openPkcs12(bytes, 'secret', { file: 'cert.p12', now: new Date() }).commonName // 'Jean Dupont'
 */
export function openPkcs12(
  bytes: Uint8Array,
  password: string,
  options: { readonly file: string; readonly now: Date },
): SigningIdentity {
  const { file } = options;
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/mac could not be verified|invalid password|decrypt/i.test(message)) {
      throw signError(
        'sign.password',
        'Mot de passe du certificat incorrect.',
        file,
        'Vérifiez la variable DELIB_P12_PASSWORD ou le mot de passe saisi.',
      );
    }
    throw signError(
      'sign.certificate',
      `Le fichier n’est pas un certificat PKCS#12 lisible (${message}).`,
      file,
      'Exportez le certificat et sa clé au format .p12 ou .pfx.',
    );
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = bags(forge.pki.oids.pkcs8ShroudedKeyBag!)[0] ?? bags(forge.pki.oids.keyBag!)[0];
  const forgeKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) {
    throw signError(
      'sign.key',
      'Le fichier PKCS#12 ne contient pas de clé privée RSA.',
      file,
      'Exportez le certificat avec sa clé privée (RSA).',
    );
  }
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certs = bags(forge.pki.oids.certBag!)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined)
    .map(der);
  const signer = certs.find((c) =>
    new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer),
  );
  if (!signer) {
    throw signError(
      'sign.key',
      'La clé privée ne correspond à aucun certificat du fichier PKCS#12.',
      file,
      'Le fichier doit contenir le certificat du signataire avec sa propre clé.',
    );
  }
  const x509 = new X509Certificate(signer);
  const from = new Date(x509.validFrom);
  const to = new Date(x509.validTo);
  if (options.now < from) {
    throw signError(
      'sign.certificate',
      `Le certificat n’est valable qu’à partir du ${frenchDate(from)}.`,
      file,
      'Attendez sa date de début de validité ou utilisez un autre certificat.',
    );
  }
  if (options.now > to) {
    throw signError(
      'sign.certificate',
      `Le certificat a expiré le ${frenchDate(to)}.`,
      file,
      'Renouvelez le certificat auprès de votre autorité de certification.',
    );
  }
  return {
    key,
    certificate: signer,
    x509,
    chain: certs.filter((c) => c !== signer),
    commonName: commonName(x509.subject),
  };
}
