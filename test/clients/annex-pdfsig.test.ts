// A signed PDF given as an annex: poppler's pdfsig still validates the copy in the bundle (kept
// byte for byte), while the dossier that joins its pages is well-formed, tagged and unsigned.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnnexFixture, makeAnnexFixture } from '../support/annex-fixture.ts';
import { runDelib } from '../support/cli.ts';

function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
  }
}

let fixture: AnnexFixture;
let out: string;

beforeAll(async () => {
  fixture = await makeAnnexFixture();
  out = join(fixture.dir, 'out');
  const r = await runDelib(['build', fixture.seance, '-o', out, '--formats', 'pdf', '-q']);
  expect(r.code, r.stderr).toBe(0);
}, 240_000);
afterAll(() => fixture?.cleanup());

describe('signed annex read by poppler and qpdf', () => {
  it('pdfsig validates the signed annex copied into the bundle', () => {
    const report = pdfsig(join(out, 'point-01-annexe-3.pdf'));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signer Certificate Common Name: Philippe Laurent');
  });

  it('the dossier joining its pages is well-formed, tagged, and carries no signature', () => {
    const dossier = join(out, 'dossier-de-seance.pdf');
    expect(execFileSync('qpdf', ['--check', dossier], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    expect(execFileSync('pdfinfo', [dossier], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(pdfsig(dossier)).toContain('does not contain any signatures');
  });
});
