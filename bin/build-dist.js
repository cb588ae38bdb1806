#!/usr/bin/env node
// Compiles src/**/*.ts to dist/**/*.js once (npm `prepare` and `build`), so that `delib` starts
// without tsx's on-the-fly compiler. Files are transpiled one by one, not bundled: dist/ mirrors
// src/ at the same depth, so `new URL('../../templates/', import.meta.url)` still points to the
// repository's folders. Local imports `./x.ts` are rewritten to `./x.js`; packages stay imports.
// Also writes the library's declaration files (bin/declarations.js) for `exports.types`.
// Writes dist/.stamp last: bin/delib.js only uses dist/ when no source is newer than the stamp.
import { copyFileSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emitDeclarations } from './declarations.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

/**
 * Every .ts file under `dir`, but declaration files and unit tests (`*.test.ts`, run from the
 * sources by vitest: not compiled, and an edited test does not make dist/ stale for bin/delib.js).
 */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const source = entry.name.endsWith('.ts') && !/\.(d|test)\.ts$/.test(entry.name);
    return source ? [path] : [];
  });
}

/** Relative imports stay imports (not bundled), with `.ts` turned into `.js`. */
const keepLocalImports = {
  name: 'keep-local-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      // JSON (package.json for the version) is inlined: an external import would lose its
      // `with { type: 'json' }`. bin/delib.js also checks package.json against the stamp.
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('delib build-dist : esbuild est absent (dépendance de tsx) ; delib restera exécuté par tsx.');
  process.exit(0);
}

