// Every broken file of fixtures/invalid/ goes through the real CLI: exit 1, the expected codes at
// the expected lines and columns (fixtures/invalid/expected.json), and never a stack trace.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDelib } from './support/cli.ts';

const folder = 'fixtures/invalid';
const expected = JSON.parse(readFileSync(`${folder}/expected.json`, 'utf8')) as Record<string, string[]>;
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const delib = (...args: string[]) => runDelib(args);

/** `fichier:ligne:colonne  erreur  message  [code]` lines of the text report. */
function reported(stdout: string, file: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const m = /^(\S+):(\d+):(\d+) {2}erreur {2}.*\[([a-z.-]+)\]$/.exec(line);
    if (!m) return [];
    const where = m[1] === `${folder}/${file}` ? '' : `${m[1]?.replace(`${folder}/`, '')}:`;
    return [`${where}${m[4]}@${m[2]}:${m[3]}`];
  });
}

describe('fixtures/invalid', () => {
  it('has at least 20 files, each with its expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expected).sort()).toEqual(files);
    for (const file of files) expect(expected[file]?.length, file).toBeGreaterThan(0);
  });

  it.concurrent.each(files)(
    '%s exits 1 with its diagnostics at the right places, without a stack trace',
    async (file) => {
      const result = await delib('validate', `${folder}/${file}`);
      expect(result.code).toBe(1);
      expect(reported(result.stdout, file)).toEqual(expected[file]);
      const all = result.stdout + result.stderr;
      expect(all).not.toMatch(/Erreur interne|\n\s+at .+:\d+:\d+\)?\n/);
      expect(result.stderr).toBe('');
    },
  );

  it('reports all files of one run and exits 1 if any is invalid', async () => {
    const result = await delib('validate', 'fixtures/sceaux-2023-03-23.yaml', `${folder}/quorum.yaml`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 fichier invalide sur 2');
  });
});

describe('valid fixtures', () => {
  it('npx delib validate fixtures/*.yaml exits 0', async () => {
    const valid = readdirSync('fixtures')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `fixtures/${f}`);
    expect(valid.length).toBeGreaterThanOrEqual(2);
    const result = await delib('validate', ...valid);
    expect(result.stdout).toContain(`${valid.length} fichiers valides`);
    expect(result.code).toBe(0);
  });
});
