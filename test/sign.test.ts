// delib sign / delib verify through the real CLI on the Sceaux bundle, with throwaway certificates
// made at test time: fields written by build, two signatures, tampering, and every error case.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { listSignatureFields } from '../src/sign/fields.ts';
import { readPdfStructure } from '../src/sign/pdf-file.ts';
import { makeP12 } from './sign-helpers.ts';
import { ROOT } from './support/cli.ts';

async function delib(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    env: { SOURCE_DATE_EPOCH: '1679529600', ...env },
    cwd: ROOT,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'delib-sign-'));
const bundle = join(dir, 'bundle');
const convention = join(bundle, 'point-01-convention-1.pdf');
const deliberation = join(bundle, 'point-01-deliberation.pdf');
const day = 86_400_000;
const PASSWORD = 'motdepasse';
const env = { DELIB_P12_PASSWORD: PASSWORD };
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function p12(name: string, options: Partial<Parameters<typeof makeP12>[0]> = {}): string {
  const file = join(dir, `${name}.p12`);
  writeFileSync(file, makeP12({ commonName: name, password: PASSWORD, ...options }));
  return file;
}

function copy(file: string, name: string): string {
  const target = join(dir, name);
  writeFileSync(target, readFileSync(file));
  return target;
}

beforeAll(async () => {
  const r = await delib(['build', 'fixtures/sceaux-2023-03-23.yaml', '--formats', 'pdf', '-o', bundle]);
  expect(r.code, r.err + r.out).toBe(0);
});

describe('delib build: signature fields', () => {
  it('marks each signature block as an empty /Sig field named after the signatory', () => {
    const conv = listSignatureFields(readPdfStructure(readFileSync(convention)));
    expect(conv.map((f) => f.name)).toEqual(['signature-1', 'signature-2']);
    expect(conv.map((f) => f.label)).toEqual([
      'Patrick Ollier – Le Président',
      'Philippe Laurent – Le Maire',
    ]);
    expect(conv.every((f) => f.signature === undefined)).toBe(true);
    const delib = listSignatureFields(readPdfStructure(readFileSync(deliberation)));
    expect(delib.map((f) => f.name)).toEqual(['signature-president', 'signature-secretaire']);
    const dossier = listSignatureFields(
      readPdfStructure(readFileSync(join(bundle, 'dossier-de-seance.pdf'))),
    );
    expect(dossier).toEqual([]);
  });

  it('stays byte-reproducible with the fields', async () => {
    const again = join(dir, 'again');
    const r = await delib(['build', 'fixtures/sceaux-2023-03-23.yaml', '--formats', 'pdf', '-o', again]);
    expect(r.code).toBe(0);
    expect(sha(readFileSync(join(again, 'point-01-convention-1.pdf')))).toBe(sha(readFileSync(convention)));
  });
});

