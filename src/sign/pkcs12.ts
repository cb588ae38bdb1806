/**
 * Opens a PKCS#12 (.p12/.pfx) file: the private key, the certificate that matches it and the rest
 * of the chain, with the checks a signature needs (password, key kind and size, key match, key
 * usage, validity dates). RSA (2048 bits or more) and ECDSA P-256 / P-384 keys.
 *
 * @example
 * const identity = openPkcs12(p12Bytes, process.env.DELIB_P12_PASSWORD ?? '', { file: 'moi.p12', now: new Date() });
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { frenchReason, signError } from './errors.ts';
import { decodePkcs12, type Pkcs12Contents, Pkcs12Error } from './pkcs12-decode.ts';
import { certificateInfo, signingRefusal } from './x509.ts';

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

/** The CN of a subject as Node prints it (`C=FR\nO=…\nCN=Jean`). */
export function commonName(subject: string): string {
  const cn = subject.split('\n').find((line) => line.startsWith('CN='));
  return cn ? cn.slice(3) : subject.replace(/\n/g, ', ');
}

const frenchDate = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);

/** Why this key is too weak or of a kind delib does not sign with (French), or undefined. */
export function keyRefusal(key: KeyObject): string | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    return bits < 2048 ? `clé RSA de ${bits} bits : au moins 2048 bits sont nécessaires` : undefined;
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = details.namedCurve ?? 'inconnue';
    if (curve === 'prime256v1' || curve === 'secp384r1') return undefined;
    return `clé à courbe elliptique « ${curve} » : seules P-256 et P-384 (au moins 256 bits) sont acceptées`;
  }
  return `clé de type ${key.asymmetricKeyType ?? 'inconnu'} : seules les clés RSA et ECDSA sont acceptées`;
}

function readKey(der: Uint8Array | undefined, file: string): KeyObject {
  try {
    if (der) return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch {
    // reported below
  }
  throw signError(
    'sign.key',
    'Le fichier PKCS#12 ne contient pas de clé privée lisible.',
    file,
    'Exportez le certificat avec sa clé privée (RSA ou ECDSA).',
  );
}

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
  let contents: Pkcs12Contents;
  try {
    contents = decodePkcs12(bytes, password);
  } catch (error) {
    if (error instanceof Pkcs12Error && error.kind === 'password') {
      throw signError(
        'sign.password',
        'Mot de passe du certificat incorrect.',
        file,
        'Vérifiez la variable DELIB_P12_PASSWORD ou le mot de passe saisi.',
      );
    }
    throw signError(
      'sign.certificate',
      `Le fichier n’est pas un certificat PKCS#12 lisible (${error instanceof Pkcs12Error ? error.message : frenchReason(error, 'structure incorrecte')}).`,
      file,
      'Exportez le certificat et sa clé au format .p12 ou .pfx.',
    );
  }
  const key = readKey(contents.keys[0], file);
  const weak = keyRefusal(key);
  if (weak) {
    throw signError(
      'sign.key',
      `Clé refusée : ${weak}.`,
      file,
      'Demandez un certificat de signature plus récent.',
    );
  }
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  // Certificates node:crypto cannot read (or whose key it cannot read) are set aside: their
  // English OpenSSL messages never reach the user, who is told the file holds an unreadable one.
  const readable = contents.certificates.flatMap((der) => {
    try {
      const x509 = new X509Certificate(der);
      return [{ der, x509, spki: x509.publicKey.export({ type: 'spki', format: 'der' }) }];
    } catch {
      return [];
    }
  });
  const unreadable = contents.certificates.length - readable.length;
  const found = readable.find((c) => c.spki.equals(publicDer));
  if (!found) {
    throw unreadable > 0
      ? signError(
          'sign.certificate',
          `Le fichier PKCS#12 contient ${unreadable > 1 ? `${unreadable} certificats illisibles` : 'un certificat illisible'} (encodage X.509 incorrect), et aucun certificat lisible ne correspond à la clé privée.`,
          file,
          'Exportez de nouveau le certificat et sa clé depuis le magasin de certificats ou l’outil de votre autorité de certification.',
        )
      : signError(
          'sign.key',
          'La clé privée ne correspond à aucun certificat du fichier PKCS#12.',
          file,
          'Le fichier doit contenir le certificat du signataire avec sa propre clé.',
        );
  }
  const signer = found.der;
  const certs = readable.map((c) => c.der);
  let info: ReturnType<typeof certificateInfo>;
  try {
    info = certificateInfo(signer);
  } catch (error) {
    throw signError(
      'sign.certificate',
      `Le certificat du signataire est illisible (${frenchReason(error, 'encodage X.509 incorrect')}).`,
      file,
      'Exportez de nouveau le certificat et sa clé depuis le magasin de certificats ou l’outil de votre autorité de certification.',
    );
  }
  const usage = signingRefusal(info);
  if (usage) {
    throw signError(
      'sign.certificate',
      `Ce certificat ne peut pas signer de documents : ${usage}.`,
      file,
      'Utilisez un certificat de signature (usage « signature numérique » ou « non-répudiation »).',
    );
  }
  const { x509 } = found;
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
