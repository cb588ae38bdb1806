/**
 * Reading a DOCX back in tests: unzip with fflate and read the WordprocessingML parts with small,
 * strict regular expressions (the parts docx writes have no comments, CDATA or DTD).
 *
 * @example
 * const docx = readDocx(bytes);
 * docx.paragraphs.map((p) => p.style) // ['TitreDuDocument', 'SousTitre', …]
 */
import { strFromU8, unzipSync } from 'fflate';
import { type CounterFormat, counterText } from '../../src/render/theme.ts';

export interface DocxParagraph {
  /** Text with tabs as `\t` and line breaks as `\n`. */
  readonly text: string;
  /** The paragraph style id (`w:pStyle`), or '' for Normal. */
  readonly style: string;
  /** Character style ids of its runs. */
  readonly runStyles: readonly string[];
  readonly xml: string;
}

export interface DocxStyle {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly xml: string;
}

export interface ReadDocx {
  readonly entries: readonly string[];
  readonly parts: ReadonlyMap<string, string>;
  readonly document: string;
  readonly paragraphs: readonly DocxParagraph[];
  readonly styles: readonly DocxStyle[];
  readonly footers: readonly string[];
  readonly headers: readonly string[];
  readonly core: string;
  readonly settings: string;
}

export function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
    }
  });
}

/** The text of a run container: w:t, w:tab, w:br, w:noBreakHyphen; w:softHyphen and field codes add nothing. */
export function xmlText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(
    /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:noBreakHyphen\/>/g,
  )) {
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else if (m[0] === '<w:tab/>') out += '\t';
    else if (m[0] === '<w:noBreakHyphen/>') out += '-';
    else out += '\n';
  }
  return out;
}

/** The paragraphs of a part, in document order (table cells row by row). */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    return {
      xml: m[0],
      text: xmlText(inner.replace(/<w:tabs>[\s\S]*?<\/w:tabs>/g, '')),
      style: /<w:pStyle w:val="([^"]*)"/.exec(inner)?.[1] ?? '',
      runStyles: [...inner.matchAll(/<w:rStyle w:val="([^"]*)"/g)].map((r) => r[1]!),
    };
  });
}

function stylesOf(xml: string): DocxStyle[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => ({
    xml: m[0],
    id: /w:styleId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /w:type="([^"]*)"/.exec(m[0])?.[1] ?? '',
    name: decodeXml(/<w:name w:val="([^"]*)"/.exec(m[0])?.[1] ?? ''),
  }));
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const raw = unzipSync(bytes);
  const parts = new Map(
    Object.entries(raw)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, data]) => [name, strFromU8(data)] as const),
  );
  const get = (name: string) => parts.get(name) ?? '';
  const document = get('word/document.xml');
  const body = document.slice(document.indexOf('<w:body>'));
  return {
    entries: Object.keys(raw),
    parts,
    document,
    paragraphs: paragraphsOf(body),
    styles: stylesOf(get('word/styles.xml')),
    footers: [...parts.keys()]
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .sort()
      .map(get),
    headers: [...parts.keys()]
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .sort()
      .map(get),
    core: get('docProps/core.xml'),
    settings: get('word/settings.xml'),
  };
}

/** The body text: one line per paragraph. */
export function docxText(docx: ReadDocx): string {
  return docx.paragraphs.map((p) => p.text).join('\n');
}

/** Field instructions (PAGE, NUMPAGES…) of a part, simple and complex fields alike. */
export function fieldsOf(xml: string): string[] {
  const complex = [...xml.matchAll(/<w:instrText(?:\s[^>]*)?>([^<]*)<\/w:instrText>/g)].map((m) =>
    decodeXml(m[1]!).trim(),
  );
  const simple = [...xml.matchAll(/<w:fldSimple\b[^>]*w:instr="([^"]*)"/g)].map((m) =>
    decodeXml(m[1]!).trim(),
  );
  return [...complex, ...simple].map((f) => f.split(/\s+/)[0]!);
}

// XML 1.0 Char production, plus well-formed references.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Problems that make a part ill-formed XML: characters outside XML 1.0's Char, bad references,
 * unbalanced tags. Returns [] for a well-formed part.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) problems.push(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} at ${bad.index}`);
  const badRef = /&(?!(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);)/.exec(xml);
  if (badRef) problems.push(`bad reference at ${badRef.index}`);
  for (const ref of xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)) {
    const cp = ref[1]!.startsWith('x') ? Number.parseInt(ref[1]!.slice(1), 16) : Number(ref[1]);
    if (NOT_XML_CHAR.test(String.fromCodePoint(cp))) problems.push(`reference to U+${cp.toString(16)}`);
  }
  const stack: string[] = [];
  for (const tag of xml.replace(/<\?[\s\S]*?\?>/g, '').matchAll(/<(\/?)([^\s/>]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = tag;
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${tag.index}`);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.at(-1)}>`);
  return problems;
}

const FORMATS: Record<string, CounterFormat> = {
  decimal: 'decimal',
  lowerLetter: 'lowerLetter',
  upperLetter: 'upperLetter',
  lowerRoman: 'lowerRoman',
  upperRoman: 'upperRoman',
};

/** Each numbered paragraph's label as Word computes it from numbering.xml, in document order. */
export function wordLabels(documentXml: string, numberingXml: string): string[] {
  const abstractOf = new Map(
    [...numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const levelOf = (abstractId: string, ilvl: string) => {
    const abs = new RegExp(
      `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`,
    ).exec(numberingXml)?.[1];
    const lvl = new RegExp(`<w:lvl w:ilvl="${ilvl}"[^>]*>([\\s\\S]*?)</w:lvl>`).exec(abs ?? '')?.[1] ?? '';
    return {
      start: Number(/<w:start w:val="(\d+)"/.exec(lvl)?.[1] ?? '1'),
      format: /<w:numFmt w:val="([^"]+)"/.exec(lvl)?.[1] ?? '',
      text: /<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? '',
    };
  };
  const counters = new Map<string, number>();
  const labels: string[] = [];
  for (const p of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const numId = /<w:numId w:val="(\d+)"/.exec(p[0])?.[1];
    const ilvl = /<w:ilvl w:val="(\d+)"/.exec(p[0])?.[1] ?? '0';
    if (!numId) continue;
    const level = levelOf(abstractOf.get(numId) ?? '', ilvl);
    const key = `${numId}/${ilvl}`;
    const n = counters.has(key) ? (counters.get(key) as number) + 1 : level.start;
    counters.set(key, n);
    const format = FORMATS[level.format];
    labels.push(format ? level.text.replace(/%\d/, counterText(n, format)) : level.text);
  }
  return labels;
}
