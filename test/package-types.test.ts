// The package's declaration files as a consumer's strict TypeScript reads them: delib's .d.ts in a
// package folder with this package.json (its `exports` lead to them), beside the runtime
// dependencies and @types/node only (no fontkit or pdfkit types: a consumer does not have them).
// The declarations are dist/'s when `npm run build` wrote them after the last source change, else
// emitted here the same way (bin/declarations.js). The README's typed example compiles without an
// error, in it or in delib's declarations; a wrong use of the API is an error (the types are not
// `any`). The consumer is compiled by TypeScript 7's tsc (a process: 7.0 has no JavaScript API);
// .ci/pack-roundtrip compiles the example with TypeScript 5.9 against the packed and installed
// package and runs it.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDeclarations } from '../bin/declarations.js';
import { newestDistSource, ROOT } from './support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'delib-types-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PACKAGE = join(work, 'node_modules', 'delib');

/** dist/ holds declarations written after every source they come from. */
function distDeclarationsFresh(): boolean {
  const stamp = join(ROOT, 'dist', '.stamp');
  if (!existsSync(stamp) || !existsSync(join(ROOT, 'dist', 'index.d.ts'))) return false;
  const inputs = [join(ROOT, 'tsconfig.types.json'), join(ROOT, 'bin', 'declarations.js')];
  return Math.max(newestDistSource(), ...inputs.map((f) => statSync(f).mtimeMs)) <= statSync(stamp).mtimeMs;
}

/** The README's ```ts block that starts with `// name`. */
function readmeExample(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((b) => b.startsWith(`// ${name}\n`));
  if (!block) throw new Error(`exemple absent du README : ${name}`);
  return block;
}

const MISUSE = `import { listDocuments, loadAndValidate, renderDocument } from 'delib';
const { seance } = await loadAndValidate('seance.yaml');
if (seance) {
  await renderDocument(seance, 'point-01-note');
  const first: string = seance.points[0].objet;
  listDocuments(seance).map((d) => d.numero);
  await renderDocument(seance, listDocuments(seance)[0]!, { formats: ['odt'] });
}
`;

/** What tsc printed: its diagnostics, one a line, and the files it read. */
let diagnostics: string[] = [];
let read: string[] = [];

beforeAll(async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  mkdirSync(PACKAGE, { recursive: true });
  writeFileSync(join(PACKAGE, 'package.json'), JSON.stringify(manifest));
  if (distDeclarationsFresh()) {
    cpSync(join(ROOT, 'dist'), join(PACKAGE, 'dist'), {
      recursive: true,
      filter: (src) => statSync(src).isDirectory() || src.endsWith('.d.ts'),
    });
  } else {
    await emitDeclarations(ROOT, join(PACKAGE, 'dist'));
  }
  for (const name of [...Object.keys(manifest.dependencies), '@types/node', 'undici-types']) {
    mkdirSync(dirname(join(work, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(work, 'node_modules', name), 'dir');
  }
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consommateur', type: 'module' }));
  writeFileSync(join(work, 'exemple.ts'), readmeExample('exemple.ts'));
  writeFileSync(join(work, 'erreur.ts'), MISUSE);
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
        types: ['node'],
      },
      files: ['exemple.ts', 'erreur.ts'],
    }),
  );
  // TypeScript 7's tsc, npm run check's (.ci/pack-roundtrip compiles the example with 5.9's).
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript-7/bin/tsc'), '-p', '.', '--listFiles', '--pretty', 'false'],
    { cwd: work, encoding: 'utf8' },
  );
  expect(tsc.stderr).toBe('');
  const lines = tsc.stdout.split('\n').filter((line) => line !== '');
  // A message's further lines are indented; the files read are absolute paths.
  read = lines.filter((line) => isAbsolute(line));
  diagnostics = lines.filter((line) => !isAbsolute(line) && !line.startsWith(' '));
}, 180_000);

/** `file:line TScode message` for each problem of one file (relative to the consumer's folder). */
function problems(file: string): string[] {
  return diagnostics.flatMap((line) => {
    const m = /^(.*?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    return m && m[1] === file ? [`${file}:${m[2]} ${m[3]} ${m[4]}`] : [];
  });
}

describe('the package’s declarations', () => {
  it('are what `import … from "delib"` resolves to, and hold no error for a strict consumer', () => {
    const declarations = read.filter((f) => f.startsWith(PACKAGE));
    expect(declarations).toContain(join(PACKAGE, 'dist', 'index.d.ts'));
    expect(declarations.every((f) => f.endsWith('.d.ts'))).toBe(true);
    // No problem anywhere (options, declarations, the example) but in the wrong use below.
    expect(diagnostics.filter((line) => !line.startsWith('erreur.ts('))).toEqual([]);
    // No type package but Node's: fontkit's and pdfkit's (development dependencies) stay out.
    const typePackages = read
      .map((f) => /\/node_modules\/@types\/([^/]+)\//.exec(f)?.[1])
      .filter((name) => name !== undefined);
    expect(new Set(typePackages)).toEqual(new Set(['node']));
  });

  it('type the README’s example, which compiles without an error', () => {
    expect(problems('exemple.ts')).toEqual([]);
  });

  it('refuse a wrong use of the API, line by line', () => {
    expect(problems('erreur.ts').map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([
      'erreur.ts:4 TS2345',
      'erreur.ts:5 TS2532',
      'erreur.ts:6 TS2339',
      'erreur.ts:7 TS2322',
    ]);
  });
});
