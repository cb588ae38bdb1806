/**
 * mdast (from the Markdown of a rendered template, or of a clerk's rich-text field) → delib's
 * document tree blocks.
 *
 * Nothing is dropped silently: every construct outside the documented subset becomes a problem
 * with its line and column in the Markdown text. Two modes: `template` allows the block
 * directives and headings of delib's templates; `richtext` (a clerk's field) allows paragraphs,
 * headings (one level below the document's own), emphasis, lists, tables, line breaks, footnotes
 * and http(s)/mailto links only.
 *
 * @example
 * const { blocks, problems } = blocksFromMarkdown('Bonjour **tout le monde**', { mode: 'richtext' });
 */
import type {
  BlockContent,
  DefinitionContent,
  FootnoteDefinition,
  List as MdList,
  Table as MdTable,
  PhrasingContent,
  RootContent,
} from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { DiagnosticCode } from '../diagnostics.ts';
import { parseMarkdown } from './markdown.ts';
import { splitPageRefs } from './page-ref-marker.ts';
import { RETRAIT_CLOSE, RETRAIT_END, RETRAIT_OPEN, RETRAIT_START } from './retrait.ts';
import type {
  Block,
  CellAlign,
  Heading,
  HeadingLevel,
  Inline,
  List,
  Paragraph,
  ParagraphRole,
  Signatory,
  Table,
  TableRow,
} from './types.ts';

export type MarkdownMode = 'template' | 'richtext';

/** A construct that could not be turned into the tree, located in the Markdown text (1-based). */
export interface MarkdownProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string;
  readonly line: number;
  readonly column: number;
}

export interface MarkdownBlocks {
  readonly blocks: readonly Block[];
  readonly problems: readonly MarkdownProblem[];
}

/** Container directives that give a role to the paragraphs inside them. */
export const ROLE_DIRECTIVES: Readonly<Record<string, ParagraphRole>> = {
  corps: 'body',
  objet: 'subject',
  rapporteur: 'rapporteur',
  visa: 'visa',
  considerant: 'recital',
  decision: 'decision',
  article: 'article',
  centre: 'centered',
  formule: 'closing',
  mention: 'note',
  intervention: 'intervention',
  vote: 'vote',
  sommaire: 'toc',
};

/** Every directive a template may use, for messages. */
export const DIRECTIVE_NAMES = [
  ...Object.keys(ROLE_DIRECTIVES),
  'titre',
  'garder-ensemble',
  'signatures',
  'signataire',
  'saut-de-page',
  'ancre',
] as const;

type MdNode = RootContent | BlockContent | DefinitionContent;

interface Context {
  readonly mode: MarkdownMode;
  readonly role: ParagraphRole;
  readonly source: string;
  readonly problems: MarkdownProblem[];
  /** Lists around the node being converted. */
  readonly listDepth: number;
  /** Footnote definitions of the whole text, by identifier. */
  readonly definitions: ReadonlyMap<string, FootnoteDefinition>;
  /** Footnotes numbered so far (shared by the whole text). */
  readonly notes: { count: number };
  /** Inside a clerk's `:::retrait` block: paragraphs are indented. */
  readonly indented?: boolean;
}

/**
 * Deepest list nesting accepted: Word numbers nine levels, and a « - - - … » line of a thousand
 * dashes (a thousand nested lists) would exhaust the renderers' stack.
 */
export const MAX_LIST_DEPTH = 6;

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
/** Raw HTML stays text for the parser (htmlText is off); in a clerk's text it is an error. */
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

