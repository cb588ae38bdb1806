// « Premier contact »: the mistakes a clerk makes in the first hour, each through the real CLI
// with the JSON reporter, asserting one diagnostic at the mistaken line, with the fix in the hint.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runDelib } from './support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'delib-premier-contact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(join(ROOT, 'fixtures/points'), join(work, 'points'), { recursive: true });
const base = readFileSync(join(ROOT, 'fixtures/conseil-2024-06-27.yaml'), 'utf8');

interface Reported {
  readonly code: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

/** The fixture with one replacement, validated; returns its errors. */
async function mistake(name: string, from: string, to: string): Promise<Reported[]> {
  expect(base, `the fixture must contain ${JSON.stringify(from)}`).toContain(from);
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, base.replace(from, to));
  const result = await runDelib(['validate', file, '--reporter', 'json']);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  const report = JSON.parse(result.stdout) as { diagnostics: Reported[] };
  return report.diagnostics.filter((d) => d.severity === 'erreur');
}

/** 1-based line of the first line of the fixture that contains `text`. */
function lineOf(text: string): number {
  return base.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('premier contact: YAML mistakes get one message naming the cause, at its line', () => {
  it('an unquoted « : » inside an objet: put the text in quotes', async () => {
    const errors = await mistake(
      'deux-points',
      'objet: Budget principal 2024 – décision modificative n° 1',
      'objet: Budget 2026 : décision modificative',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'yaml.syntax',
      line: lineOf('objet: Budget principal'),
      column: 12,
    });
    expect(errors[0]?.message).toContain('« : »');
    expect(errors[0]?.hint).toBe(
      'Mettez le texte entre guillemets : objet: "Budget 2026 : décision modificative"',
    );
  });

  it('a tab inside an « expose: | » block: one error naming the tab and the field', async () => {
    const errors = await mistake(
      'tabulation',
      '        Elle s’équilibre en dépenses',
      '\tElle s’équilibre en dépenses',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'yaml.tab', line: lineOf('Elle s’équilibre'), column: 1 });
    expect(errors[0]?.message).toContain('« expose »');
    expect(errors[0]?.hint).toContain('espaces');
  });

  it('one space too many before a key: reported at that key, not on the line above', async () => {
    const errors = await mistake(
      'espace',
      '    rapporteur: François d’Arcy',
      '     rapporteur: François d’Arcy',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'yaml.syntax',
      line: lineOf('rapporteur: François d’Arcy'),
      column: 6,
    });
    expect(errors[0]?.hint).toBe('Retirez une espace en début de ligne pour l’aligner en colonne 5.');
  });

  it('a misindented « - nom: » in a list: one error, not a cascade', async () => {
    const errors = await mistake(
      'tiret',
      '            - nom: Département fictif',
      '           - nom: Département fictif',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'yaml.syntax',
      line: lineOf('- nom: Département fictif'),
      column: 12,
    });
    expect(errors[0]?.hint).toBe('Ajoutez une espace en début de ligne pour l’aligner en colonne 13.');
  });

  it('a date typed 12/12/2026: the hint gives the same date in ISO form', async () => {
    const errors = await mistake('date', 'date: 2024-06-27', 'date: 12/12/2026');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'schema.format', line: lineOf('date: 2024-06-27'), column: 9 });
    expect(errors[0]?.hint).toBe('Écrivez la date dans l’ordre année-mois-jour : 2026-12-12.');
  });

  it('« unanimite: oui »: one error, not two contradictory ones', async () => {
    const errors = await mistake(
      'unanimite',
      'pour: 21\n        contre: 4\n        abstentions: 2',
      'unanimite: oui',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'schema.enum', line: lineOf('pour: 21'), column: 20 });
    expect(errors[0]?.hint).toContain('« oui » est un texte');
  });

  it('a SIRET typed with spaces: the hint is this SIRET without them, not another one', async () => {
    const errors = await mistake('siret-espaces', 'siret: "21999099900019"', 'siret: "219 990 999 00019"');
    expect(errors[0]).toMatchObject({ code: 'schema.pattern', line: lineOf('siret: "21999099900019"') });
    expect(errors[0]?.hint).toContain('"21999099900019"');
  });

  it('an empty value where a format is expected: « est vide », not an empty quotation', async () => {
    const errors = await mistake('siret-vide', 'siret: "21999099900019"', 'siret: ""');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'schema.pattern', line: lineOf('siret: "21999099900019"') });
    expect(errors[0]?.message).toContain('est vide');
    expect(errors[0]?.message).not.toContain('«  »');
  });

  it('a SIRET whose check key is wrong (Luhn)', async () => {
    const errors = await mistake('siret-cle', 'siret: "21999099900019"', 'siret: "21999099900017"');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'rule.siret',
      line: lineOf('siret: "21999099900019"'),
      column: 10,
    });
  });

  it('the text summary agrees in number', async () => {
    const file = join(work, 'deux-points.yaml');
    const result = await runDelib(['validate', file]);
    expect(result.stdout).toContain('1 fichier invalide sur 1 : 1 erreur.');
    const ok = await runDelib(['validate', 'fixtures/sceaux-2023-03-23.yaml']);
    expect(ok.stdout).toContain('1 fichier valide.');
  });
});

