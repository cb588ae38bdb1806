/**
 * Soft hyphens (U+00AD) at the French hyphenation points of the words of justified text, for
 * renderers that break lines there (pdfkit draws « - » at a line end; Word does the same).
 *
 * Touched: paragraphs whose role is justified (body, subject, visa, recital, article), every
 * paragraph of a list item, and table cells (narrow columns need breaks most). Left whole: words
 * shorter than `minWordLength` letters, words with a capital letter (proper names such as
 * « Villeneuve », acronyms such as « CGCT », « DÉLIBÈRE »), words inside « guillemets », words touching a digit, URLs, e-mail addresses, domain names
 * and paths, and words that already hold a soft hyphen. Removing U+00AD gives back the input.
 *
 * @example
 * frenchHyphenation(doc) // 'délibération' → 'dé\u00ADli\u00ADbé\u00ADra\u00ADtion'
 */
import type { DocumentTree, Inline, ParagraphRole } from '../types.ts';
import { hyphenationPoints as frenchPoints } from './french-hyphenator.ts';
import { applyEdits, type Edit, flattenRun, rebuildRun, runText } from './inline-run.ts';
import type { InlinePlace } from './map-inlines.ts';
import { mapInlines } from './map-inlines.ts';
import { protectedMask } from './typography-rules.ts';

export interface HyphenationOptions {
  /** Paragraph roles to hyphenate (default: the justified ones). */
  readonly roles?: readonly ParagraphRole[];
  /** Hyphenate table cells (default true). */
  readonly tableCells?: boolean;
  /** Shortest word hyphenated, in letters (default 6). */
  readonly minWordLength?: number;
}

/** The paragraph roles the theme justifies. */
export const JUSTIFIED_ROLES: readonly ParagraphRole[] = ['body', 'subject', 'visa', 'recital', 'article'];

const SOFT_HYPHEN = '\u00AD';

/** A whitespace-separated chunk that is a URL, an address, a domain name or a path. */
const MACHINE_CHUNK = /:\/\/|^(?:mailto|www\.)|[\p{L}\p{N}][./@_=\\#][\p{L}\p{N}]/iu;

function wantsHyphens(place: InlinePlace, roles: ReadonlySet<ParagraphRole>, tableCells: boolean): boolean {
  switch (place.kind) {
    case 'paragraph':
      return place.inListItem || roles.has(place.role);
    case 'tableCell':
      return tableCells;
    default:
      return false;
  }
}

/** Characters between « and »: a quotation (a name, a title) is never hyphenated. */
function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  if (!text.includes('«')) return mask;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '«') depth++;
    else if (text[i] === '»') depth = Math.max(0, depth - 1);
    mask[i] = depth > 0;
  }
  return mask;
}

/** Soft hyphens in the words of one run of inlines; the same array back when none was added. */
export function hyphenateInlines(inlines: readonly Inline[], minWordLength = 6): readonly Inline[] {
  const run = flattenRun(inlines);
  const text = runText(run);
  const mask = protectedMask(text);
  const quoted = quotedMask(text);
  const edits: Edit[] = [];
  for (const chunk of text.matchAll(/\S+/gu)) {
    if (MACHINE_CHUNK.test(chunk[0])) continue;
    for (const word of chunk[0].matchAll(/[\p{L}\p{M}\u00AD]+/gu)) {
      const value = word[0];
      const start = chunk.index + word.index;
      const end = start + value.length;
      if (value.length < minWordLength || value.includes(SOFT_HYPHEN)) continue;
      // Capitalised words are proper names (or acronyms): never cut « Montreuil-sur-Loir ».
      if (/\p{Lu}/u.test(value)) continue;
      if (quoted[start]) continue;
      if (/\p{N}/u.test(text[start - 1] ?? '') || /\p{N}/u.test(text[end] ?? '')) continue;
      if (mask.slice(start, end).some(Boolean)) continue;
      for (const point of frenchPoints(value)) {
        // The soft hyphen belongs to the text node of the letter before it.
        edits.push({
          kind: 'replace',
          start: start + point,
          end: start + point,
          text: SOFT_HYPHEN,
          ownerAt: start + point - 1,
        });
      }
    }
  }
  return edits.length === 0 ? inlines : rebuildRun(inlines, applyEdits(run, edits));
}

/**
 * A new tree with soft hyphens in the words of its justified text. Never mutates `doc`; run it
 * after `frenchTypography`.
 */
export function frenchHyphenation(doc: DocumentTree, options: HyphenationOptions = {}): DocumentTree {
  const roles = new Set(options.roles ?? JUSTIFIED_ROLES);
  const tableCells = options.tableCells ?? true;
  const minWordLength = options.minWordLength ?? 6;
  return mapInlines(doc, (inlines, place) =>
    wantsHyphens(place, roles, tableCells) ? hyphenateInlines(inlines, minWordLength) : inlines,
  );
}
