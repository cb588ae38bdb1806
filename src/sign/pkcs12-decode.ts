/**
 * Opens a PKCS#12 (.p12/.pfx) file with node:crypto: the MAC (PKCS#12 key derivation, SHA-1 to
 * SHA-512), PBES2 (PBKDF2 + AES-CBC or 3DES, what `openssl pkcs12 -export` writes since OpenSSL 3)
 * and the older PKCS#12 schemes (3DES, RC2 through node-forge's RC2, which OpenSSL 3 no longer
 * offers). A password with accents (« été ») is tried as the standard says (BMPString for the MAC
 * and the PKCS#12 schemes, UTF-8 for PBKDF2) and as some tools write it (UTF-8 bytes as 8-bit
 * characters). Returns the private keys (PKCS#8 DER) and the certificates (DER) it holds.
 *
 * @example
 * const { keys, certificates } = decodePkcs12(bytes, 'été'); // throws Pkcs12Error otherwise
 */
import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import forge from 'node-forge';
import { contentOf, DerError, type DerNode, integerOf, isTag, oidOf, parseDer, TAG } from './der.ts';

/** `password`: the password is wrong; `format`: not a PKCS#12 file delib can read. */
export class Pkcs12Error extends Error {
  constructor(
    readonly kind: 'password' | 'format',
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export interface Pkcs12Contents {
  /** PKCS#8 PrivateKeyInfo DER of each key. */
  readonly keys: readonly Uint8Array[];
  /** DER of each X.509 certificate. */
  readonly certificates: readonly Uint8Array[];
}

type Hash = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const DIGESTS: Record<string, Hash> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const HMACS: Record<string, Hash> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** PKCS#12 password-based schemes: cipher, key length (bytes), RC2 effective bits. */
const PKCS12_PBE: Record<string, { name: string; keyLength: number; rc2Bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { name: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { name: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { name: 'rc2', keyLength: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { name: 'rc2', keyLength: 5, rc2Bits: 40 },
};
const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** Most iterations of a key derivation accepted (OpenSSL writes 2048; a hostile file could ask 10⁹). */
export const MAX_ITERATIONS = 1_000_000;

const BLOCK: Record<Hash, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/**
 * The PKCS#12 key derivation (RFC 7292, appendix B.2). `password` is already encoded (BMPString
 * with its two zero bytes).
 *
 * @example
 * pkcs12Kdf('sha1', bmpString('smeg'), salt, 1, 1, 24) // the 3DES key of the RFC's test vector
 */
export function pkcs12Kdf(
  hash: Hash,
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Buffer {
  const v = BLOCK[hash];
  const repeat = (data: Uint8Array) => {
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
    return out;
  };
  const I = Buffer.concat([
    salt.length ? repeat(salt) : Buffer.alloc(0),
    password.length ? repeat(password) : Buffer.alloc(0),
  ]);
  const D = Buffer.alloc(v, id);
  const out: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.push(A);
    produced += A.length;
    if (produced >= length) break;
    const B = repeat(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}

/** A password as a BMPString with its terminating zeros (the PKCS#12 encoding). */
export function bmpString(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
}

/** The bytes of an OCTET STRING, also in its constructed (BER) form. */
function octets(bytes: Uint8Array, node: DerNode | undefined): Uint8Array {
  if (!node) throw new Pkcs12Error('format', 'valeur absente');
  if (!node.constructed) return contentOf(bytes, node);
  return Buffer.concat(node.children.map((c) => octets(bytes, c)));
}

const iterationsOf = (bytes: Uint8Array, node: DerNode | undefined): number => {
  const n = node ? integerOf(bytes, node) : 1;
  if (n === undefined || n < 1 || n > MAX_ITERATIONS) {
    throw new Pkcs12Error('format', `nombre d’itérations refusé (au plus ${MAX_ITERATIONS})`);
  }
  return n;
};

/**
 * The password encodings tried, in order: the standard BMPString, then the UTF-8 bytes taken as
 * 8-bit characters (OpenSSL before 1.1 and some exporters); for PBKDF2, UTF-8 then Latin-1 bytes.
 */
interface Passwords {
  readonly bmp: Buffer;
  readonly texts: readonly Buffer[];
}
const variants = (password: string): Passwords[] => {
  const utf8 = Buffer.from(password, 'utf8');
  const ascii = [...password].every((c) => c.charCodeAt(0) < 0x80);
  if (ascii) return [{ bmp: bmpString(password), texts: [utf8] }];
  const latin1 = [...password].every((c) => c.charCodeAt(0) < 0x100) ? [Buffer.from(password, 'latin1')] : [];
  const texts = [utf8, ...latin1];
  return [
    { bmp: bmpString(password), texts },
    { bmp: bmpString(utf8.toString('latin1')), texts },
  ];
};

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array, rc2Bits?: number): Buffer {
  if (rc2Bits !== undefined) {
    const cipher = forge.rc2.createDecryptionCipher(
      forge.util.createBuffer(Buffer.from(key).toString('binary')),
      rc2Bits,
    );
    cipher.start(forge.util.createBuffer(Buffer.from(iv).toString('binary')));
    cipher.update(forge.util.createBuffer(Buffer.from(data).toString('binary')));
    if (!cipher.finish()) throw new Pkcs12Error('password', 'déchiffrement impossible');
    return Buffer.from(cipher.output.getBytes(), 'binary');
  }
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new Pkcs12Error('password', 'déchiffrement impossible');
  }
}

/** Decrypts data encrypted with the AlgorithmIdentifier `alg`. */
function decrypt(bytes: Uint8Array, alg: DerNode | undefined, data: Uint8Array, pw: Passwords): Buffer {
  const id = oidOf(bytes, alg?.children[0]);
  const params = alg?.children[1];
  if (id === OID.pbes2) {
    const [kdf, enc] = params?.children ?? [];
    if (oidOf(bytes, kdf?.children[0]) !== OID.pbkdf2)
      throw new Pkcs12Error('format', 'dérivation de clé inconnue');
    const kdfParams = kdf?.children[1]?.children ?? [];
    const salt = octets(bytes, kdfParams[0]);
    const iterations = iterationsOf(bytes, kdfParams[1]);
    const prfNode = kdfParams.find((n, i) => i >= 2 && isTag(n, TAG.sequence));
    const prf = prfNode ? HMACS[oidOf(bytes, prfNode.children[0]) ?? ''] : 'sha1';
    const cipher = CIPHERS[oidOf(bytes, enc?.children[0]) ?? ''];
    if (!prf || !cipher) throw new Pkcs12Error('format', 'algorithme de chiffrement inconnu');
    const iv = octets(bytes, enc?.children[1]);
    let failure: unknown;
    for (const text of pw.texts) {
      try {
        return decipher(cipher.name, pbkdf2Sync(text, salt, iterations, cipher.keyLength, prf), iv, data);
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }
  const scheme = PKCS12_PBE[id ?? ''];
  if (!scheme) throw new Pkcs12Error('format', `algorithme de chiffrement inconnu (${id ?? 'absent'})`);
  const salt = octets(bytes, params?.children[0]);
  const iterations = iterationsOf(bytes, params?.children[1]);
  const key = pkcs12Kdf('sha1', pw.bmp, salt, 1, iterations, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', pw.bmp, salt, 2, iterations, 8);
  return decipher(scheme.name, key, iv, data, scheme.rc2Bits);
}

/** Checks the MAC with each password encoding; returns the encoding that matches. */
function checkMac(bytes: Uint8Array, macData: DerNode, authSafe: Uint8Array, password: string): Passwords {
  const [digestInfo, saltNode, iterNode] = macData.children;
  const hash = DIGESTS[oidOf(bytes, digestInfo?.children[0]?.children[0]) ?? ''];
  if (!hash || !digestInfo?.children[1])
    throw new Pkcs12Error('format', 'algorithme du code d’intégrité inconnu');
  const expected = octets(bytes, digestInfo.children[1]);
  const salt = octets(bytes, saltNode);
  const iterations = iterationsOf(bytes, iterNode);
  const size = createHash(hash).digest().length;
  for (const pw of variants(password)) {
    const key = pkcs12Kdf(hash, pw.bmp, salt, 3, iterations, size);
    const mac = createHmac(hash, key).update(authSafe).digest();
    if (mac.length === expected.length && timingSafeEqual(mac, expected)) return pw;
  }
  throw new Pkcs12Error('password', 'code d’intégrité incorrect');
}

function readBags(
  bytes: Uint8Array,
  safeContents: DerNode,
  pw: Passwords,
  out: { keys: Uint8Array[]; certificates: Uint8Array[] },
  depth: number,
): void {
  if (depth > 4) throw new Pkcs12Error('format', 'sacs imbriqués trop profondément');
  for (const bag of safeContents.children) {
    const type = oidOf(bytes, bag.children[0]);
    const value = bag.children[1]?.children[0];
    if (!value) continue;
    if (type === OID.keyBag) out.keys.push(Uint8Array.from(bytes.subarray(value.start, value.end)));
    else if (type === OID.shroudedKeyBag) {
      const [alg, encrypted] = value.children;
      out.keys.push(decrypt(bytes, alg, octets(bytes, encrypted), pw));
    } else if (type === OID.certBag && oidOf(bytes, value.children[0]) === OID.x509Certificate) {
      out.certificates.push(Uint8Array.from(octets(bytes, value.children[1]?.children[0])));
    } else if (type === OID.safeContentsBag) readBags(bytes, value, pw, out, depth + 1);
  }
}

/**
 * Decodes a PKCS#12 file. Throws Pkcs12Error (`password` or `format`).
 *
 * @example
 * decodePkcs12(readFileSync('maire.p12'), 'été').certificates.length // 1
 */
export function decodePkcs12(input: Uint8Array, password: string): Pkcs12Contents {
  try {
    const pfx = parseDer(input);
    const [version, authSafeInfo, macData] = pfx.children;
    if (integerOf(input, version) !== 3 || oidOf(input, authSafeInfo?.children[0]) !== OID.data) {
      throw new Pkcs12Error('format', 'ce n’est pas un fichier PKCS#12 protégé par mot de passe');
    }
    const authSafe = octets(input, authSafeInfo?.children[1]?.children[0]);
    const pw = macData ? checkMac(input, macData, authSafe, password) : variants(password)[0]!;
    const out = { keys: [] as Uint8Array[], certificates: [] as Uint8Array[] };
    for (const info of parseDer(authSafe).children) {
      const type = oidOf(authSafe, info.children[0]);
      const content = info.children[1]?.children[0];
      if (type === OID.data) {
        const safe = octets(authSafe, content);
        readBags(safe, parseDer(safe), pw, out, 0);
      } else if (type === OID.encryptedData) {
        const encryptedContentInfo = content?.children[1];
        const [, alg, encrypted] = encryptedContentInfo?.children ?? [];
        const safe = decrypt(authSafe, alg, octets(authSafe, encrypted), pw);
        readBags(safe, parseDer(safe), pw, out, 0);
      }
    }
    return out;
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    // Our DER reader speaks French; anything else (node:crypto, node-forge) would be English.
    throw new Pkcs12Error('format', error instanceof DerError ? error.message : 'structure incorrecte');
  }
}