function place(node: { position?: { start: { line: number; column: number } } | undefined }) {
  return { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
}

function problem(
  ctx: Context,
  node: Parameters<typeof place>[0],
  code: DiagnosticCode,
  message: string,
  hint: string,
) {
  ctx.problems.push({ code, message, hint, ...place(node) });
}

const REJECTED: Readonly<Record<string, { code: DiagnosticCode; message: string; hint: string }>> = {
  html: {
    code: 'richtext.html',
    message: 'Le HTML n’est pas accepté dans le texte.',
    hint: 'Utilisez la syntaxe Markdown : **gras**, *italique*, listes « - ».',
  },
  image: {
    code: 'richtext.image',
    message: 'Les images ne sont pas acceptées dans le texte.',
    hint: 'Joignez l’image en annexe du point.',
  },
  imageReference: {
    code: 'richtext.image',
    message: 'Les images ne sont pas acceptées dans le texte.',
    hint: 'Joignez l’image en annexe du point.',
  },
  code: {
    code: 'richtext.unsupported',
    message: 'Les blocs de code ne sont pas acceptés.',
    hint: 'Retirez les accents graves « ``` » ou écrivez un paragraphe ordinaire.',
  },
  inlineCode: {
    code: 'richtext.unsupported',
    message: 'Le code en ligne (entre accents graves) n’est pas accepté.',
    hint: 'Retirez les accents graves « ` ».',
  },
  blockquote: {
    code: 'richtext.unsupported',
    message: 'Les citations (lignes commençant par « > ») ne sont pas acceptées.',
    hint: 'Écrivez la citation entre guillemets « … » dans un paragraphe.',
  },
  thematicBreak: {
    code: 'richtext.unsupported',
    message: 'Les lignes de séparation (« --- », « *** ») ne sont pas acceptées.',
    hint: 'Retirez la ligne ou commencez un nouveau paragraphe.',
  },
  definition: {
    code: 'richtext.unsupported',
    message: 'Les définitions de liens (« [x]: … ») ne sont pas acceptées.',
    hint: 'Écrivez le lien en ligne : [texte](https://…).',
  },
};

function rejected(ctx: Context, node: { type: string; position?: MdNode['position'] }): void {
  const r = REJECTED[node.type] ?? {
    code: 'richtext.unsupported' as const,
    message: `Construction Markdown non prise en charge (${node.type}).`,
    hint: 'Limitez-vous aux paragraphes, **gras**, *italique*, listes, tableaux et liens.',
  };
  problem(ctx, node, r.code, r.message, r.hint);
}

// ---------------------------------------------------------------------------------------------
// Inlines

/** The position of the character at `index` of a text node (text may span several lines). */
function shifted(position: MdNode['position'], value: string, index: number): MdNode['position'] {
  if (!position) return position;
  const before = value.slice(0, index);
  const newlines = before.split('\n').length - 1;
  const line = position.start.line + newlines;
  const column = newlines === 0 ? position.start.column + index : index - before.lastIndexOf('\n');
  return { start: { line, column, offset: 0 }, end: position.end };
}

function inlines(nodes: readonly PhrasingContent[], ctx: Context): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (ctx.mode === 'richtext') {
          const tag = HTML_TAG.exec(node.value);
          if (tag) rejected(ctx, { type: 'html', position: shifted(node.position, node.value, tag.index) });
        }
        {
          // A soft line break inside a paragraph is a space.
          const value = node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
          // A template's page references (page-ref-marker.ts); a clerk's text has none.
          if (ctx.mode === 'template') out.push(...splitPageRefs(value));
          else out.push({ type: 'text', value });
        }
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlines(node.children, ctx) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlines(node.children, ctx) });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'link':
        if (SAFE_URL.test(node.url)) {
          out.push({ type: 'link', url: node.url, children: inlines(node.children, ctx) });
        } else {
          problem(
            ctx,
            node,
            'richtext.link',
            `Lien refusé : « ${node.url} ». Seuls les liens http(s) et mailto sont acceptés.`,
            'Écrivez une adresse complète, par exemple [site](https://www.exemple.fr).',
          );
          out.push(...inlines(node.children, ctx));
        }
        break;
      case 'footnoteReference': {
        const definition = ctx.definitions.get(node.identifier);
        ctx.notes.count++;
        const content = (definition?.children ?? []).flatMap((child, i): Inline[] => {
          const sep: Inline[] = i > 0 ? [{ type: 'break' }] : [];
          if (child.type === 'paragraph') return [...sep, ...inlines(child.children, ctx)];
          rejected(ctx, child);
          return [];
        });
        out.push({ type: 'footnote', label: String(ctx.notes.count), children: content });
        break;
      }
      case 'linkReference':
        // « [texte] » without a definition: keep what the clerk wrote.
        out.push({ type: 'text', value: '[' }, ...inlines(node.children, ctx), { type: 'text', value: ']' });
        break;
      default:
        rejected(ctx, node);
    }
  }
  return mergeTexts(out);
}

