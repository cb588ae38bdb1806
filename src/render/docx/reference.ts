/**
 * `--reference-docx`: the styles (and page setup) of a collectivité's own Word document replace
 * ours, as pandoc's `--reference-doc` does.
 *
 * Styles are matched by name (Word writes built-in names in English but localised ids, e.g.
 * « heading 1 » with id `Titre1` in a French Word). A matched reference style keeps
 * its formatting and takes our id, so the document's paragraphs follow the reference; our styles
 * the reference lacks are added; the reference's theme (fonts, colours) comes along. The default
 * language stays fr-FR, and numbering inside reference styles is dropped (our numbering part does
 * not hold its lists).
 *
 * @example
 * applyReference(ourDocx, await readFile('charte.docx'))
 */
import { REFERENCE_LIMITS, ReferenceDocxError, readReferenceParts } from './reference-parts.ts';
import { type Parts, readParts, setText, text, writeParts } from './zip.ts';

export interface StyleElement {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly xml: string;
}

/** Where the next `<w:style` element (not `<w:styles>`) starts at or after `from`, or -1. */
function nextStyleStart(xml: string, from: number): number {
  let at = xml.indexOf('<w:style', from);
  while (at >= 0 && !/[\s/>]/.test(xml[at + 8] ?? '')) at = xml.indexOf('<w:style', at + 8);
  return at;
}

/** The `<w:style>` elements of a styles.xml, in one pass (no backtracking regular expression). */
export function parseStyles(xml: string): StyleElement[] {
  const out: StyleElement[] = [];
  let at = nextStyleStart(xml, 0);
  while (at >= 0) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) throw new ReferenceDocxError('styles.xml : élément <w:style> inachevé');
    let end = tagEnd + 1;
    if (xml[tagEnd - 1] !== '/') {
      const close = xml.indexOf('</w:style>', tagEnd);
      const next = nextStyleStart(xml, tagEnd);
      if (close < 0 || (next >= 0 && next < close)) {
        throw new ReferenceDocxError('styles.xml : élément <w:style> non fermé');
      }
      end = close + '</w:style>'.length;
    }
    const element = xml.slice(at, end);
    const startTag = xml.slice(at, tagEnd + 1);
    out.push({
      xml: element,
      id: /w:styleId="([^"]*)"/.exec(startTag)?.[1] ?? '',
      type: /w:type="([^"]*)"/.exec(startTag)?.[1] ?? 'paragraph',
      name: (/<w:name w:val="([^"]*)"/.exec(element)?.[1] ?? '').toLowerCase(),
    });
    if (out.length > REFERENCE_LIMITS.styles) {
      throw new ReferenceDocxError(`styles.xml : plus de ${REFERENCE_LIMITS.styles} styles`);
    }
    at = nextStyleStart(xml, end);
  }
  return out;
}

/** `xml` without its `<w:numPr>…</w:numPr>` elements, in one pass. */
function withoutNumbering(xml: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<w:numPr>', at);
    const end = start < 0 ? -1 : xml.indexOf('</w:numPr>', start);
    if (end < 0) return out + xml.slice(at);
    out += xml.slice(at, start);
    at = end + '</w:numPr>'.length;
  }
}

/** Points `w:basedOn`, `w:next` and `w:link` at the renamed ids. */
function renameLinks(xml: string, renames: ReadonlyMap<string, string>): string {
  return xml.replace(
    /(<w:(?:basedOn|next|link) w:val=")([^"]*)(")/g,
    (m, a: string, id: string, b: string) => (renames.has(id) ? `${a}${renames.get(id)}${b}` : m),
  );
}

