// The package's declaration files as a consumer's strict TypeScript reads them: delib's .d.ts in a
// package folder with this package.json (its `exports` lead to them), beside the runtime
// dependencies and @types/node only (no fontkit or pdfkit types: a consumer does not have them).
// The declarations are dist/'s when `npm run build` wrote them after the last source change, else
// emitted here the same way (bin/declarations.js). The README's typed example compiles without an
// error, in it or in delib's declarations; a wrong use of the API is an error (the types are not
// `any`). .ci/pack-roundtrip does the same with the packed and installed package and runs it.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDeclarations } from '../bin/declarations.js';
import { ROOT } from './support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'delib-types-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PACKAGE = join(work, 'node_modules', 'delib');

/** The newest modification time of the .ts files under `dir`. */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** dist/ holds declarations written after every source they come from. */
function distDeclarationsFresh(): boolean {
  const stamp = join(ROOT, 'dist', '.stamp');
  if (!existsSync(stamp) || !existsSync(join(ROOT, 'dist', 'index.d.ts'))) return false;
  const inputs = [join(ROOT, 'tsconfig.types.json'), join(ROOT, 'bin', 'declarations.js')];
  return (
    Math.max(newest(join(ROOT, 'src')), ...inputs.map((f) => statSync(f).mtimeMs)) <= statSync(stamp).mtimeMs
  );
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

let program: ts.Program;

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
  program = ts.createProgram([join(work, 'exemple.ts'), join(work, 'erreur.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
  });
}, 180_000);

/** `file:line TScode` for each problem of one file of the program. */
function problems(file: string): string[] {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`absent du programme : ${file}`);
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
    return `${file.slice(work.length + 1)}:${line} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('the package’s declarations', () => {
  it('are what `import … from "delib"` resolves to, and hold no error for a strict consumer', () => {
    const declarations = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => f.startsWith(PACKAGE));
    expect(declarations).toContain(join(PACKAGE, 'dist', 'index.d.ts'));
    expect(declarations.every((f) => f.endsWith('.d.ts'))).toBe(true);
    expect(program.getOptionsDiagnostics()).toEqual([]);
    expect(program.getGlobalDiagnostics()).toEqual([]);
    expect(declarations.flatMap(problems)).toEqual([]);
    // No type package but Node's: fontkit's and pdfkit's (development dependencies) stay out.
    const typePackages = program
      .getSourceFiles()
      .map((f) => /\/node_modules\/@types\/([^/]+)\//.exec(f.fileName)?.[1])
      .filter((name) => name !== undefined);
    expect(new Set(typePackages)).toEqual(new Set(['node']));
  });

  it('type the README’s example, which compiles without an error', () => {
    expect(problems(join(work, 'exemple.ts'))).toEqual([]);
  });

  it('refuse a wrong use of the API, line by line', () => {
    expect(problems(join(work, 'erreur.ts')).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([
      'erreur.ts:4 TS2345',
      'erreur.ts:5 TS2532',
      'erreur.ts:6 TS2339',
      'erreur.ts:7 TS2322',
    ]);
  });
});
