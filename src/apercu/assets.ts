/**
 * The page's files: its script (CodeMirror and pdf.js bundled in), its style sheet and pdf.js's
 * worker. An installed delib serves the ones `npm run build` wrote beside this module
 * (dist/apercu/page/); a checkout running its sources bundles the script once at start with
 * esbuild (a development dependency) and takes the worker from node_modules.
 *
 * @example
 * const assets = await pageAssets();
 * assets.get('app.js') // { type: 'text/javascript; charset=utf-8', bytes }
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly type: string;
  readonly bytes: Uint8Array;
}

const JS = 'text/javascript; charset=utf-8';
const PAGE = new URL('./page/', import.meta.url);

async function built(name: string): Promise<Uint8Array | undefined> {
  return readFile(new URL(name, PAGE)).catch(() => undefined);
}

/** The page's script, bundled now from its sources (a checkout without dist/). */
async function bundleScript(): Promise<Uint8Array> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('app.ts', PAGE))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no page script');
  return file.contents;
}

let cached: Promise<ReadonlyMap<string, Asset>> | undefined;

/** Every file of the page, by the name it is served under; loaded once per process. */
export function pageAssets(): Promise<ReadonlyMap<string, Asset>> {
  cached ??= (async () => {
    const script = (await built('app.js')) ?? (await bundleScript());
    const worker =
      (await built('pdf.worker.min.mjs')) ??
      (await readFile(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.min.mjs')));
    const style = await readFile(new URL('app.css', PAGE));
    return new Map<string, Asset>([
      ['app.js', { type: JS, bytes: script }],
      ['pdf.worker.min.mjs', { type: JS, bytes: worker }],
      ['app.css', { type: 'text/css; charset=utf-8', bytes: style }],
    ]);
  })();
  return cached;
}
