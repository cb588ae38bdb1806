/**
 * What changed in a PDF after a signed revision: every object the later cross-reference sections
 * point elsewhere, classified as a further signature (a signature field that gets its `/V` and
 * appearance, the form's `/SigFlags`) or as a modification, described in French (« contenu de la
 * page 1 (objet 12) remplacé »). Also where those sections and objects sit: a section or an object
 * read from the unsigned part of a signature (its `/Contents` hole) or from inside the signed
 * revision is a rewrite of signed content (signature wrapping, shadow attacks).
 *
 * @example
 * const diff = changesAfter(readPdfStructure(bytes.subarray(0, end)), readPdfStructure(bytes), holes);
 * diff.modifications // ['contenu de la page 1 (objet 12) remplacé']
 */
import type { PdfStructure } from './pdf-file.ts';
import { decodeText, get, type PdfDict, PdfRef, type PdfValue, serialize } from './pdf-syntax.ts';

export interface RevisionChanges {
  /** Labels of the signature fields signed later (« Philippe Laurent – Maire »). */
  readonly signatures: readonly string[];
  /** Everything else that changed, in French. */
  readonly modifications: readonly string[];
}

/** A byte interval [from, to) left out of a signature. */
export interface Hole {
  readonly from: number;
  readonly to: number;
}

const MAX_PAGES = 100_000;

/** Page number (1-based) of each page object, and the page each content stream belongs to. */
function pageIndex(pdf: PdfStructure): { pages: Map<number, number>; contents: Map<number, number> } {
  const pages = new Map<number, number>();
  const contents = new Map<number, number>();
  const seen = new Set<number>();
  const catalog = pdf.object(pdf.root.num);
  const visit = (value: PdfValue | undefined, depth: number) => {
    if (!(value instanceof PdfRef) || depth > 32 || seen.has(value.num) || seen.size > MAX_PAGES) return;
    seen.add(value.num);
    const node = pdf.object(value.num);
    if (!(node instanceof Map)) return;
    const kids = get.array(node, 'Kids');
    if (get.name(node, 'Type') === 'Pages' || kids) {
      for (const kid of kids ?? []) visit(kid, depth + 1);
      return;
    }
    const page = pages.size + 1;
    pages.set(value.num, page);
    const content = node.get('Contents');
    for (const ref of Array.isArray(content) ? content : [content])
      if (ref instanceof PdfRef) contents.set(ref.num, page);
  };
  if (catalog instanceof Map) visit(catalog.get('Pages'), 0);
  return { pages, contents };
}

/** « page 2 (objet 14) », « catalogue (objet 1) », « objet 40 ». */
function describe(
  num: number,
  old: PdfValue | undefined,
  prev: PdfStructure,
  index: ReturnType<typeof pageIndex>,
) {
  const page = index.pages.get(num);
  if (page) return `page ${page} (objet ${num})`;
  const content = index.contents.get(num);
  if (content) return `contenu de la page ${content} (objet ${num})`;
  if (num === prev.root.num) return `catalogue du document (objet ${num})`;
  const type = old instanceof Map ? get.name(old, 'Type') : undefined;
  const names: Record<string, string> = {
    Pages: 'arbre des pages',
    Annot: 'annotation',
    Font: 'police',
    XObject: 'image ou formulaire',
    Metadata: 'métadonnées XMP',
    Sig: 'signature',
  };
  const info = prev.trailer.get('Info');
  if (info instanceof PdfRef && info.num === num) return `métadonnées du document (objet ${num})`;
  return type && names[type] ? `${names[type]} (objet ${num})` : `objet ${num}`;
}

/** The two dictionaries are equal but for the given keys. */
function sameExcept(a: PdfDict, b: PdfDict, keys: readonly string[]): boolean {
  const strip = (d: PdfDict) => new Map([...d].filter(([k]) => !keys.includes(k)));
  return serialize(strip(a)) === serialize(strip(b));
}

/** A signature field that was empty and now holds a signature (and an appearance), nothing else. */
function isNewSignature(old: PdfValue | undefined, now: PdfValue | undefined, cur: PdfStructure): boolean {
  if (!(old instanceof Map) || !(now instanceof Map)) return false;
  if (get.name(old, 'FT') !== 'Sig' || old.has('V')) return false;
  const sig = cur.resolve(now.get('V'));
  return sig instanceof Map && get.name(sig, 'Type') !== 'DocTimeStamp' && sameExcept(old, now, ['V', 'AP']);
}