/** Our styles.xml merged into the reference's: see the module comment. */
export function mergeStyles(ours: string, reference: string): string {
  const ourStyles = parseStyles(ours);
  const refStyles = parseStyles(reference);
  const renames = new Map<string, string>();
  const matched = new Map<StyleElement, string>();
  const added: StyleElement[] = [];
  for (const style of ourStyles) {
    // By name only: an id says little across languages, and a clerk's unrelated style may share one.
    const match = refStyles.find(
      (r) => !matched.has(r) && r.type === style.type && r.name !== '' && r.name === style.name,
    );
    if (match === undefined) {
      added.push(style);
      continue;
    }
    matched.set(match, style.id);
    renames.set(match.id, style.id);
  }
  // A reference style that is not ours but holds one of our ids gets out of the way.
  const ourIds = new Set(ourStyles.map((s) => s.id));
  const kept = refStyles.map((r) => {
    const id = matched.get(r) ?? (ourIds.has(r.id) ? `${r.id}Reference` : r.id);
    return withoutNumbering(renameLinks(r.xml.replace(/w:styleId="[^"]*"/, `w:styleId="${id}"`), renames));
  });
  const start = nextStyleStart(reference, 0);
  const end = reference.lastIndexOf('</w:styles>');
  const head = start === -1 ? reference.slice(0, end) : reference.slice(0, start);
  const body = [...kept, ...added.map((s) => s.xml)].join('');
  return forceFrench(`${head}${body}</w:styles>`);
}

/** The document default run language is fr-FR whatever the reference says. */
function forceFrench(styles: string): string {
  const lang = '<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/>';
  const withDefaults = /<w:docDefaults\b/.test(styles)
    ? styles
    : styles.replace(
        /(<w:styles\b[^>]*>)/,
        '$1<w:docDefaults><w:rPrDefault><w:rPr></w:rPr></w:rPrDefault></w:docDefaults>',
      );
  return withDefaults.replace(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/, (_m, inner: string) => {
    const rPr = /<w:rPr\s*\/>/.test(inner) ? '<w:rPr></w:rPr>' : inner;
    const fixed = /<w:lang\b[^>]*\/>/.test(rPr)
      ? rPr.replace(/<w:lang\b[^>]*\/>/, lang)
      : rPr.includes('<w:rPr>')
        ? rPr.replace('</w:rPr>', `${lang}</w:rPr>`)
        : `<w:rPr>${lang}</w:rPr>`;
    return `<w:rPrDefault>${fixed}</w:rPrDefault>`;
  });
}

/** Page size and margins of the reference's last section replace ours. */
function mergePageSetup(parts: Parts, reference: Parts): void {
  const ours = text(parts, 'word/document.xml');
  const theirs = text(reference, 'word/document.xml');
  if (ours === undefined || theirs === undefined) return;
  const lastSection = theirs.slice(theirs.lastIndexOf('<w:sectPr'));
  let merged = ours;
  for (const tag of ['pgSz', 'pgMar']) {
    const element = new RegExp(`<w:${tag}\\b[^>]*/>`).exec(lastSection)?.[0];
    if (element === undefined) continue;
    const lastOurs = merged.lastIndexOf('<w:sectPr');
    merged =
      merged.slice(0, lastOurs) + merged.slice(lastOurs).replace(new RegExp(`<w:${tag}\\b[^>]*/>`), element);
  }
  setText(parts, 'word/document.xml', merged);
}

/** Our DOCX with the reference's styles, theme and page setup. The result is zipped again. */
export function applyReference(bytes: Uint8Array, referenceDocx: Uint8Array): Uint8Array {
  const parts = readParts(bytes);
  applyReferenceToParts(parts, referenceDocx);
  return writeParts(parts, new Date(Date.UTC(1980, 0, 1)));
}

/** The same, on the parts of a package (changed in place). */
export function applyReferenceToParts(parts: Parts, referenceDocx: Uint8Array): void {
  const reference = readReferenceParts(referenceDocx);
  const refStyles = text(reference, 'word/styles.xml');
  const ourStyles = text(parts, 'word/styles.xml');
  if (refStyles !== undefined && ourStyles !== undefined) {
    setText(parts, 'word/styles.xml', mergeStyles(ourStyles, refStyles));
  }
  const theme = reference.get('word/theme/theme1.xml');
  if (theme !== undefined && parts.has('word/theme/theme1.xml')) parts.set('word/theme/theme1.xml', theme);
  mergePageSetup(parts, reference);
}
