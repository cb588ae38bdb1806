// Declaration files (.d.ts) of the library API (src/index.ts) for the package's consumers, emitted
// by TypeScript with tsconfig.types.json. Local imports `./x.ts` become `./x.js` (the consumer's
// TypeScript resolves them to `./x.d.ts` beside the compiled `./x.js`), and only the declaration
// files the API's types reach are kept: a module used by the API's code alone (fontkit's faces,
// pdf-lib's dossier…) has no place in them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const LOCAL_TS = /((?:from\s+|import\()\s*['"])(\.\.?\/[^'"]*?)\.ts(['"])/g;

/**
 * Writes the API's declarations under `outDir` (mirroring src/) and returns their paths, relative
 * to it. Throws with TypeScript's messages when a declaration cannot be written.
 *
 * @example
 * const files = await emitDeclarations(root, join(root, 'dist'));
 */
export async function emitDeclarations(root, outDir) {
  const { default: ts } = await import('typescript');
  const configFile = join(root, 'tsconfig.types.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configFile,
    { outDir },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`${configFile} illisible`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const texts = new Map();
  const result = program.emit(undefined, (file, text) => texts.set(resolve(file), text), undefined, true);
  const problems = [...config.errors, ...result.diagnostics];
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(problems, host));
  }
  // From index.d.ts, the files its imports reach (TypeScript's own reading of the imports).
  const kept = new Set();
  const visit = (file) => {
    if (kept.has(file) || !texts.has(file)) return;
    kept.add(file);
    for (const { fileName } of ts.preProcessFile(texts.get(file), true, true).importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName.replace(/\.ts$/, '.d.ts')));
    }
  };
  visit(resolve(outDir, 'index.d.ts'));
  if (kept.size === 0) throw new Error('index.d.ts absent des déclarations');
  for (const file of kept) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, texts.get(file).replace(LOCAL_TS, '$1$2.js$3'));
  }
  return [...kept].map((file) => relative(outDir, file)).sort();
}