/** The form dictionary, changed only in its /SigFlags. */
function isSigFlags(old: PdfValue | undefined, now: PdfValue | undefined): boolean {
  return old instanceof Map && now instanceof Map && sameExcept(old, now, ['SigFlags']);
}

/** The catalogue, changed only in its inline form's /SigFlags. */
function isCatalogSigFlags(old: PdfValue | undefined, now: PdfValue | undefined): boolean {
  if (!(old instanceof Map) || !(now instanceof Map) || !sameExcept(old, now, ['AcroForm'])) return false;
  const a = old.get('AcroForm');
  const b = now.get('AcroForm');
  return a instanceof Map && b instanceof Map && isSigFlags(a, b);
}

/**
 * Object `num` is where it was in the signed revision: the same offset, or the same place in the
 * same object stream, itself unmoved (an object stream written again is a change of its objects).
 */
function sameEntry(num: number, prev: PdfStructure, cur: PdfStructure): boolean {
  const a = prev.entries.get(num);
  const b = cur.entries.get(num);
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'free') return true;
  if (a.kind === 'offset') return b.kind === 'offset' && a.offset === b.offset;
  return (
    b.kind === 'compressed' &&
    a.stream === b.stream &&
    a.index === b.index &&
    prev.position(num) === cur.position(num)
  );
}

const inHole = (offset: number, holes: readonly Hole[]) =>
  holes.some((h) => offset >= h.from && offset < h.to);

/**
 * Compares the file as it was when signed (`prev`, read from the bytes up to the end of the signed
 * revision) with the whole file (`cur`). Throws PdfSyntaxError when an object cannot be read.
 *
 * @example
 * changesAfter(prev, cur, [{ from: 900, to: 17_286 }]).signatures // ['Philippe Laurent – Maire']
 */
export function changesAfter(prev: PdfStructure, cur: PdfStructure, holes: readonly Hole[]): RevisionChanges {
  const end = prev.bytes.length;
  const signatures: string[] = [];
  const modifications: string[] = [];
  const signedAt = cur.sections.findIndex((s) => s.offset === prev.startxref);
  if (signedAt < 0) modifications.push('les références croisées ne passent plus par la révision signée');
  for (const section of cur.sections.slice(0, Math.max(signedAt, 0))) {
    if (section.offset < end || inHole(section.offset, holes)) {
      modifications.push(
        `section de références croisées insérée dans une partie ${inHole(section.offset, holes) ? 'non signée' : 'déjà signée'} du fichier (octet ${section.offset})`,
      );
    }
  }
  if (cur.root.num !== prev.root.num)
    modifications.push(`catalogue du document remplacé (objet ${cur.root.num})`);
  if (cur.trailer.has('Encrypt') && !prev.trailer.has('Encrypt')) modifications.push('chiffrement ajouté');
  const info = (s: PdfStructure) => serialize(s.trailer.get('Info') ?? null);
  if (info(cur) !== info(prev)) modifications.push('métadonnées du document (/Info) remplacées');
  let index: ReturnType<typeof pageIndex> | undefined;
  const form = get.ref(prev.object(prev.root.num) as PdfDict | undefined, 'AcroForm');
  for (const [num, entry] of cur.entries) {
    const before = prev.entries.get(num);
    if (sameEntry(num, prev, cur)) continue;
    const isNew = before === undefined || before.kind === 'free';
    const offset = cur.position(num);
    if (offset !== undefined && (offset < end || inHole(offset, holes))) {
      index ??= pageIndex(prev);
      const where = `dans une partie ${inHole(offset, holes) ? 'non signée' : 'déjà signée'} du fichier (octet ${offset})`;
      modifications.push(
        isNew
          ? `objet ${num} ajouté ${where}`
          : `${describe(num, prev.object(num), prev, index)} remplacé par un objet lu ${where}`,
      );
      continue;
    }
    if (isNew) continue; // a new object matters only through a changed one, checked here
    const old = prev.object(num);
    if (entry.kind === 'free') {
      index ??= pageIndex(prev);
      modifications.push(`${describe(num, old, prev, index)} supprimé`);
      continue;
    }
    const now = cur.object(num);
    if (isNewSignature(old, now, cur)) {
      signatures.push(
        decodeText((now as PdfDict).get('TU')) ?? decodeText((now as PdfDict).get('T')) ?? `champ ${num}`,
      );
      continue;
    }
    if (num === form?.num && isSigFlags(old, now)) continue;
    if (num === prev.root.num && isCatalogSigFlags(old, now)) continue;
    index ??= pageIndex(prev);
    modifications.push(`${describe(num, old, prev, index)} remplacé`);
  }
  return { signatures, modifications };
}
