// Reading and parsing: encodings, limits, YAML problems and inclusions become diagnostics.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, loadSeance, locate, parseYaml, readText } from '../src/load/index.ts';

const encode = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('a: é')]), 'f.yaml')).toEqual({
      text: 'a: é',
    });
  });

  it('refuses UTF-16', () => {
    const r = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'f.yaml');
    expect('diagnostic' in r && r.diagnostic.code).toBe('file.encoding');
  });

  it('places invalid UTF-8 on its line and column', () => {
    const r = decodeUtf8(new Uint8Array([...encode('a: 1\nnom: Hél'), 0xe9, 0x6e, 0x65]), 'f.yaml');
    expect('diagnostic' in r && [r.diagnostic.code, r.diagnostic.line, r.diagnostic.column]).toEqual([
      'file.encoding',
      2,
      9,
    ]);
  });
});

describe('readText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-load-'));

  it('reports a missing file', async () => {
    const r = await readText(join(dir, 'absent.yaml'), 'absent.yaml');
    expect('diagnostic' in r && r.diagnostic.code).toBe('file.not-found');
  });

  it('refuses a file over the size limit', async () => {
    writeFileSync(join(dir, 'big.yaml'), 'a: 1\n'.repeat(100));
    const r = await readText(join(dir, 'big.yaml'), 'big.yaml', 100);
    expect('diagnostic' in r && r.diagnostic.code).toBe('file.too-large');
  });
});

describe('parseYaml', () => {
  it('keeps dates and times as strings (YAML 1.2 core)', () => {
    expect(parseYaml('date: 2023-03-23\nheure: 19:30\nok: no\n', 'f.yaml').data).toEqual({
      date: '2023-03-23',
      heure: '19:30',
      ok: 'no',
    });
  });

  it('reports an empty file, a list, a duplicate key', () => {
    expect(parseYaml('# rien\n', 'f.yaml').diagnostics.map((d) => d.code)).toEqual(['file.empty']);
    expect(parseYaml('- a\n', 'f.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml.not-mapping']);
    const dup = parseYaml('a: 1\nb: 2\na: 3\n', 'f.yaml').diagnostics;
    expect(dup.map((d) => [d.code, d.line, d.column])).toEqual([['yaml.duplicate-key', 3, 1]]);
  });

  it('stops an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ]) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const r = parseYaml(`${lines.join('\n')}\n`, 'f.yaml');
    expect(r.data).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml.alias']);
  });
});

describe('loadSeance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delib-include-'));
  mkdirSync(join(dir, 'seance', 'points'), { recursive: true });
  writeFileSync(join(dir, 'dehors.yaml'), 'numero: 9\n');
  writeFileSync(join(dir, 'seance', 'points', 'p2.yaml'), '# point 2\nnumero: 2\nobjet: Deux\n');
  symlinkSync(join(dir, 'dehors.yaml'), join(dir, 'seance', 'points', 'lien.yaml'));

  const write = (points: string) => {
    const file = join(dir, 'seance', 's.yaml');
    writeFileSync(file, `version: 1\npoints:\n${points}`);
    return file;
  };

  it('substitutes an included point and maps its paths into its own file', async () => {
    const file = write('  - numero: 1\n  - inclure: points/p2.yaml\n');
    const r = await loadSeance(file);
    expect(r.diagnostics).toEqual([]);
    expect(r.data?.points).toEqual([{ numero: 1 }, { numero: 2, objet: 'Deux' }]);
    const place = r.sources ? locate(r.sources, '/points/1/objet') : undefined;
    expect(place).toEqual({ file: join(dir, 'seance', 'points', 'p2.yaml'), line: 3, column: 8 });
  });

  it('refuses paths and symbolic links leading out of the séance folder', async () => {
    for (const target of ['../dehors.yaml', 'points/lien.yaml', '/etc/passwd.yaml']) {
      const r = await loadSeance(write(`  - inclure: ${target}\n`));
      expect(
        r.diagnostics.map((d) => [d.code, d.line, d.column]),
        target,
      ).toEqual([['file.outside-folder', 3, 14]]);
      expect(r.sources?.unresolvedPoints).toEqual([0]);
    }
  });
});
