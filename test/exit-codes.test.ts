// One function maps outcomes to exit codes (0, 1 invalid input, 2 bad command line, 3 bug,
// 130 SIGINT, 143 SIGTERM), and a diagnostic that reaches `main` goes through the chosen
// --reporter, on stderr (stdout stays for results); output-file failures are diagnostics.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../src/cli/command.ts';
import { exitCodeOf } from '../src/cli/main.ts';
import { DiagnosticError, diagnostic } from '../src/diagnostics.ts';
import { BASE, edit } from './hostile/base.ts';
import { cli, STACK_FRAME } from './hostile/run.ts';

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
