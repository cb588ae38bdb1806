import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runDelib } from './support/cli.ts';

const delib = (args: readonly string[], cwd = ROOT) => runDelib(args, { cwd });

describe('delib init', () => {
  it('writes an example séance and its schema that validate and build, and never overwrites', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'delib-init-')), 'ma-seance');
    const init = await delib(['init', dir]);
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['seance.schema.json', 'seance.yaml']);
    expect(readFileSync(join(dir, 'seance.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\/seance\.schema\.json$/m,
    );
    expect(JSON.parse(readFileSync(join(dir, 'seance.schema.json'), 'utf8')).$schema).toContain('2020-12');
    const valid = await delib(['validate', join(dir, 'seance.yaml')]);
    expect(valid.code, valid.stdout).toBe(0);
    const again = await delib(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stdout + again.stderr).toContain('existe déjà');
  });
});

describe('delib templates export', () => {
  it('copies the default templates, which then override nothing but can be edited', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'delib-templates-')), 'modeles');
    const exported = await delib(['templates', 'export', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    const files = readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files).toContain('note-de-presentation.hbs');
    expect(files).toContain(join('partials', 'en-tete-seance.hbs'));
    // An edited copy is used by build/tree.
    const note = join(dir, 'note-de-presentation.hbs');
    writeFileSync(
      note,
      readFileSync(note, 'utf8').replace(
        '{{#if point.note.expose}}',
        'RAPPORT AU CONSEIL\n\n{{#if point.note.expose}}',
      ),
    );
    const tree = await delib([
      'tree',
      'fixtures/sceaux-2023-03-23.yaml',
      '--point',
      '1',
      '--doc',
      'note',
      '-t',
      dir,
    ]);
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stdout).toContain('RAPPORT AU CONSEIL');
    const refused = await delib(['templates', 'export', dir]);
    expect(refused.code).toBe(1);
    expect(existsSync(note)).toBe(true);
    expect(readFileSync(note, 'utf8')).toContain('RAPPORT AU CONSEIL');
  });
});