/** Joins adjacent text nodes so that transforms see whole runs. */
function mergeTexts(list: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of list) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    } else {
      out.push(node);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Blocks

function list(node: MdList, ctx: Context): List {
  const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1 };
  const shape = { type: 'list', ordered: node.ordered === true, start: node.start ?? 1 } as const;
  if (inner.listDepth > MAX_LIST_DEPTH) {
    problem(
      ctx,
      node,
      'richtext.unsupported',
      `Liste imbriquée sur plus de ${MAX_LIST_DEPTH} niveaux.`,
      'Remontez les sous-listes d’un niveau, ou écrivez « - » en tête de ligne seulement (pas « - - »).',
    );
    return { ...shape, children: [] };
  }
  return {
    ...shape,
    children: node.children.map((item) => ({
      type: 'listItem',
      children: blocks(item.children, inner),
    })),
  };
}

function table(node: MdTable, ctx: Context): Table | undefined {
  const rows: TableRow[] = node.children.map((row) => ({
    type: 'tableRow',
    children: row.children.map((cell) => ({ type: 'tableCell', children: inlines(cell.children, ctx) })),
  }));
  const [head, ...body] = rows;
  if (!head) return undefined;
  const align: CellAlign[] = head.children.map((_, i) => {
    const a = node.align?.[i];
    return a === 'right' || a === 'center' ? a : 'left';
  });
  return { type: 'table', align, head, body };
}

function signatory(node: LeafDirective, index: number, ctx: Context): Signatory | undefined {
  const attrs = node.attributes ?? {};
  const nom = attrs.nom ?? '';
  if (node.name !== 'signataire' || nom === '') {
    problem(
      ctx,
      node,
      'template.directive',
      node.name === 'signataire'
        ? 'Signataire sans nom dans le modèle.'
        : `Directive « ${node.name} » inattendue dans un bloc de signatures.`,
      'Écrivez ::signataire{pour="…" qualite="…" nom="…"} pour chaque signataire.',
    );
    return undefined;
  }
  return {
    type: 'signatory',
    id: attrs.id ?? `signature-${index + 1}`,
    heading: attrs.pour ?? '',
    qualite: attrs.qualite ?? '',
    nom,
  };
}

/** `:::ancre{id="…"}` around a heading: the heading page references point to. */
function anchored(node: ContainerDirective, inner: Block[], ctx: Context): Block[] {
  const id = node.attributes?.id ?? '';
  const at = inner.findIndex((b) => b.type === 'heading');
  if (!/^[A-Za-z0-9_-]+$/.test(id) || at < 0) {
    problem(
      ctx,
      node,
      'template.directive',
      at < 0 ? 'Le bloc « :::ancre » ne contient pas de titre.' : `Nom d’ancre invalide : « ${id} ».`,
      'Écrivez :::ancre{id="point-1"} (lettres, chiffres, « - », « _ ») sur la ligne avant un titre « # … », puis « ::: ».',
    );
    return inner;
  }
  return inner.map((b, i) => (i === at && b.type === 'heading' ? { ...b, anchor: id } : b));
}

/** Line `n` (1-based) of the text, without its carriage return; '' when there is none. */
function sourceLine(ctx: Context, n: number | undefined): string {
  return n === undefined ? '' : (ctx.source.split('\n')[n - 1] ?? '').replace(/\r$/, '');
}

function containerClosed(node: ContainerDirective, ctx: Context): boolean {
  return /^\s*:{3,}\s*$/.test(sourceLine(ctx, node.position?.end.line));
}

function container(node: ContainerDirective, ctx: Context): Block[] {
  if (!containerClosed(node, ctx)) {
    problem(
      ctx,
      node,
      'template.directive',
      `Le bloc « :::${node.name} » n’est pas fermé.`,
      'Ajoutez une ligne « ::: » à la fin du bloc (plus de deux-points pour le bloc qui en contient un autre).',
    );
  }
  const role = ROLE_DIRECTIVES[node.name];
  if (role) return blocks(node.children, { ...ctx, role });
  switch (node.name) {
    case 'titre': {
      const children = blocks(node.children, { ...ctx, role: 'centered' }).filter(
        (b): b is Heading | Paragraph => b.type === 'heading' || b.type === 'paragraph',
      );
      return [{ type: 'titleBlock', children }];
    }
    case 'garder-ensemble':
      return [{ type: 'keepTogether', children: blocks(node.children, ctx) }];
    case 'ancre':
      return anchored(node, blocks(node.children, ctx), ctx);
    case 'signatures': {
      const children: Signatory[] = [];
      for (const child of node.children) {
        const s = child.type === 'leafDirective' ? signatory(child, children.length, ctx) : undefined;
        if (s) children.push(s);
        else if (child.type !== 'leafDirective') {
          problem(
            ctx,
            child,
            'template.directive',
            'Un bloc de signatures ne contient que des lignes ::signataire{…}.',
            'Retirez le texte du bloc « :::signatures ».',
          );
        }
      }
      return [{ type: 'signatures', children }];
    }
    default:
      problem(
        ctx,
        node,
        'template.directive',
        `Directive inconnue « :::${node.name} ».`,
        `Directives possibles : ${DIRECTIVE_NAMES.join(', ')}.`,
      );
      return blocks(node.children, ctx);
  }
}