const started = Date.now();
// The preview's page (src/apercu/page/) runs in the browser: bundled below, not for Node.
const pageDir = join(src, 'apercu', 'page');
const allSources = sources(src);
const entryPoints = allSources.filter((f) => !f.startsWith(pageDir + sep));
// Built aside then swapped in, so that a delib running meanwhile never sees a half-written dist/.
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
rmSync(next, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outbase: src,
  outdir: next,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [keepLocalImports],
});
// The séance validator as standalone code (no ajv compile, no TypeBox at start), bundled with
// the few ajv runtime helpers it requires, written beside validate/ajv.js which imports it.
{
  const { createAjv, compileSeance } = await import(
    pathToFileURL(join(next, 'validate/ajv-compile.js')).href
  );
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = createAjv(true);
  await esbuild.build({
    stdin: { contents: standaloneCode(ajv, compileSeance(ajv)), resolveDir: root, loader: 'js' },
    outfile: join(next, 'validate/seance-validator.js'),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
// The general help as text (dist/help.txt): bin/delib.js prints it for `delib --help` without
// loading the CLI, when src/cli/help.ts and the command list are not newer than the build.
{
  const { generalHelp } = await import(pathToFileURL(join(next, 'cli/help.js')).href);
  const { COMMANDS } = await import(pathToFileURL(join(next, 'cli/commands/index.js')).href);
  writeFileSync(join(next, 'help.txt'), generalHelp(COMMANDS));
}
// The CLI bundled (dist/bin/delib.js and its worker, one chunk per command loaded when it runs):
// a cold start then reads a few files instead of ≈ 700. The library (dist/index.js) stays file by
// file. Packages that read their own files (the font packages, HarfBuzz's WebAssembly, hyphen's
// patterns) or that one command only needs stay imports. pdfkit and fontkit are bundled (≈ 0.1 s
// less of module loading on a build), without the code delib never runs: fontkit's WOFF2 decoder
// (brotli, 0.8 MB; delib refuses WOFF2 fonts before rendering) and pdfkit's AES (its tables are
// computed at load; delib never encrypts a PDF). pdfkit finds its own files (ICC profile, standard
// fonts) from where Node resolves the package, as an import would.
const leftOut = {
  'brotli/decompress.js':
    "export default function decompress() { throw new Error('delib : les polices WOFF2 ne sont pas prises en charge.'); }",
  '@noble/ciphers/aes':
    "const refuse = () => { throw new Error('delib : le chiffrement des PDF n’est pas pris en charge.'); };\nexport const cbc = refuse;\nexport const ecb = refuse;",
};
const pdfkitModule = createRequire(import.meta.url)
  .resolve('pdfkit')
  .replace(/pdfkit\.js$/, 'pdfkit.node.mjs');
// Unicode tables that fontkit, unicode-properties and linebreak inflate when loaded, built on first
// use instead: they are only read through `.get(codePoint)`, and a séance in plain Latin text may
// never need them (delib's own shaper and line breaker come first).
const lazyTries = { fontkit: 3, 'unicode-properties': 1, linebreak: 1 };
const lazyTrie =
  'const __delibLazyTrie = (make) => { let trie; return { get: (c) => (trie ??= make()).get(c) }; };\n';
const bundledEngines = {
  name: 'bundled-engines',
  setup(build) {
    build.onResolve({ filter: /^(brotli\/decompress\.js|@noble\/ciphers\/aes)$/ }, (args) => ({
      path: args.path,
      namespace: 'left-out',
    }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: leftOut[args.path],
      loader: 'js',
    }));
    build.onLoad(
      { filter: /[\\/](fontkit|unicode-properties|linebreak)[\\/]dist[\\/]module\.mjs$/ },
      async (args) => {
        const pkg = Object.keys(lazyTries).find((n) => args.path.includes(`${sep}${n}${sep}dist${sep}`));
        const source = await readFile(args.path, 'utf8');
        let count = 0;
        const contents = source.replace(
          /^const (\$\w+\$var\$\w*[tT]rie) = new (\(0, \$\w+\$unicodetrie\)|\$\w+\$unicodetrie)\((.*)\);$/gm,
          (_, name, trie, data) => {
            count++;
            return `const ${name} = __delibLazyTrie(() => new ${trie}(${data}));`;
          },
        );
        // Another version of the package may read its tables otherwise: stop rather than guess.
        if (count !== lazyTries[pkg]) throw new Error(`${args.path} : ${count} tables Unicode trouvées`);
        return { contents: lazyTrie + contents, loader: 'js' };
      },
    );
    build.onLoad({ filter: /pdfkit\.node\.mjs$/ }, async (args) => {
      if (args.path !== pdfkitModule) return undefined;
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', 'import.meta.resolve("pdfkit")'),
        loader: 'js',
      };
    });
  },
};
/** Packages the bundled CLI imports instead of bundling. */
const cliExternal = [
  'harfbuzzjs',
  'harfbuzzjs/*',
  'hyphen',
  'hyphen/*',
  '@expo-google-fonts/*',
  'node-forge',
  'ajv',
  'ajv/*',
  'ajv-formats',
  'tsx',
  'tsx/*',
  // Only `delib apercu` run from a checkout without its built page bundles it (a dev dependency).
  'esbuild',
];
/**
 * Every module keeps the import.meta.url it has in dist/ (paths to templates/, schema/…); `edit`
 * may rewrite a source first (the snapshot's bundle).
 */
const distUrls = (edit = (source) => source) => ({
  name: 'dist-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = edit(await readFile(args.path, 'utf8'), args.path);
      // The entries keep the bundle's own (dist/bin/).
      const entry = ['cli/bundle-entry.ts', 'cli/snapshot-entry.ts'].some((e) => args.path === join(src, e));
      if (entry || !source.includes('import.meta.url')) {
        return { contents: source, loader: 'ts' };
      }
      const own = `../${relative(src, args.path).split(sep).join('/').replace(/\.ts$/, '.js')}`;
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(own)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
    // pdf-lib's ES build, so that the unused parts (forms, drawing) are left out.
    build.onResolve({ filter: /^pdf-lib$/ }, () => ({
      path: createRequire(import.meta.url).resolve('pdf-lib/es/index.js'),
    }));
  },
});
await esbuild.build({
  entryPoints: { delib: join(src, 'cli/bundle-entry.ts'), worker: join(src, 'bundle/worker.ts') },
  outdir: join(next, 'bin'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  external: cliExternal,
  // CommonJS packages inside an ES module bundle still call `require` (for node: modules).
  banner: {
    js: "import { createRequire as __delibCreateRequire } from 'node:module';\nconst require = __delibCreateRequire(import.meta.url);",
  },
  plugins: [bundledEngines, distUrls()],
});
// The same CLI as one CommonJS script, for the V8 start-up snapshot of `delib build` (made on first
// use by bin/snapshot.js: `node --build-snapshot` takes one script that loads no package of its
// own). Its import.meta.url is dist/bin/delib.js's, so paths are the bundle's. Nothing the builder
// runs may load a package from node_modules: hyphen's patterns, fontkit and the standalone validator
// are bundled; the packages left out are loaded at run time through a real `require` (a process
// started from a snapshot has no `import()`), as are those the séance may need later.
{
  const snapshotSource = (source, path) => {
    if (path === join(src, 'validate/ajv.ts')) {
      const edited = source.replace(
        /async function load\(\)[\s\S]*?\nconst compiled = await load\(\);/,
        `import compiled from ${JSON.stringify(join(next, 'validate/seance-validator.js'))};`,
      );
      if (edited === source) throw new Error(`${path} : chargement du validateur introuvable`);
      return edited;
    }
    return source
      .replace("createRequire(import.meta.url)('hyphen/fr')", "require('hyphen/fr')")
      .replace("createRequire(import.meta.url)('fontkit')", "require('fontkit')");
  };
  const outfile = join(next, 'bin/snapshot.cjs');
  const bin = "require('node:path').join(__dirname, 'delib.js')";
  await esbuild.build({
    entryPoints: [join(src, 'cli/snapshot-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: cliExternal.filter((name) => !name.startsWith('hyphen')),
    // The snapshot holds the script's whole text (V8 keeps it for lazy compiling and stack
    // traces): without indentation and comments it is 4.3 MB instead of 6.0.
    minifyWhitespace: true,
    define: { 'import.meta.url': '__delibMetaUrl', 'import.meta.resolve': '__delibResolve' },
    banner: {
      js: [
        `var __delibMetaUrl = require('node:url').pathToFileURL(${bin}).href;`,
        `var __delibRequire = require('node:module').createRequire(${bin});`,
        "var __delibResolve = (name) => require('node:url').pathToFileURL(__delibRequire.resolve(name)).href;",
      ].join('\n'),
    },
    plugins: [bundledEngines, distUrls(snapshotSource)],
  });
  // The packages left out, through a require that finds them (the builder's own finds only node:);
  // not in strings (ajv's code generator writes `require("ajv/dist/runtime/…")` into its output).
  const pattern = new RegExp(
    `(?<!['"\`])\\brequire\\("((?:${cliExternal.map((n) => n.replace('/*', '(?:/[^"]*)?')).join('|')}))"\\)`,
    'g',
  );
  const code = await readFile(outfile, 'utf8');
  writeFileSync(
    outfile,
    code
      .replace(pattern, (_, name) => `__delibRequire(${JSON.stringify(name)})`)
      // A text with one character above U+00FF is held by V8 at two bytes a character: 8.7 MB
      // instead of 4.3 in the snapshot. esbuild leaves a few in regular expressions (’ in
      // `/l[’']/u`); `\uXXXX` means the same there, as in strings, template literals and comments.
      .replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
// The default templates compiled once here (template/env.ts reads them by hash of their text).
{
  const { precompileDefaultTemplates } = await import(pathToFileURL(join(next, 'template/env.js')).href);
  writeFileSync(
    join(next, 'template/precompiled-templates.json'),
    `${JSON.stringify(precompileDefaultTemplates())}\n`,
  );
}
// The default family's DOCX font subset, made once here (HarfBuzz and the docx font package are
// then not loaded at run time for a séance typed on a keyboard): see render/docx/prebuilt-fonts.
{
  const url = (file) => pathToFileURL(join(next, file)).href;
  const { fontPackage } = await import(url('render/docx/embedded-fonts.js'));
  const { DOCX_CHARACTERS } = await import(url('render/docx/font-subset.js'));
  const { defaultFontFiles } = await import(url('render/font-files.js'));
  const { writePrebuiltFontPackage } = await import(url('render/docx/prebuilt-fonts.js'));
  const files = defaultFontFiles();
  writePrebuiltFontPackage(await fontPackage(files, DOCX_CHARACTERS), files, DOCX_CHARACTERS);
}
// The DOCX parts that depend only on the default family (styles, theme, settings, font table),
// formatted once here from a package of nothing (see render/docx/constant-parts).
{
  const url = (file) => pathToFileURL(join(next, file)).href;
  const { renderDocx } = await import(url('render/docx/index.js'));
  const { writePrebuiltConstantParts } = await import(url('render/docx/constant-parts.js'));
  const meta = {
    kind: 'note',
    title: '',
    shortTitle: '',
    subject: '',
    author: '',
    keywords: [],
    language: 'fr-FR',
  };
  const tree = {
    type: 'document',
    meta: { ...meta, date: '2023-03-23' },
    header: { collectivite: '' },
    children: [],
  };
  await renderDocx(tree, { creationDate: new Date(0), embedFonts: false });
  writePrebuiltConstantParts();
}
// The default family's shaping tables, read once here from its GSUB and GPOS tables (the PDF's
// fast shaper then starts without reading them): see render/shaping/prebuilt.
{
  const url = (file) => pathToFileURL(join(next, file)).href;
  const fontkit = await import('fontkit');
  const { defaultFontFiles, fontBytes } = await import(url('render/font-files.js'));
  const { writePrebuiltShapingTables } = await import(url('render/shaping/prebuilt.js'));
  const files = defaultFontFiles();
  const faces = ['regular', 'bold', 'italic', 'boldItalic'].map((face) => {
    const bytes = fontBytes(files, face);
    return { font: fontkit.create(bytes), bytes };
  });
  writePrebuiltShapingTables(faces);
}
// The preview's page: its script with CodeMirror and pdf.js bundled in, its style sheet and
// pdf.js's worker, served by dist/apercu/assets.js from dist/apercu/page/.
{
  const out = join(next, 'apercu', 'page');
  await esbuild.build({
    entryPoints: [join(pageDir, 'app.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    minify: true,
    legalComments: 'none',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  copyFileSync(join(pageDir, 'app.css'), join(out, 'app.css'));
  const worker = createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.min.mjs');
  copyFileSync(worker, join(out, 'pdf.worker.min.mjs'));
}
// The declarations of the library API (TypeScript is a development dependency, as esbuild).
let declarations = 0;
const typescript = await import('typescript').catch(() => undefined);
if (!typescript) {
  console.error('delib build-dist : typescript est absent ; dist/ est écrit sans déclarations .d.ts.');
} else {
  try {
    declarations = (await emitDeclarations(root, next)).length;
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    console.error(`delib build-dist : déclarations .d.ts impossibles à écrire :\n${error?.message ?? error}`);
    process.exit(1);
  }
}
// The stamp carries the time the build started: a source saved during the build is newer. It
// lists every source, the page's too (bin/delib.js compares it with the files under src/).
const stamp = join(next, '.stamp');
writeFileSync(
  stamp,
  `${JSON.stringify({ files: allSources.map((f) => relative(src, f).split(sep).join('/')).sort() })}\n`,
);
utimesSync(stamp, started / 1000, started / 1000);
try {
  renameSync(dist, old);
} catch {
  // no previous dist/
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
console.error(
  `delib : ${entryPoints.length} fichiers compilés et ${declarations} déclarations écrites dans dist/ en ${Date.now() - started} ms.`,
);
