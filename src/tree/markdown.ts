/**
 * The one Markdown parser of delib: micromark + mdast with GFM tables, GFM footnotes (`[^1]` and
 * `[^1]: texte`) and block directives only.
 *
 * Inline directives are left out on purpose (`:name` would eat « 10:30 », « mailto: »), and so are
 * raw HTML, autolinks and indented code, so that HTML and indentation stay plain text.
 *
 * @example
 * const root = parseMarkdown(':::objet\nOBJET : x\n:::\n');
 */
import type { Root, RootContent } from 'mdast';
import { type ContainerDirective, directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';

const flowDirectives = { flow: directive().flow };
const noHtml = { disable: { null: ['htmlFlow', 'htmlText', 'autolink', 'codeIndented'] } };
/** The syntax and its mdast handlers: plain objects without state, made once. */
const OPTIONS = {
  extensions: [flowDirectives, gfmTable(), gfmFootnote(), noHtml],
  mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()],
};

/** micromark over the whole text at once: what parseMarkdown gives, in every case (tests compare). */
export function parseWhole(text: string): Root {
  return fromMarkdown(text, OPTIONS);
}

/**
 * Parses Markdown text into an mdast tree with positions on every node.
 *
 * A template's Markdown is mostly container directives (`:::visa` … `:::`), and micromark reads a
 * container's content twice, once to find its end and once as a document of its own: a third of
 * its time on a délibération. So the fences are blanked out, the text is parsed once, and the
 * containers are made again around the blocks between their fences (`flattened`): the same tree
 * as micromark's, positions included (markdown.test.ts compares both on every kind of block), or
 * micromark's own wherever a block would cross a fence or a container is not closed.
 */
export function parseMarkdown(text: string): Root {
  return flattened(text) ?? parseWhole(text);
}

/** A container's opening fence at the start of a line: `:::name`, maybe `{attributes}`. */
const OPENING = /^(:{3,})[A-Za-z][\w-]*(?:\{[^\n]*)?[ \t]*$/;
/**
 * What blanking fences could change: code fences (a fence line in one is code), a bracket (a
 * label, a link, a note), CR line ends, tabs (micromark counts them to the next tab stop).
 */
const NOT_CUT = /```|~~~|[\r\t[]/;

interface Fence {
  /** 0-based lines of the opening fence and of the closing one. */
  readonly open: number;
  readonly close: number;
  readonly head: ContainerDirective;
  readonly children: Fence[];
}

/**
 * The tree of `text` from one parse with its fence lines blanked, or undefined where that could
 * differ from micromark's: what NOT_CUT finds, a fence micromark does not read as one, a container
 * not closed, a block that would run across a fence.
 */
export function flattened(text: string): Root | undefined {
  if (!text.includes(':::') || NOT_CUT.test(text)) return undefined;
  const lines = text.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const top: Fence[] = [];
  if (!fences(lines, 0, lines.length, top)) return undefined;
  if (top.length === 0) return undefined;
  // Fence lines become blank lines of the same length: every offset and column stays.
  const blanked = [...lines];
  const blank = (f: Fence) => {
    blanked[f.open] = ' '.repeat(lines[f.open]!.length);
    blanked[f.close] = ' '.repeat(lines[f.close]!.length);
    f.children.forEach(blank);
  };
  top.forEach(blank);
  const root = parseWhole(blanked.join('\n'));
  const children = grouped(root.children, top, lines, offsets);
  return children === undefined ? undefined : { ...root, children };
}

/**
 * Finds the containers of lines [from, to) into `out`, each with those inside it. A container ends
 * at the first line of at least as many colons alone, whatever is inside it (micromark looks for
 * it before reading the line as content). False if a fence is not one for micromark, or a
 * container is not closed (where it ends then depends on micromark's nesting).
 */
function fences(lines: readonly string[], from: number, to: number, out: Fence[]): boolean {
  for (let i = from; i < to; i++) {
    const open = OPENING.exec(lines[i]!);
    if (open === null) continue;
    const size = open[1]!.length;
    let close = i + 1;
    while (close < to && !closes(lines[close]!, size)) close++;
    if (close === to) return false;
    const head = fenceHead(lines[i]!, size);
    if (head === undefined) return false;
    const children: Fence[] = [];
    if (!fences(lines, i + 1, close, children)) return false;
    out.push({ open: i, close, head, children });
    i = close;
  }
  return true;
}

/** Whether `line` closes a container opened with `size` colons. */
function closes(line: string, size: number): boolean {
  const trimmed = line.trim();
  return trimmed.length >= size && /^:+$/.test(trimmed);
}

/** The container micromark reads from a fence line alone, by line (fences repeat in a séance). */
const heads = new Map<string, ContainerDirective | null>();

function fenceHead(line: string, size: number): ContainerDirective | undefined {
  let head = heads.get(line);
  if (head === undefined) {
    const node = parseWhole(`${line}\n${':'.repeat(size)}`).children;
    head =
      node.length === 1 && node[0]?.type === 'containerDirective' && node[0].children.length === 0
        ? node[0]
        : null;
    if (heads.size < 1000) heads.set(line, head);
  }
  return head ?? undefined;
}

/**
 * Puts the blocks of one parse back into their containers: each block whose lines are inside a
 * container goes into it. Undefined if a block starts before a fence and ends after it.
 */
function grouped(
  blocks: readonly RootContent[],
  containers: readonly Fence[],
  lines: readonly string[],
  offsets: readonly number[],
): RootContent[] | undefined {
  const out: RootContent[] = [];
  let at = 0;
  for (const fence of containers) {
    // Blocks before this container (0-based lines; mdast's are 1-based).
    while (at < blocks.length && lineOf(blocks[at]!, 'end') < fence.open) out.push(blocks[at++]!);
    if (at < blocks.length && lineOf(blocks[at]!, 'start') <= fence.open) return undefined;
    const inside: RootContent[] = [];
    while (at < blocks.length && lineOf(blocks[at]!, 'end') < fence.close) inside.push(blocks[at++]!);
    if (at < blocks.length && lineOf(blocks[at]!, 'start') <= fence.close) return undefined;
    const children = grouped(inside, fence.children, lines, offsets);
    if (children === undefined) return undefined;
    const close = lines[fence.close]!;
    out.push({
      ...fence.head,
      attributes: { ...fence.head.attributes },
      children: children as ContainerDirective['children'],
      position: {
        start: { line: fence.open + 1, column: 1, offset: offsets[fence.open]! },
        end: {
          line: fence.close + 1,
          column: close.length + 1,
          offset: offsets[fence.close]! + close.length,
        },
      },
    });
  }
  while (at < blocks.length) out.push(blocks[at++]!);
  return out;
}

/** The 0-based line a block starts or ends on. */
function lineOf(node: RootContent, end: 'start' | 'end'): number {
  return (node.position?.[end].line ?? 0) - 1;
}
