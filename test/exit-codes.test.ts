// One function maps outcomes to exit codes (0, 1 invalid input, 2 bad command line, 3 bug,
// 130 SIGINT, 143 SIGTERM), and a diagnostic that reaches `main` goes through the chosen
// --reporter, on stderr (stdout stays for results); output-file failures are diagnostics.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../src/cli/command.ts';
import { exitCodeOf } from '../src/cli/main.ts';
import { DiagnosticError, diagnostic } from '../src/diagnostics.ts';
import { BASE, edit } from './hostile/base.ts';
import { cli, STACK_FRAME } from './hostile/run.ts';
import { runMain } from './support/cli.ts';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'delib-exit-'));
  // With its matière, the séance is complete for the SCDL export.
  writeFileSync(
    join(work, 'seance.yaml'),
    edit(BASE, [
      '    rapporteur: Anne Martin\n',
      '    rapporteur: Anne Martin\n    matiere:\n      code: "7.5"\n',
    ]),
  );
  writeFileSync(join(work, 'fichier'), 'un fichier');
  mkdirSync(join(work, 'dossier'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exitCodeOf', () => {
  it('maps every kind of failure to its code', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(2);
    expect(exitCodeOf(Object.assign(new Error('x'), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }))).toBe(2);
    expect(exitCodeOf(new DiagnosticError([diagnostic('file.empty', 'erreur', 'vide')]))).toBe(1);
    expect(exitCodeOf(new InterruptedError('SIGINT', 'interrompu'))).toBe(130);
    expect(exitCodeOf(new InterruptedError('SIGTERM', 'interrompu'))).toBe(143);
    expect(exitCodeOf(new TypeError('boom'))).toBe(3);
    expect(exitCodeOf('a string')).toBe(3);
  });
});

describe('diagnostics reaching main', () => {
  it('go through --reporter json on stderr', async () => {
    const run = await cli(['build', 'seance.yaml', '-o', 'fichier/sortie', '-q', '-r', 'json'], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(run.stderr) as {
      valide: boolean;
      fichiers: { fichier: string }[];
      diagnostics: { code: string }[];
    };
    expect(report.valide).toBe(false);
    expect(report.fichiers.map((f) => f.fichier)).toEqual(['seance.yaml']);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['output.not-writable']);
  });

  it('go through --reporter github on stderr', async () => {
    const run = await cli(['export', 'scdl', 'seance.yaml', '-o', 'absent/d.csv', '-r', 'github'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^::error file=absent\/d\.csv,title=output\.not-writable::/m);
  });
});

describe('export scdl -o', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['a missing folder', 'absent/deliberations.csv', 'son dossier n’existe pas'],
    ['an existing folder', 'dossier', 'c’est un dossier, pas un fichier'],
    ['a path under a file', 'fichier/deliberations.csv', 'un élément du chemin est un fichier'],
    ['a device (/dev/full)', '/dev/full', 'c’est un périphérique ou un tube, pas un fichier'],
  ];
  it.each(cases)('refuses %s in French, exit 1, replacing nothing', async (_name, out, message) => {
    const run = await cli(['export', 'scdl', 'seance.yaml', '-o', out], work);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('[output.not-writable]');
    expect(run.stderr).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readFileSync(join(work, 'fichier'), 'utf8')).toBe('un fichier');
    expect(statSync(join(work, 'dossier')).isDirectory()).toBe(true);
  });

  it('takes -o "" for a bad command line', async () => {
    const run = await cli(['export', 'scdl', 'seance.yaml', '-o', ''], work);
    expect(run.code).toBe(2);
  });
});

describe('Ctrl-C while the séance is loading (before the build starts)', () => {
  /** An interrupt that arrives as soon as the command listens, i.e. before loading. */
  const early = (signal: string) => ({
    onInterrupt: (handler: (s: string) => void) => {
      setImmediate(() => handler(signal));
      return () => {};
    },
  });
  const run = (args: readonly string[], signal: string) =>
    runMain(args, { cwd: work, env: { SOURCE_DATE_EPOCH: '1679529600' }, ...early(signal) });

  it('exits 130 (143 for SIGTERM) with a French message, nothing written', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const r = await run(['build', 'seance.yaml', '-o', 'interrompu', '-q'], signal);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain('Construction interrompue');
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(existsSync(join(work, 'interrompu'))).toBe(false);
    }
  });

  it('is listened to during loading: an interrupt wins over what loading then finds', async () => {
    writeFileSync(join(work, 'invalide.yaml'), edit(BASE, ['  secretaire: Paul Durand', '  secretaire: 12']));
    const r = await run(['build', 'invalide.yaml', '-o', 'interrompu', '-q'], 'SIGINT');
    expect(r.code, r.stderr).toBe(130);
    expect(existsSync(join(work, 'interrompu'))).toBe(false);
  });
});
