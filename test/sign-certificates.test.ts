// Which certificates `delib sign` accepts: PKCS#12 files as OpenSSL 3 writes them (PBES2, AES-256,
// PBKDF2) and as older tools do (RC2, 3DES), accented passwords, ECDSA keys; refusals of weak keys,
// of certificates not meant for signing; and the output path (missing folder, folder, device, FIFO).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../src/diagnostics.ts';
import { openPkcs12 } from '../src/sign/pkcs12.ts';
import { signPdf } from '../src/sign/sign.ts';
import { verifyPdf } from '../src/sign/verify.ts';
import { type SignedBase, signedBase } from './sign-attacks.ts';
import { hasOpenssl, makeP12 } from './sign-helpers.ts';
import { runDelib } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-certs-'));
let base: SignedBase;

beforeAll(async () => {
  base = await signedBase();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date();
const open = (bytes: Uint8Array, password: string) =>
  openPkcs12(bytes, password, { file: 'c.p12', now: now() });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DiagnosticError)
      return `${error.diagnostics[0]!.code}: ${error.diagnostics[0]!.message}`;
    throw error;
  }
  return 'accepté';
};

/** A key and self-signed certificate made by the openssl binary, exported as PKCS#12. */
function opensslP12(
  name: string,
  keyArgs: readonly string[],
  exportArgs: readonly string[],
  password: string,
): Uint8Array {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  const p12 = join(dir, `${name}.p12`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-utf8',
      ...keyArgs,
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      `/CN=${name} Élodie/O=Ville de Sceaux/C=FR`,
      '-days',
      '30',
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      ...exportArgs,
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      p12,
      '-passout',
      `pass:${password}`,
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(p12);
}

const rsa = ['-newkey', 'rsa:2048'];
const ec = (curve: string) => ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];

describe.skipIf(!hasOpenssl)('PKCS#12 files made by OpenSSL 3', () => {
  it('opens the default export (AES-256-CBC, PBKDF2, SHA-256 MAC) with the password « été »', () => {
    const p12 = opensslP12('aes', rsa, [], 'été');
    const identity = open(p12, 'été');
    expect(identity.commonName).toBe('aes Élodie');
    expect(codeOf(() => open(p12, 'ete'))).toMatch(/^sign.password: Mot de passe du certificat incorrect/);
    const signed = signPdf(base.unsigned, { identity, signataire: '1', now: now(), file: 'c.pdf' });
    expect(verifyPdf(signed.bytes).verdict).toBe('Toutes les signatures sont intactes (1).');
  });

  it('opens a legacy export (RC2-40 and 3DES, SHA-1 MAC) with an accented password', () => {
    let p12: Uint8Array;
    try {
      p12 = opensslP12('legacy', rsa, ['-legacy'], 'été');
    } catch {
      return; // this OpenSSL has no legacy provider
    }
    expect(open(p12, 'été').commonName).toBe('legacy Élodie');
  });

  it('signs with ECDSA P-256 (SHA-256) and P-384 (SHA-384) keys; verify names the algorithms', () => {
    for (const [curve, algorithm] of [
      ['P-256', 'SHA-256, ECDSA P-256'],
      ['P-384', 'SHA-384, ECDSA P-384'],
    ] as const) {
      const identity = open(opensslP12(`ec${curve}`, ec(curve), [], 'secret'), 'secret');
      const signed = signPdf(base.unsigned, { identity, signataire: '1', now: now(), file: 'c.pdf' });
      const report = verifyPdf(signed.bytes);
      expect(report.verdict, curve).toBe('Toutes les signatures sont intactes (1).');
      expect(report.signatures[0]!.algorithme).toBe(algorithm);
    }
  });

  it('refuses other curves, clearly', () => {
    const p12 = opensslP12('k1', ec('secp256k1'), [], 'secret');
    expect(codeOf(() => open(p12, 'secret'))).toMatch(
      /^sign.key: Clé refusée : clé à courbe elliptique « secp256k1 » : seules P-256 et P-384/,
    );
  });
});

describe('damaged certificate files', () => {
  // No MAC nor encryption: a changed byte reaches the certificate, the key, the bags themselves.
  const whole = makeP12({ commonName: 'Patrick Ollier', password: '', unprotected: true });
  const ENGLISH = /error:|routines|\b(the|invalid|failed|cannot|unable|unexpected|expected|too|not)\b/i;

  it('every damaged byte gives a French sign.* diagnostic, never an English message or a crash', () => {
    expect(codeOf(() => open(whole, ''))).toBe('accepté');
    let seed = 20_261_201;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const bytes = Uint8Array.from(whole);
      for (let k = 0; k <= i % 2; k++) bytes[random() % bytes.length] = random() % 256;
      const outcome = codeOf(() => open(bytes, ''));
      expect(outcome).toMatch(/^(accepté|sign\.(certificate|key|password): [A-ZÉ])/);
      expect(outcome).not.toMatch(ENGLISH);
      const code = outcome.split(':')[0]!;
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    // The damage reached the certificate and the key, not only the outer structure.
    expect(outcomes.get('sign.certificate')).toBeGreaterThan(10);
    expect(outcomes.get('sign.key')).toBeGreaterThan(10);
  });

  it('names an unreadable certificate as such (not « the key matches no certificate »)', () => {
    // The certificate's outer SEQUENCE tag changed: node:crypto cannot read it.
    const der = Buffer.from(whole);
    const certAt = der.indexOf(Buffer.from('Patrick Ollier', 'latin1'));
    const bytes = Uint8Array.from(der);
    let start = certAt;
    while (start > 0 && !(der[start] === 0x30 && der[start + 1] === 0x82 && der[start + 4] === 0x30)) start--;
    bytes[start + 4] = 0x31;
    expect(codeOf(() => open(bytes, ''))).toMatch(
      /^sign.certificate: Le fichier PKCS#12 contient un certificat illisible/,
    );
  });
});

