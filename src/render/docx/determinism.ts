/**
 * Post-pass that makes a docx package byte-reproducible. The docx library writes the clock into
 * docProps/core.xml and the zip entries, random relationship ids for hyperlinks and images, and
 * random keys for obfuscated embedded fonts; this pass pins dates, renumbers relationship ids in
 * order, re-keys fonts from their content, and re-zips in a fixed order with a fixed time.
 *
 * @example
 * makeReproducible(await Packer.toBuffer(doc), new Date('2023-03-23T00:00:00Z'))
 */
import { createHash } from 'node:crypto';
import { type Parts, readParts, setText, text, writeParts } from './zip.ts';

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function pinCoreDates(parts: Parts, date: Date): void {
  const core = text(parts, 'docProps/core.xml');
  if (core === undefined) return;
  setText(
    parts,
    'docProps/core.xml',
    core.replace(
      /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_m, open: string, _tag: string, close: string) => `${open}${w3cdtf(date)}${close}`,
    ),
  );
}

/** The part a relationships file belongs to: word/_rels/document.xml.rels → word/document.xml. */
function ownerOf(rels: string): string {
  return rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

function renumberRelationships(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    const rels = text(parts, name)!;
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]!);
    const taken = new Set(ids.filter((id) => /^rId\d+$/.test(id)));
    const renames = new Map<string, string>();
    let next = 1;
    for (const id of ids) {
      if (/^rId\d+$/.test(id)) continue;
      while (taken.has(`rId${next}`)) next++;
      const fresh = `rId${next}`;
      taken.add(fresh);
      renames.set(id, fresh);
    }
    if (renames.size === 0) continue;
    const rename = (xml: string) =>
      xml.replace(/"([^"]+)"/g, (m, v: string) => (renames.has(v) ? `"${renames.get(v)}"` : m));
    setText(parts, name, rename(rels));
    const owner = ownerOf(name);
    const ownerXml = text(parts, owner);
    if (ownerXml !== undefined) setText(parts, owner, rename(ownerXml));
  }
}

/** The 16 bytes of a font key (a GUID), in the order ECMA-376 XORs them with the font's head. */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/[{}-]/g, '');
  return (hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)).reverse();
}

/** The font with its first 32 bytes XORed with the key's (ECMA-376 Part 2, 11.1: obfuscation). */
function xorHead(data: Uint8Array, key: readonly number[]): Uint8Array {
  const out = data.slice();
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = (out[i] ?? 0) ^ (key[i % key.length] ?? 0);
  return out;
}

function guidFrom(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/**
 * A font obfuscated for a package (word/fonts/*.odttf) with the key derived from its own bytes,
 * the same as rekeyFonts gives whatever key the font was obfuscated with first.
 */
export function obfuscatedFont(plain: Uint8Array): { readonly key: string; readonly data: Uint8Array } {
  const key = guidFrom(plain);
  return { key, data: xorHead(plain, keyBytes(key)) };
}

/** Re-keys every embedded font with a key derived from the font itself. */
function rekeyFonts(parts: Parts): void {
  const table = text(parts, 'word/fontTable.xml');
  const rels = text(parts, 'word/_rels/fontTable.xml.rels');
  if (table === undefined || rels === undefined) return;
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[0])?.[1],
      /\bTarget="([^"]+)"/.exec(m[0])?.[1],
    ]),
  );
  const fixed = table.replace(/<w:embed(\w+)\b([^>]*)\/>/g, (element, _face: string, attrs: string) => {
    const id = /r:id="([^"]+)"/.exec(attrs)?.[1];
    const oldKey = /w:fontKey="([^"]+)"/.exec(attrs)?.[1];
    const target = targets.get(id);
    const part =
      target === undefined ? undefined : `word/${target.replace(/^\//, '').replace(/^word\//, '')}`;
    const data = part === undefined ? undefined : parts.get(part);
    if (oldKey === undefined || part === undefined || data === undefined) return element;
    const { key: newKey, data: obfuscated } = obfuscatedFont(xorHead(data, keyBytes(oldKey)));
    parts.set(part, obfuscated);
    return element.replace(oldKey, newKey);
  });
  setText(parts, 'word/fontTable.xml', fixed);
}

/** The parts of a package with pinned dates, ordered ids and content-derived font keys (in place). */
export function makePartsReproducible(parts: Parts, creationDate: Date): Parts {
  pinCoreDates(parts, creationDate);
  renumberRelationships(parts);
  rekeyFonts(parts);
  return parts;
}

/** The same package with pinned dates, ordered ids, content-derived font keys and a fixed zip layout. */
export function makeReproducible(bytes: Uint8Array, creationDate: Date): Uint8Array {
  return writeParts(makePartsReproducible(readParts(bytes), creationDate), creationDate);
}
