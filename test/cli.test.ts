// The CLI in-process with captured output: help, usage errors, reporters, colours, exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.ts';
import type { CliIo } from '../src/cli/io.ts';
import { runMain } from './support/cli.ts';

async function delib(argv: string[], io: Partial<CliIo> = {}) {
  const r = await runMain(argv, io);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const invalid = 'fixtures/invalid/nature-inconnue.yaml';

describe('delib', () => {
  it('prints a French help listing the commands', async () => {
    const r = await delib(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage : delib COMMANDE');
    expect(r.out).toMatch(/validate\s+Vérifie/);
    expect(r.out).toMatch(/schema\s+Affiche/);
  });

  it('lists in its help the summary each command has, without loading any command', async () => {
    for (const entry of COMMANDS) {
      expect(
        (await entry.load()).summary,
        `${entry.name}: copy its summary into src/cli/commands/index.ts`,
      ).toBe(entry.summary);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('prints the help of a command', async () => {
    const r = await delib(['validate', '--help']);
    expect([r.code, r.out.startsWith('Usage : delib validate')]).toEqual([0, true]);
  });

  it('exits 2 on a bad command line, without a stack trace', async () => {
    for (const argv of [
      [],
      ['compiler'],
      ['validate'],
      ['validate', '--reporter', 'xml', 'a.yaml'],
      ['validate', '--vite'],
    ]) {
      const r = await delib(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect((await delib(['compiler'])).err).toContain('Commande inconnue « compiler »');
  });

  it('prints the schema that is committed', async () => {
    const r = await delib(['schema']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync('schema/seance.schema.json', 'utf8'));
  });

  it('reports like a compiler: position, source line, caret, hint', async () => {
    const r = await delib(['validate', invalid]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      `${invalid}:5:11  erreur  « nature » vaut « Commune » ; valeurs permises : commune, departement, region, epci, metropole, syndicat, autre.  [schema.enum]`,
    );
    expect(lines[1]).toBe(' 5 |   nature: Commune');
    expect(lines[2]).toBe('   |           ^');
    expect(lines[3]).toBe('  → Vouliez-vous dire « commune » ?');
    expect(r.out).not.toContain('\u001b[');
  });

  it('colours only on a terminal and never with NO_COLOR', async () => {
    expect((await delib(['validate', invalid], { isTTY: true })).out).toContain('\u001b[');
    expect((await delib(['validate', invalid], { isTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(
      '\u001b[',
    );
  });

  it('has a JSON reporter', async () => {
    const r = await delib(['validate', '--reporter', 'json', invalid, 'fixtures/sceaux-2023-03-23.yaml']);
    const report = JSON.parse(r.out) as {
      valide: boolean;
      fichiers: unknown[];
      diagnostics: { code: string }[];
    };
    expect(r.code).toBe(1);
    expect(report.valide).toBe(false);
    expect(report.fichiers).toEqual([
      { fichier: invalid, valide: false },
      { fichier: 'fixtures/sceaux-2023-03-23.yaml', valide: true },
    ]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['schema.enum']);
  });

  it('has a GitHub Actions reporter', async () => {
    const r = await delib(['validate', '-r', 'github', invalid]);
    expect(r.out).toMatch(
      /^::error file=fixtures\/invalid\/nature-inconnue\.yaml,line=5,col=11,title=schema\.enum::« nature » vaut/,
    );
  });

  it('reports an unexpected exception as a bug of delib, exit 3', async () => {
    const r = await delib(['schema'], {
      stdout: () => {
        throw new TypeError('sortie fermée');
      },
    });
    expect(r.code).toBe(3);
    expect(r.err).toContain('Erreur interne de delib (bogue)');
    expect(r.err).toContain('TypeError: sortie fermée');
  });
});
