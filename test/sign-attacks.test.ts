// Every attack on a delib-signed PDF gets its French verdict from `delib verify`, in bounded time;
// `delib sign` refuses to sign over a modification unless told.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/sign/sign.ts';
import { verifyPdf } from '../src/sign/verify.ts';
import {
  type AttackCase,
  attackCases,
  replacePageContent,
  type SignedBase,
  signedBase,
} from './sign-attacks.ts';
import { runDelib } from './support/cli.ts';

let base: SignedBase;
let cases: AttackCase[];

beforeAll(async () => {
  base = await signedBase();
  cases = attackCases(base);
});

describe('delib verify on attacks built from a signed convention', () => {
  it('gives each case its verdict, never throwing, each in well under 30 s', () => {
    for (const c of cases) {
      const start = performance.now();
      const report = verifyPdf(c.bytes);
      const elapsed = performance.now() - start;
      expect(elapsed, c.name).toBeLessThan(30_000);
      expect(report.verdict, c.name).toMatch(c.verdict);
      expect(report.intact, c.name).toBe(c.intact);
      expect(report.signatures.length, c.name).toBe(c.signatures.length);
      report.signatures.forEach((s, i) => {
        expect(s.verdict, `${c.name} #${i + 1}`).toMatch(c.signatures[i]!);
      });
    }
  });

  it('names the algorithms read from the SignerInfo', () => {
    const report = verifyPdf(base.twice);
    expect(report.signatures.map((s) => s.algorithme)).toEqual([
      'SHA-256, RSA 2048 bits',
      'SHA-256, RSA 2048 bits',
    ]);
  });
});

describe('delib sign over a modified file', () => {
  it('refuses a file changed since its last signature, and signs it when told', () => {
    const changed = replacePageContent(base.once);
    const options = { identity: base.second, signataire: '2', now: new Date(), file: 'c.pdf' };
    expect(() => signPdf(changed, options)).toThrow(
      /modifié depuis sa dernière signature : modifié après la signature de Patrick Ollier – [^:]*Président : contenu de la page 1/,
    );
    const signed = signPdf(changed, { ...options, acceptModifications: true });
    expect(verifyPdf(signed.bytes).verdict).toMatch(/^Document modifié après la signature de Patrick Ollier/);
  });

  it('refuses a file whose earlier signature is broken, and one with bytes after it', () => {
    const options = { identity: base.second, signataire: '2', now: new Date(), file: 'c.pdf' };
    const bytes = Buffer.from(base.once);
    const at = bytes.indexOf('stream\n', 5000) + 20;
    bytes[at] = bytes[at]! ^ 1;
    expect(() => signPdf(bytes, options)).toThrow(/signature invalide : l’empreinte ne correspond pas/);
    const appended = Buffer.concat([Buffer.from(base.once), Buffer.from('% ajout\n')]);
    expect(() => signPdf(appended, options)).toThrow(/8 octets ajoutés après la dernière signature/);
  });
});

describe('delib verify through the CLI on damaged and hostile files', () => {
  it('prints the verdict, exits 1, never a stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delib-verify-'));
    try {
      for (const name of ['wrapping-contresigne', 'tronque', 'imbrication']) {
        const c = cases.find((x) => x.name === name)!;
        const file = join(dir, `${name}.pdf`);
        writeFileSync(file, c.bytes);
        const r = await runDelib(['verify', file]);
        expect(r.code, name).toBe(1);
        expect(r.stdout, name).toMatch(
          c.verdict.source.startsWith('^') ? new RegExp(c.verdict.source.slice(1), 'm') : c.verdict,
        );
        expect(r.stderr, name).toContain('[verify.broken]');
        expect(r.stderr, name).not.toContain('Erreur interne');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
