/**
 * Entry of the bundled CLI (dist/bin/delib.js, made by bin/build-dist.js; bin/delib.js runs it):
 * `main` with the worker bundled beside it. The bundler gives every other module the
 * `import.meta.url` it has in dist/, so their paths to templates/, schema/… stay as they are; this
 * one alone keeps the bundle's own.
 */
import { setWorkerEntry } from '../bundle/worker-entry.ts';

setWorkerEntry(new URL('./worker.js', import.meta.url));

export { main } from './main.ts';