describe('delib sign and delib verify', () => {
  it('signs the convention for both parties; both signatures verify; manifest updated', async () => {
    const unsigned = await delib(['verify', convention]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toContain('non signé');
    const ollier = p12('Patrick Ollier');
    const laurent = p12('Philippe Laurent');
    const first = await delib(['sign', convention, '--p12', ollier, '--signataire', '1'], env);
    expect(first.code, first.out + first.err).toBe(0);
    expect(first.out).toContain('signature-1');
    const second = await delib(
      ['sign', convention, '--p12', laurent, '--signataire', 'philippe laurent'],
      env,
    );
    expect(second.code, second.out + second.err).toBe(0);
    expect(second.out).toContain('signature-2');
    expect(second.out).toContain('manifest.json mis à jour');

    const text = await delib(['verify', convention]);
    expect(text.code, text.out).toBe(0);
    expect(text.out).toContain('Toutes les signatures sont intactes (2).');
    const json = await delib(['verify', '--reporter', 'json', convention]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as {
      intact: boolean;
      modifieApresDerniereSignature: boolean;
      signatures: {
        champ: string;
        sujet: string;
        emetteur: string;
        subFilter: string;
        intacte: boolean;
        couvertureRevision: boolean;
        date: string;
      }[];
    };
    expect(report.intact).toBe(true);
    expect(report.modifieApresDerniereSignature).toBe(false);
    expect(report.signatures.map((s) => [s.champ, s.intacte, s.couvertureRevision, s.subFilter])).toEqual([
      ['signature-1', true, true, 'ETSI.CAdES.detached'],
      ['signature-2', true, true, 'ETSI.CAdES.detached'],
    ]);
    expect(report.signatures[0]!.sujet).toContain('CN=Patrick Ollier');
    expect(report.signatures[1]!.sujet).toContain('CN=Philippe Laurent');
    expect(report.signatures[0]!.emetteur).toContain('CN=AC de test delib');
    expect(Math.abs(Date.parse(report.signatures[1]!.date) - Date.now())).toBeLessThan(10 * 60_000);

    const bytes = readFileSync(convention);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8')) as {
      documents: { path: string; sha256: string; bytes: number }[];
    };
    const entry = manifest.documents.find((d) => d.path === 'point-01-convention-1.pdf')!;
    expect(entry.sha256).toBe(sha(bytes));
    expect(entry.bytes).toBe(bytes.length);

    // One byte changed inside the first revision: both digests break.
    const tampered = Buffer.from(bytes);
    // A byte inside a compressed content stream of the unsigned document.
    const at = tampered.indexOf('stream\n', 5000) + 20;
    expect(at).toBeGreaterThan(5000);
    tampered[at] = tampered[at]! ^ 0x01;
    const changed = join(dir, 'tampered.pdf');
    writeFileSync(changed, tampered);
    const broken = await delib(['verify', '--reporter', 'json', changed]);
    expect(broken.code).toBe(1);
    const brokenReport = JSON.parse(broken.out) as { intact: boolean; signatures: { empreinte: boolean }[] };
    expect(brokenReport.intact).toBe(false);
    expect(brokenReport.signatures.map((s) => s.empreinte)).toEqual([false, false]);

    // Bytes appended after the last signature.
    const appended = join(dir, 'appended.pdf');
    writeFileSync(appended, Buffer.concat([bytes, Buffer.from('% ajout\n')]));
    const after = await delib(['verify', appended]);
    expect(after.code).toBe(1);
    expect(after.out + after.err).toContain('modifié après la dernière signature');
  });

  it('signs to another file with -o and leaves the input untouched', async () => {
    const input = copy(deliberation, 'deliberation-o.pdf');
    const before = sha(readFileSync(input));
    const out = join(dir, 'deliberation-signee.pdf');
    const r = await delib(
      ['sign', input, '--p12', p12('Le Maire'), '-s', 'signature-president', '-o', out],
      env,
    );
    expect(r.code, r.out + r.err).toBe(0);
    expect(sha(readFileSync(input))).toBe(before);
    expect((await delib(['verify', out])).code).toBe(0);
  });
});

describe('delib sign: errors leave the input untouched', () => {
  const cases: [string, () => string[], Record<string, string>, string][] = [
    ['wrong password', () => ['--p12', p12('A'), '-s', '1'], { DELIB_P12_PASSWORD: 'faux' }, 'sign.password'],
    ['no password', () => ['--p12', p12('B'), '-s', '1'], {}, 'sign.password'],
    [
      'expired certificate',
      () => [
        '--p12',
        p12('C', { notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) }),
        '-s',
        '1',
      ],
      env,
      'sign.certificate',
    ],
    [
      'certificate not yet valid',
      () => [
        '--p12',
        p12('D', { notBefore: new Date(Date.now() + day), notAfter: new Date(Date.now() + 400 * day) }),
        '-s',
        '1',
      ],
      env,
      'sign.certificate',
    ],
    [
      'key that does not match',
      () => ['--p12', p12('E', { mismatchedKey: true }), '-s', '1'],
      env,
      'sign.key',
    ],
    ['unknown signatory', () => ['--p12', p12('F'), '-s', 'Personne'], env, 'sign.signatory'],
    ['block number out of range', () => ['--p12', p12('G'), '-s', '3'], env, 'sign.signatory'],
  ];
  it.each(cases)('%s', async (_name, args, variables, code) => {
    const input = copy(deliberation, `err-${code}.pdf`);
    const before = sha(readFileSync(input));
    const r = await delib(['sign', input, ...args()], variables);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain(`[${code}]`);
    expect(sha(readFileSync(input))).toBe(before);
  });

  it('refuses a PDF without fields (the dossier) and a file that is not a PDF', async () => {
    const dossier = copy(join(bundle, 'dossier-de-seance.pdf'), 'dossier.pdf');
    const r = await delib(['sign', dossier, '--p12', p12('H'), '-s', '1'], env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('[sign.not-delib]');
    const yaml = copy('fixtures/sceaux-2023-03-23.yaml', 'seance.pdf');
    const before = sha(readFileSync(yaml));
    const r2 = await delib(['sign', yaml, '--p12', p12('I'), '-s', '1'], env);
    expect(r2.code).toBe(1);
    expect(r2.out + r2.err).toContain('[sign.not-delib]');
    expect(sha(readFileSync(yaml))).toBe(before);
  });

  it('refuses a block already signed', async () => {
    const input = copy(deliberation, 'twice.pdf');
    const cert = p12('J');
    expect((await delib(['sign', input, '--p12', cert, '-s', '2'], env)).code).toBe(0);
    const before = sha(readFileSync(input));
    const r = await delib(['sign', input, '--p12', cert, '-s', 'signature-secretaire'], env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('[sign.already-signed]');
    expect(sha(readFileSync(input))).toBe(before);
  });

  it('reports command-line mistakes with exit 2', async () => {
    expect((await delib(['sign', convention, '-s', '1'], env)).code).toBe(2);
    expect((await delib(['sign', convention, '--p12', 'x.p12'], env)).code).toBe(2);
    expect((await delib(['verify', '--reporter', 'xml', convention])).code).toBe(2);
    expect((await delib(['verify'])).code).toBe(2);
  });
});
