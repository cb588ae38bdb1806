/**
 * The document tree: THE contract between templates and renderers.
 *
 * Every node has a literal `type`; renderers are handler maps keyed by node type
 * (`satisfies Record<Block['type'], …>`), so adding a node type here fails the build of every
 * renderer that forgot it. Trees are plain JSON (no class instances, no binary data), so that
 * `delib tree` can dump them and golden tests can compare them. No stage mutates a tree: each
 * transform returns a new one.
 *
 * @example
 * const doc: DocumentTree = {
 *   type: 'document',
 *   meta: { kind: 'note', title: 'Objet', shortTitle: 'Note n° 1', subject: 'Note de présentation',
 *           author: 'Ville de Sceaux', keywords: [], language: 'fr-FR', date: '2023-03-23' },
 *   header: { collectivite: 'Ville de Sceaux' },
 *   children: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'Bonjour' }] }],
 * };
 */

// ---------------------------------------------------------------------------------------------
// Inlines (phrasing content)

export interface Text {
  readonly type: 'text';
  /** Unicode text; may hold U+00A0, U+202F (typography) and U+00AD (hyphenation points). */
  readonly value: string;
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

/** Raised small letters, as in « 1er », « 2e », « Mme ». */
export interface Superscript {
  readonly type: 'superscript';
  readonly children: readonly Inline[];
}

/** A hard line break inside a paragraph. */
export interface Break {
  readonly type: 'break';
}

/** A link; only http(s) and mailto URLs reach the tree. */
export interface Link {
  readonly type: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
}

/**
 * A footnote: its mark (« 1 ») printed raised where it stands, its text at the foot of the page
 * (PDF) or in Word's own footnotes (DOCX). Notes are numbered in reading order per document.
 */
export interface Footnote {
  readonly type: 'footnote';
  /** The mark, « 1 », « 2 »…, unique in the document. */
  readonly label: string;
  readonly children: readonly Inline[];
}

/**
 * The number of the page where a heading with this `anchor` starts, counted from the document's
 * first page (a table of contents' « p. 12 »). PDF: laid out again until every number is the page
 * it names; DOCX: a PAGEREF field to the heading's bookmark.
 */
export interface PageRef {
  readonly type: 'pageRef';
  /** The `anchor` of a heading of the same document. */
  readonly target: string;
}

export type Inline = Text | Strong | Emphasis | Superscript | Break | Link | Footnote | PageRef;

// ---------------------------------------------------------------------------------------------
// Blocks (flow content)

/**
 * What a paragraph is for. Each role is one named style in both renderers (theme.ts gives its
 * font, size, alignment and spacing; the DOCX renderer names the style in French).
 */
export type ParagraphRole =
  | 'body' // justified text of an exposé, a préambule, an article: « Corps de texte »
  | 'subject' // « OBJET : … », bold: « Objet »
  | 'rapporteur' // « Rapporteur : … »: « Rapporteur »
  | 'visa' // « Vu … ; »: « Visa »
  | 'recital' // « Considérant … ; »: « Considérant »
  | 'decision' // « DÉLIBÈRE », centred bold: « Décision »
  | 'article' // an article of a délibération (« Article 1er – … »): « Article »
  | 'centered' // centred line (« d'une part », « ET »): « Centré »
  | 'closing' // « Fait à …, le … », place and date before signatures: « Formule finale »
  | 'intervention' // a speaker's words in a procès-verbal: « Intervention »
  | 'vote' // a vote and its result in a procès-verbal: « Vote »
  | 'toc' // an entry of a table of contents (« Sommaire »), left aligned: « Sommaire »
  | 'note'; // small print (caractère exécutoire, mentions): « Mention »

export interface Paragraph {
  readonly type: 'paragraph';
  readonly role: ParagraphRole;
  readonly children: readonly Inline[];
  /**
   * Set back from the left by the theme's `indented` (a clerk's `:::retrait` … `:::` block): a
   * quoted text, a paragraph the collectivité indents. Absent: the role's own indent only.
   */
  readonly indented?: true;
}

/** Depth of a heading: 1 (a document's sections) to 6, as Markdown's « # » to « ###### ». */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A section heading; every level goes to the PDF outline (nested under the heading above it of a
 * lower level) and to the Word navigation pane (outline level = level − 1).
 */
export interface Heading {
  readonly type: 'heading';
  readonly level: HeadingLevel;
  readonly children: readonly Inline[];
  /** A name page references point to (`PageRef.target`): a PDF destination, a DOCX bookmark. */
  readonly anchor?: string;
}

export interface ListItem {
  readonly type: 'listItem';
  readonly children: readonly Block[];
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start: number;
  readonly children: readonly ListItem[];
}

export type CellAlign = 'left' | 'center' | 'right';

export interface TableCell {
  readonly type: 'tableCell';
  readonly children: readonly Inline[];
}

export interface TableRow {
  readonly type: 'tableRow';
  readonly children: readonly TableCell[];
}

/** A table: its header row repeats on every page; rows never split. */
export interface Table {
  readonly type: 'table';
  /** One entry per column. */
  readonly align: readonly CellAlign[];
  readonly head: TableRow;
  readonly body: readonly TableRow[];
}

/**
 * Centred lines at the top of a document (« CONSEIL MUNICIPAL », « Séance du … », the document's
 * name): never split across pages.
 */
export interface TitleBlock {
  readonly type: 'titleBlock';
  readonly children: readonly (Heading | Paragraph)[];
}

/** One signatory of a signature block. */
export interface Signatory {
  readonly type: 'signatory';
  /** Stable identifier, also the name of the PDF signature field (e.g. `signature-1`). */
  readonly id: string;
  /** « Pour la Ville de Sceaux » (optional). */
  readonly heading: string;
  /** « Le Maire » */
  readonly qualite: string;
  /** « Philippe Laurent » */
  readonly nom: string;
}

/** Signatories side by side, one column each; never split across pages. */
export interface Signatures {
  readonly type: 'signatures';
  readonly children: readonly Signatory[];
}

/** Blocks that must stay on one page (moved whole to the next page if they do not fit). */
export interface KeepTogether {
  readonly type: 'keepTogether';
  readonly children: readonly Block[];
}

export interface PageBreak {
  readonly type: 'pageBreak';
}

export type Block = Paragraph | Heading | List | Table | TitleBlock | Signatures | KeepTogether | PageBreak;

// ---------------------------------------------------------------------------------------------
// Document

/** Every kind of document; each is described once in the registry `src/compose/kinds.ts`. */
export type DocumentKind =
  | 'convocation'
  | 'ordre-du-jour'
  | 'note'
  | 'projet'
  | 'deliberation'
  | 'convention'
  | 'liste-des-deliberations'
  | 'proces-verbal';

export interface DocumentMeta {
  readonly kind: DocumentKind;
  /** Full title (PDF Title, DOCX title): usually the objet of the point. */
  readonly title: string;
  /** Short title for the footer (« Note de présentation – point n° 1 »). */
  readonly shortTitle: string;
  /** Kind of document in words (PDF Subject): « Note de présentation ». */
  readonly subject: string;
  /** The collectivité (PDF Author, DOCX creator). */
  readonly author: string;
  readonly keywords: readonly string[];
  readonly language: 'fr-FR';
  /** Date of the séance, ISO `YYYY-MM-DD`. */
  readonly date: string;
}

export interface DocumentHeader {
  /**
   * Name of the collectivité, printed on the first page; absent when the collectivité prints it
   * elsewhere or not at all (`position_nom`).
   */
  readonly collectivite?: string;
  /** Key of the logo in the renderer's assets (a path relative to the séance file), if any. */
  readonly logo?: string;
  /**
   * Where the logo stands: `gauche` (default) top left with the name beside it, `dessus` centred
   * with the name centred under it.
   */
  readonly logoPlace?: 'gauche' | 'dessus';
}

/**
 * One running line of every page, in three places (any may be empty). `{page}` and `{pages}` stay
 * in the text: the renderer writes the page number and the page count there (PDF), or Word's PAGE
 * and NUMPAGES fields (DOCX).
 */
export interface PageLine {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

/** The running header and footer of every page; an absent line is not printed. */
export interface PageFurniture {
  readonly header?: PageLine;
  readonly footer?: PageLine;
}

export interface DocumentTree {
  readonly type: 'document';
  readonly meta: DocumentMeta;
  readonly header: DocumentHeader;
  /**
   * Running header and footer; absent: delib's own footer (short title, « Page X / Y »), see
   * `pageFurniture` in `tree/furniture.ts`.
   */
  readonly pages?: PageFurniture;
  /**
   * Number of the first page (`premiere_page`: a document inside a recueil whose pages are numbered
   * continuously starts at 26); absent: 1. `{pages}` stays the document's own number of pages.
   */
  readonly firstPage?: number;
  /**
   * The collectivité's list markers by depth (`puces`: « - », « o »…), in place of the theme's
   * bullets; absent: the theme's.
   */
  readonly bullets?: readonly string[];
  readonly children: readonly Block[];
}

export type Node = DocumentTree | Block | Inline | ListItem | TableRow | TableCell | Signatory;
