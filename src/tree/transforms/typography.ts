/**
 * French typography on every text of a document tree (user text included): no-break space
 * (U+00A0) before « : », narrow no-break space (U+202F) before « ; ! ? », no-break spaces inside
 * « guillemets », typographic apostrophe, raised letters of « 1er », « 2e », « XXe », « n° »
 * tied to its number, no-break space before « € » and « % ». URLs, e-mail addresses, times
 * (19:30) and ratios are never touched, nor link targets; plain numbers get no separator (years
 * stay « 2023 »). Rules see across inline nodes (« **OBJET**: x »). Pure and idempotent.
 *
 * @example
 * frenchTypography(doc) // « OBJET: x » → « OBJET\u00A0: x », « 1er » → 1 + superscript « er »
 * frenchTypographyText("l'an 2023; OK?") // 'l’an 2023\u202F; OK\u202F?'
 */
import type { DocumentTree, Inline, PageFurniture, PageLine, Signatures } from '../types.ts';
import { applyEdits, flattenRun, type Run, rebuildRun, runText } from './inline-run.ts';
import { mapInlines } from './map-inlines.ts';
import { protectedMask, TYPOGRAPHY_RULES } from './typography-rules.ts';

/** The rules one after the other; text and mask are made again only after a rule changed the run. */
function typesetRun(run: Run): Run {
  let current = run;
  let text = runText(current);
  let mask = protectedMask(text);
  for (const rule of TYPOGRAPHY_RULES) {
    const edits = rule(text, mask, current);
    if (edits.length === 0) continue;
    current = applyEdits(current, edits);
    text = runText(current);
    mask = protectedMask(text);
  }
  return current;
}

/** Typography of a run of inlines; the same array back when nothing changes. */
export function typesetInlines(inlines: readonly Inline[]): readonly Inline[] {
  const run = flattenRun(inlines);
  const result = typesetRun(run);
  return result === run ? inlines : rebuildRun(inlines, result);
}

/**
 * Typography of a plain string (metadata, signature lines): the same rules, but ordinals keep
 * their letters on the line (a string has no superscript).
 *
 * @example
 * frenchTypographyText('Article 1er : « QMI »') // 'Article 1er\u00A0: «\u00A0QMI\u00A0»'
 */
export function frenchTypographyText(text: string): string {
  return runText(typesetRun(flattenRun([{ type: 'text', value: text }])));
}

function typesetSignatures(block: Signatures): Signatures {
  return {
    ...block,
    children: block.children.map((s) => ({
      ...s,
      heading: frenchTypographyText(s.heading),
      qualite: frenchTypographyText(s.qualite),
      nom: frenchTypographyText(s.nom),
    })),
  };
}

const typesetLine = (line: PageLine | undefined): PageLine | undefined =>
  line && {
    left: frenchTypographyText(line.left),
    center: frenchTypographyText(line.center),
    right: frenchTypographyText(line.right),
  };

function typesetFurniture(pages: PageFurniture): PageFurniture {
  const header = typesetLine(pages.header);
  const footer = typesetLine(pages.footer);
  return { ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
}

/**
 * A new tree with French typography on every text node, on the signatories' lines and on the
 * title and short title of the metadata. Never mutates `doc`.
 */
export function frenchTypography(doc: DocumentTree): DocumentTree {
  const typeset = mapInlines(doc, (inlines) => typesetInlines(inlines));
  const withSignatures = (blocks: DocumentTree['children']): DocumentTree['children'] =>
    blocks.map((block) => {
      if (block.type === 'signatures') return typesetSignatures(block);
      if (block.type === 'keepTogether') return { ...block, children: withSignatures(block.children) };
      return block;
    });
  const { meta, header } = typeset;
  return {
    ...typeset,
    // Metadata and header are typeset too: a straight quote typed in an objet must not reach the
    // PDF Title, the bookmarks or the first-page header.
    meta: {
      ...meta,
      title: frenchTypographyText(meta.title),
      shortTitle: frenchTypographyText(meta.shortTitle),
      subject: frenchTypographyText(meta.subject),
      author: frenchTypographyText(meta.author),
      keywords: meta.keywords.map(frenchTypographyText),
    },
    header:
      header.collectivite === undefined
        ? header
        : { ...header, collectivite: frenchTypographyText(header.collectivite) },
    ...(typeset.pages ? { pages: typesetFurniture(typeset.pages) } : {}),
    children: withSignatures(typeset.children),
  };
}
