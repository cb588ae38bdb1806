/**
 * pdf.js for the tests, imported here and nowhere else (biome.json forbids the direct import).
 *
 * pdfjs-dist's legacy build (the one meant for Node) carries core-js polyfills that replace
 * built-ins when the running V8 lacks a detail of the newest standard. On Node 20 they replace
 * `Array.prototype.push` and `JSON.parse` with JavaScript versions for the whole process: every
 * `push` of delib's renderers then ran through core-js, ≈ 7 % of the unit suite's CPU (profiled
 * on 3 December 2026: core-js' `push`, `setArrayLength` and `length` writes, 17 of 231 s). The
 * built-ins are put back once pdf.js and its worker (which pdf.js would otherwise import on the
 * first `getDocument`, polyfilling again) are loaded; what pdf.js adds (Promise.withResolvers,
 * Uint8Array.prototype.toHex…) stays. What the polyfills change is an edge case neither pdf.js
 * nor the tests reach (`push` past 2³² − 1 elements, JSON.parse's source-text reviver argument).
 *
 * @example
 * import { getDocument } from './support/pdfjs.ts';
 */
const kept = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
] as const;
const natives = kept.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key));

// biome-ignore lint/style/noRestrictedImports: the one import the rule sends every other file to.
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Sets globalThis.pdfjsWorker, which pdf.js's in-thread ("fake") worker uses instead of importing it.
// @ts-expect-error: pdfjs-dist ships no types for its worker module.
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

kept.forEach(([owner, key], i) => {
  const native = natives[i];
  if (native) Object.defineProperty(owner, key, native);
});

export const { getDocument, OPS } = pdfjs;
