/**
 * Font subsets for DOCX embedding, made with HarfBuzz's own subsetter (hb-subset, the WebAssembly
 * build shipped by harfbuzzjs). Unlike fontkit's subsetter, hb-subset keeps the tables Word and
 * LibreOffice need to install an embedded font (cmap, name, OS/2, post, hmtx) and the kerning.
 *
 * @example
 * const small = await subsetFont(ttfBytes, [...DOCX_CHARACTERS, 0x159]);
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * What a French clerk types, whatever the document says today: Latin-1 (every letter of French
 * with its accents, « », €… on an AZERTY keyboard) and the punctuation of French typography
 * (’ “ ” – — … the narrow no-break space, œ Œ Ÿ, ‰, №, ™, −).
 */
export const DOCX_CHARACTERS: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  0x152,
  0x153,
  0x178,
  0x2c6,
  0x2dc,
  ...range(0x2010, 0x2027),
  0x202f,
  0x2030,
  0x2032,
  0x2033,
  0x2039,
  0x203a,
  0x2044,
  0x2060,
  0x20ac,
  0x2116,
  0x2122,
  0x2212,
];

/** Layout features kept: kerning, standard ligatures, accents placed on letters. */
const FEATURES = ['kern', 'liga', 'ccmp', 'locl', 'mark', 'mkmk', 'calt'];

/** The C functions of hb-subset used here (pointers and handles are numbers into its memory). */
interface HbSubset {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?(): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** The WebAssembly global (not in the typings of the Node lib this project compiles against). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let instance: Promise<HbSubset> | undefined;

function hbSubset(): Promise<HbSubset> {
  instance ??= (async () => {
    const bytes = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance: wasm } = await wasmApi.instantiate(bytes, {});
    const exports = wasm.exports as unknown as HbSubset;
    exports._initialize?.();
    return exports;
  })();
  return instance;
}

function tag(name: string): number {
  return [...name].reduce((value, c) => ((value << 8) | c.charCodeAt(0)) >>> 0, 0);
}

/**
 * The font restricted to the glyphs of `characters` (those it has), or undefined when HarfBuzz
 * cannot subset it (the caller then embeds the whole font).
 */
export async function subsetFont(
  font: Uint8Array,
  characters: Iterable<number>,
): Promise<Uint8Array | undefined> {
  const hb = await hbSubset();
  const pointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, pointer);
  const blob = hb.hb_blob_create(pointer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) return undefined;
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of characters) hb.hb_set_add(unicodes, c);
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const feature of FEATURES) hb.hb_set_add(features, tag(feature));
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) return undefined;
    const result = hb.hb_face_reference_blob(subset);
    const data = hb.hb_blob_get_data(result, 0);
    const out = new Uint8Array(hb.memory.buffer, data, hb.hb_blob_get_length(result)).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return out.byteLength > 0 ? out : undefined;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(pointer);
  }
}
