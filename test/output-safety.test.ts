// The output folder can never endanger other files: it is never the séance folder, the current
// directory, a parent of them, a `.git` folder, the templates folder, the root or the home
// folder (even with --force), and --force writes beside foreign files without ever removing or
// replacing them, removing only files the previous manifest.json lists.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from './hostile/base.ts';
import { cli, listing, STACK_FRAME } from './hostile/run.ts';

let root = '';
let work = '';
let home = '';

function contents(folder: string): Record<string, string> {
  return Object.fromEntries(
    listing(folder).map((f) => {
      try {
        return [f, readFileSync(join(folder, f), 'utf8')];
      } catch {
        return [f, '<dossier>'];
      }
    }),
  );
}

function expectRefused(run: { code: number; stdout: string; stderr: string }, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toContain('Erreur interne');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'delib-output-safety-'));
  work = join(root, 'seance');
  home = join(root, 'maison');
  mkdirSync(work);
  mkdirSync(join(work, '.git'));
  mkdirSync(join(work, 'modeles'));
  mkdirSync(home);
  writeFileSync(join(work, 'seance.yaml'), BASE);
  writeFileSync(join(work, 'notes.txt'), 'notes du secrétariat');
  writeFileSync(join(work, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(home, 'courrier.odt'), 'à moi');
  symlinkSync(work, join(root, 'lien-vers-seance'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (args: readonly string[], cwd = work) =>
  cli(['build', 'seance.yaml', '-q', '-j', '1', '-f', 'pdf', ...args], cwd, { HOME: home });

describe('output folder that would endanger other files', () => {
  const cases: readonly (readonly [string, () => string, string])[] = [
    ['-o . (the séance folder, the current directory)', () => '.', 'contient le fichier de séance'],
    ['-o .. (above the séance folder)', () => '..', 'contient le fichier de séance'],
    ['-o ~ (the home folder)', () => home, 'est votre dossier personnel'],
    ['-o / (the root)', () => '/', 'est la racine du système de fichiers'],
    ['a link to the séance folder', () => join(root, 'lien-vers-seance'), 'contient le fichier de séance'],
    ['the .git folder', () => '.git', 'est un dossier .git'],
    ['a folder inside .git', () => '.git/sortie', 'est un dossier .git'],
    ['the templates folder', () => 'modeles', 'contient le dossier des modèles'],
  ];
  it.each(cases)('refuses %s, even with --force, touching nothing', async (_name, out, reason) => {
    const before = contents(root);
    const run = await build(['-o', out(), '--force', '-t', join(work, 'modeles')]);
    expectRefused(run, 'output.unsafe');
    expect(run.stderr).toContain(reason);
    expect(contents(root)).toEqual(before);
  });

  it('refuses a folder that holds a .git folder', async () => {
    mkdirSync(join(root, 'depot', '.git'), { recursive: true });
    const before = contents(root);
    expectRefused(await build(['-o', join(root, 'depot'), '--force']), 'output.unsafe');
    expect(contents(root)).toEqual(before);
  });

  it('refuses the current directory when the séance lives elsewhere', async () => {
    const before = contents(root);
    const run = await cli(['build', join(work, 'seance.yaml'), '-q', '-o', '.', '--force'], home, {
      HOME: root,
    });
    expectRefused(run, 'output.unsafe');
    expect(run.stderr).toContain('contient le dossier courant');
    expect(contents(root)).toEqual(before);
  });

  it('takes -o "" for a bad command line (exit 2), writing nothing', async () => {
    const before = contents(root);
    const run = await build(['-o', '', '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Dossier de sortie vide');
    expect(contents(root)).toEqual(before);
  });
});

describe('--force', () => {
  it('writes beside foreign files, never removing them, and removes only files of the previous manifest', async () => {
    const out = join(root, 'partage');
    mkdirSync(join(out, 'archives'), { recursive: true });
    writeFileSync(join(out, 'rapport.odt'), 'à moi');
    writeFileSync(join(out, 'archives', 'vieux.pdf'), 'ancien');
    const refused = await build(['-o', out]);
    expectRefused(refused, 'output.foreign-files');
    expect(listing(out)).toEqual(['archives', 'archives/vieux.pdf', 'rapport.odt']);

    const pdf = await build(['-o', out, '--force']);
    expect(pdf.code, pdf.stderr).toBe(0);
    const firstFiles = listing(out);
    expect(firstFiles).toContain('manifest.json');
    expect(firstFiles).toContain('point-01-note.pdf');
    expect(readFileSync(join(out, 'rapport.odt'), 'utf8')).toBe('à moi');

    const docx = await cli(
      ['build', 'seance.yaml', '-q', '-j', '1', '-f', 'docx', '-o', out, '--force'],
      work,
    );
    expect(docx.code, docx.stderr).toBe(0);
    const files = listing(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual(['archives/vieux.pdf']);
    expect(files).toContain('point-01-note.docx');
    expect(readFileSync(join(out, 'rapport.odt'), 'utf8')).toBe('à moi');
    expect(readFileSync(join(out, 'archives', 'vieux.pdf'), 'utf8')).toBe('ancien');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      documents: { path: string }[];
    };
    expect(files.filter((f) => f.endsWith('.docx')).sort()).toEqual(
      manifest.documents.map((d) => d.path).sort(),
    );
    expect(listing(root).filter((f) => f.includes('.delib-'))).toEqual([]);
  });

  it('never replaces a foreign file that has the name of a file to produce', async () => {
    const out = join(root, 'homonyme');
    mkdirSync(out);
    writeFileSync(join(out, 'point-01-note.pdf'), 'mon propre PDF');
    const run = await build(['-o', out, '--force']);
    expectRefused(run, 'output.foreign-files');
    expect(run.stderr).toContain('point-01-note.pdf');
    expect(contents(out)).toEqual({ 'point-01-note.pdf': 'mon propre PDF' });
    expect(listing(root).filter((f) => f.includes('.delib-'))).toEqual([]);
  });

  it('does not take a foreign manifest.json for one of its own', async () => {
    const out = join(root, 'faux-manifeste');
    mkdirSync(out);
    const fake = JSON.stringify({ generator: { name: 'autre' }, documents: [{ path: 'budget.ods' }] });
    writeFileSync(join(out, 'manifest.json'), fake);
    writeFileSync(join(out, 'budget.ods'), 'budget');
    const run = await build(['-o', out, '--force']);
    expectRefused(run, 'output.foreign-files');
    expect(contents(out)).toEqual({ 'budget.ods': 'budget', 'manifest.json': fake });
  });
});