/**
 * A clerk's indented block, `:::retrait` … `:::` at the start of lines of the text (no name
 * attributes, no label, not inside a list or another retrait): its paragraphs, indented. Anything
 * else inside is refused, so that the block stays what it says.
 */
function retrait(node: ContainerDirective, ctx: Context): Block[] {
  // The very lines richTextMarkdown pairs: `:::retrait` and `:::` alone, at the start of a line.
  const fenced =
    (node.position?.start.column ?? 1) === 1 &&
    RETRAIT_OPEN.test(sourceLine(ctx, node.position?.start.line)) &&
    RETRAIT_CLOSE.test(sourceLine(ctx, node.position?.end.line));
  if (!fenced || ctx.indented || ctx.listDepth > 0) {
    problem(
      ctx,
      node,
      'richtext.unsupported',
      'Bloc en retrait mal formé.',
      'Écrivez « :::retrait » seul en début de ligne, les paragraphes en retrait, puis « ::: » seul sur sa ligne (hors liste, sans accolades ni crochets).',
    );
    return [];
  }
  const inner = { ...ctx, indented: true };
  const out: Block[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph') out.push(...blocks([child], inner));
    else if (child.type !== 'footnoteDefinition') {
      problem(
        ctx,
        child,
        'richtext.unsupported',
        'Un bloc en retrait ne contient que des paragraphes.',
        'Placez le titre, la liste ou le tableau hors du bloc « :::retrait ».',
      );
    }
  }
  return out;
}

function blocks(nodes: readonly MdNode[], ctx: Context): Block[] {
  const out: Block[] = [];
  // Between a template's ::debut-retrait and ::fin-retrait (a clerk's retrait block, see
  // richTextMarkdown): the siblings' paragraphs are indented.
  let opened: MdNode | undefined;
  let here = ctx;
  for (const node of nodes) {
    if (
      ctx.mode === 'template' &&
      node.type === 'leafDirective' &&
      (node.name === RETRAIT_START || node.name === RETRAIT_END)
    ) {
      const start = node.name === RETRAIT_START;
      if (start === (opened !== undefined)) {
        problem(
          ctx,
          node,
          'template.directive',
          start ? 'Retrait ouvert deux fois.' : 'Fin de retrait sans début.',
          'Les lignes ::debut-retrait et ::fin-retrait vont par paires, au même niveau.',
        );
      }
      opened = start ? node : undefined;
      here = { ...ctx, indented: start };
      continue;
    }
    blockInto(out, node, here);
  }
  if (opened) {
    problem(
      ctx,
      opened,
      'template.directive',
      'Retrait ouvert sans fin.',
      'Les lignes ::debut-retrait et ::fin-retrait vont par paires, au même niveau.',
    );
  }
  return out;
}