describe('premier contact: the command line', () => {
  it('a mistyped command gets « vouliez-vous dire »', async () => {
    const result = await runDelib(['buidl', 'seance.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Commande inconnue « buidl ». Vouliez-vous dire « delib build » ?');
  });

  it('delib init writes a commented model and prints next commands that work as printed', async () => {
    const dir = join(work, 'ma-seance');
    const init = await runDelib(['init', dir], { env: { npm_command: 'exec' } });
    expect(init.code, init.stderr).toBe(0);
    const model = readFileSync(join(dir, 'seance.yaml'), 'utf8');
    expect(model).toMatch(/^# yaml-language-server: \$schema=\.\/seance\.schema\.json$/m);
    expect(model).toContain('# MODÈLE DE SÉANCE');
    expect(init.stdout).not.toMatch(/fixtures|src\/|node_modules/);
    const commands = init.stdout
      .split('\n')
      .filter((l) => l.startsWith('  npx delib '))
      .map((l) =>
        l
          .trim()
          .replace(/^npx delib /, '')
          .split(' '),
      );
    expect(commands.map((c) => c[0])).toEqual(['validate', 'build']);
    for (const args of commands) {
      const result = await runDelib(args);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'documents', 'manifest.json'), 'utf8')).toContain('point-01-note.pdf');
  });
});

describe('premier contact: --reference-docx that is not a .docx', () => {
  const cases: readonly [string, Uint8Array, string][] = [
    [
      'charte.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'Word 97-2003 (.doc)',
    ],
    ['charte.html', strToU8('<!DOCTYPE html>\n<html><body>Charte</body></html>\n'), 'une page web (HTML)'],
    [
      'charte.odt',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8('<x/>'),
      }),
      'OpenDocument (.odt',
    ],
  ];
  for (const [name, bytes, what] of cases) {
    it(`${name}: one French diagnostic naming what it is, exit 1, nothing written`, async () => {
      writeFileSync(join(work, name), bytes);
      const out = join(work, `sortie-${name}`);
      const result = await runDelib([
        'build',
        'fixtures/sceaux-2023-03-23.yaml',
        '--reference-docx',
        join(work, name),
        '-o',
        out,
        '--reporter',
        'json',
      ]);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      const text = result.stdout + result.stderr;
      expect(text).not.toContain('bogue');
      const report = JSON.parse(text.slice(text.indexOf('{'))) as { diagnostics: Reported[] };
      expect(report.diagnostics).toHaveLength(1);
      expect(report.diagnostics[0]?.code).toBe('reference.not-docx');
      expect(report.diagnostics[0]?.message).toContain(what);
      expect(report.diagnostics[0]?.hint).toContain('.docx');
      expect(existsSync(out)).toBe(false);
    });
  }
});