describe('certificates that may not sign', () => {
  const cases: [string, Parameters<typeof makeP12>[0], RegExp][] = [
    [
      'RSA 1024 bits',
      { commonName: 'Faible', password: 's', bits: 1024 },
      /^sign.key: Clé refusée : clé RSA de 1024 bits : au moins 2048 bits/,
    ],
    [
      'key usage without digitalSignature / nonRepudiation',
      {
        commonName: 'Chiffrement',
        password: 's',
        extensions: [{ name: 'keyUsage', keyEncipherment: true, dataEncipherment: true }],
      },
      /^sign.certificate: Ce certificat ne peut pas signer de documents : son usage de clé \(keyEncipherment, dataEncipherment\) ne permet pas la signature/,
    ],
    [
      'TLS server certificate',
      {
        commonName: 'www.sceaux.fr',
        password: 's',
        extensions: [
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
        ],
      },
      /^sign.certificate: Ce certificat ne peut pas signer de documents : il est réservé à l’authentification de serveurs TLS/,
    ],
    [
      'signing certificate (nonRepudiation, emailProtection)',
      {
        commonName: 'Signature',
        password: 's',
        extensions: [
          { name: 'keyUsage', nonRepudiation: true },
          { name: 'extKeyUsage', emailProtection: true, clientAuth: true },
        ],
      },
      /^accepté$/,
    ],
  ];
  it.each(cases)('%s', (_name, options, expected) => {
    expect(codeOf(() => open(makeP12(options), options.password))).toMatch(expected);
  });

  it('the CLI refuses a TLS certificate with exit 1 and leaves the PDF untouched', async () => {
    const pdf = join(dir, 'tls.pdf');
    writeFileSync(pdf, base.unsigned);
    const p12 = join(dir, 'tls.p12');
    writeFileSync(p12, makeP12(cases[2]![1]));
    const r = await runDelib(['sign', pdf, '--p12', p12, '-s', '1'], { env: { DELIB_P12_PASSWORD: 's' } });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain('[sign.certificate]');
    expect(Buffer.from(readFileSync(pdf)).equals(Buffer.from(base.unsigned))).toBe(true);
    // An existing output is left as it was too.
    const output = join(dir, 'sortie.pdf');
    writeFileSync(output, 'ancien contenu');
    const again = await runDelib(['sign', pdf, '--p12', p12, '-s', '1', '-o', output], {
      env: { DELIB_P12_PASSWORD: 's' },
    });
    expect(again.code).toBe(1);
    expect(readFileSync(output, 'utf8')).toBe('ancien contenu');
  });
});

describe('delib sign: where the signed PDF goes', () => {
  const p12 = join(dir, 'ok.p12');
  const env = { DELIB_P12_PASSWORD: 'secret' };
  const run = async (output: string) => {
    const pdf = join(dir, 'in.pdf');
    writeFileSync(pdf, base.unsigned);
    writeFileSync(p12, makeP12({ commonName: 'Patrick Ollier', password: 'secret' }));
    const r = await runDelib(['sign', pdf, '--p12', p12, '-s', '1', '-o', output], { env });
    expect(Buffer.from(readFileSync(pdf)).equals(Buffer.from(base.unsigned))).toBe(true);
    return r;
  };

  it('a missing folder, an existing folder: French diagnostic, exit 1, no stack', async () => {
    for (const [output, message] of [
      [join(dir, 'absent', 'x.pdf'), 'n’existe pas'],
      [dir, 'c’est un dossier'],
    ] as const) {
      const r = await run(output);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toContain('[output.not-writable]');
      expect(r.stdout + r.stderr).toContain(message);
      expect(r.stdout + r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('/dev/full stays a device', async () => {
    const r = await run('/dev/full');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('ce n’est pas un fichier ordinaire');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a FIFO given as certificate or to verify is refused at once', async () => {
    const fifo = join(dir, 'tube');
    execFileSync('mkfifo', [fifo]);
    const pdf = join(dir, 'in.pdf');
    writeFileSync(pdf, base.unsigned);
    const sign = await runDelib(['sign', pdf, '--p12', fifo, '-s', '1'], { env });
    expect(sign.code).toBe(1);
    expect(sign.stdout + sign.stderr).toContain('n’est pas un fichier ordinaire');
    const verify = await runDelib(['verify', fifo]);
    expect(verify.code).toBe(1);
    expect(verify.stdout + verify.stderr).toContain('n’est pas un fichier ordinaire');
  });
});