function blockInto(out: Block[], node: MdNode, ctx: Context): void {
  switch (node.type) {
    case 'paragraph': {
      const children = inlines(node.children, ctx);
      if (children.length > 0) {
        out.push({
          type: 'paragraph',
          role: ctx.role,
          children,
          ...(ctx.indented ? { indented: true } : {}),
        });
      }
      break;
    }
    case 'heading': {
      // A clerk's « # Titre » reaches here one level down (see richTextMarkdown).
      const level = Math.min(node.depth, 6) as HeadingLevel;
      out.push({ type: 'heading', level, children: inlines(node.children, ctx) });
      break;
    }
    case 'footnoteDefinition':
      // Its text went into the footnote where it is called.
      break;
    case 'list':
      out.push(list(node, ctx));
      break;
    case 'table': {
      const t = table(node, ctx);
      if (t) out.push(t);
      break;
    }
    case 'containerDirective':
    case 'leafDirective':
      if (ctx.mode === 'richtext' && node.type === 'containerDirective' && node.name === 'retrait') {
        out.push(...retrait(node, ctx));
      } else if (ctx.mode === 'richtext') {
        problem(
          ctx,
          node,
          'richtext.unsupported',
          `Les directives (« :: ») ne sont pas acceptées dans ce texte.`,
          'Retirez les deux-points en début de ligne, ou échappez-les avec « \\: » ; seul le bloc « :::retrait » … « ::: » est accepté.',
        );
      } else if (node.type === 'containerDirective') {
        out.push(...container(node, ctx));
      } else if (node.name === 'saut-de-page') {
        out.push({ type: 'pageBreak' });
      } else {
        problem(
          ctx,
          node,
          'template.directive',
          `Directive inconnue « ::${node.name} ».`,
          `Directives possibles : ${DIRECTIVE_NAMES.join(', ')}.`,
        );
      }
      break;
    default:
      rejected(ctx, node);
  }
}

/** Footnote definitions anywhere in the text (inside directives and list items too). */
function collectDefinitions(nodes: readonly MdNode[], into: Map<string, FootnoteDefinition>): void {
  for (const node of nodes) {
    if (node.type === 'footnoteDefinition') into.set(node.identifier, node);
    else if (
      'children' in node &&
      node.type !== 'paragraph' &&
      node.type !== 'heading' &&
      node.type !== 'table'
    )
      collectDefinitions(node.children as readonly MdNode[], into);
  }
}

/** Link openers accepted in one text: the parser's time grows with their square. */
export const MAX_BRACKETS = 1000;

function nthIndex(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(char, at + 1);
  return at;
}

/** `- `, `* `, `+ `, `> `, `1. `, `1) ` opening a line, possibly repeated. */
const CONTAINER_PREFIX = new RegExp(`^[ \\t]*(?:(?:[-*+>]|\\d{1,9}[.)])[ \\t]+){${MAX_LIST_DEPTH + 2},}`);

/**
 * A line opening more nested lists or quotes than any text needs (« - - - - … »), or thousands of
 * « [ », are refused before parsing: the Markdown parser takes quadratic time on them (300 000
 * « - » or 200 000 « [a]( » hold it for minutes).
 */
function tooDeep(source: string): MarkdownProblem | undefined {
  const brackets = source.match(/\[/g)?.length ?? 0;
  if (brackets > MAX_BRACKETS) {
    const at = nthIndex(source, '[', MAX_BRACKETS);
    const before = source.slice(0, at).split('\n');
    return {
      code: 'richtext.unsupported',
      message: `Plus de ${MAX_BRACKETS} crochets « [ » dans ce texte.`,
      hint: 'Un texte de séance a quelques liens : retirez les crochets en trop.',
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
    };
  }
  const lines = source.split('\n');
  const index = lines.findIndex((line) => CONTAINER_PREFIX.test(line.slice(0, 4 * (MAX_LIST_DEPTH + 3))));
  if (index < 0) return undefined;
  return {
    code: 'richtext.unsupported',
    message: `Liste ou citation imbriquée sur plus de ${MAX_LIST_DEPTH} niveaux.`,
    hint: 'Écrivez « - » une seule fois en tête de ligne ; indentez une sous-liste de deux espaces.',
    line: index + 1,
    column: 1,
  };
}

/** Parses Markdown and maps it to tree blocks, collecting every problem with its position. */
export function blocksFromMarkdown(
  source: string,
  options: { readonly mode: MarkdownMode; readonly role?: ParagraphRole },
): MarkdownBlocks {
  const problems: MarkdownProblem[] = [];
  const nesting = tooDeep(source);
  if (nesting) return { blocks: [], problems: [nesting] };
  const root = parseMarkdown(source);
  const definitions = new Map<string, FootnoteDefinition>();
  collectDefinitions(root.children, definitions);
  const ctx: Context = {
    mode: options.mode,
    role: options.role ?? 'body',
    source,
    problems,
    listDepth: 0,
    definitions,
    notes: { count: 0 },
  };
  return { blocks: blocks(root.children, ctx), problems };
}
