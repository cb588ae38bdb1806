/**
 * A run of inlines seen as one string, so that rules can see across node boundaries
 * (« **OBJET**: » has its colon in another node than its last word), and rebuilt as inlines
 * afterwards, each character going back to the text node it came from.
 *
 * @example
 * const run = flattenRun(paragraph.children);
 * const edited = applyEdits(run, [{ kind: 'replace', start: 5, end: 6, text: '\u00A0', ownerAt: 5 }]);
 * rebuildRun(paragraph.children, edited) // the inlines with the space replaced in its own node
 */
import type { Inline } from '../types.ts';

/** One UTF-16 code unit of a run and where it belongs. */
export interface RunChar {
  readonly ch: string;
  /** Index of its text node in document order, or -1 for a line break. */
  readonly owner: number;
  /** Its text node already sits inside a superscript. */
  readonly inSuperscript: boolean;
  /** To be raised into a new superscript node. */
  readonly raise: boolean;
}

export type Run = readonly RunChar[];

/** Replace `[start, end)` of the run by `text`, the new characters owned by the node of `ownerAt`. */
export interface ReplaceEdit {
  readonly kind: 'replace';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly ownerAt: number;
}

/** Raise `[start, end)` of the run into a superscript. */
export interface RaiseEdit {
  readonly kind: 'raise';
  readonly start: number;
  readonly end: number;
}

export type Edit = ReplaceEdit | RaiseEdit;

/** The characters of a run of inlines; a line break is one '\n' owned by no text node. */
export function flattenRun(inlines: readonly Inline[]): Run {
  const chars: RunChar[] = [];
  let owner = 0;
  const walk = (nodes: readonly Inline[], inSuperscript: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // Code units, not code points: indices then match the run's text and its regexes.
        for (let k = 0; k < node.value.length; k++) {
          chars.push({ ch: node.value[k] ?? '', owner, inSuperscript, raise: false });
        }
        owner++;
      } else if (node.type === 'break') {
        chars.push({ ch: '\n', owner: -1, inSuperscript, raise: false });
      } else if (node.type === 'footnote' || node.type === 'pageRef') {
        // A note is a text of its own (mapInlines gives it its own run): its mark joins no word;
        // nor does a page number, which only the layout knows.
        chars.push({ ch: '\uFFFC', owner: -1, inSuperscript, raise: false });
      } else {
        walk(node.children, inSuperscript || node.type === 'superscript');
      }
    }
  };
  walk(inlines, false);
  return chars;
}

/** The run's text, one character per code unit (same indices as the run). */
export function runText(run: Run): string {
  return run.map((c) => c.ch).join('');
}

/** Applies edits that do not overlap (in any order) and returns the new run. */
export function applyEdits(run: Run, edits: readonly Edit[]): Run {
  if (edits.length === 0) return run;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: RunChar[] = [];
  let i = 0;
  for (const edit of sorted) {
    if (edit.start < i) continue; // overlapping edit: the first one wins
    while (i < edit.start) out.push(run[i++] as RunChar);
    if (edit.kind === 'raise') {
      for (; i < edit.end; i++) out.push({ ...(run[i] as RunChar), raise: true });
    } else {
      const anchor = run[edit.ownerAt] as RunChar;
      for (let k = 0; k < edit.text.length; k++) {
        out.push({
          ch: edit.text[k] ?? '',
          owner: anchor.owner,
          inSuperscript: anchor.inSuperscript,
          raise: false,
        });
      }
      i = edit.end;
    }
  }
  while (i < run.length) out.push(run[i++] as RunChar);
  return out;
}

function piecesOf(chars: readonly RunChar[]): Inline[] {
  const nodes: Inline[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || chars[i]?.raise !== chars[start]?.raise) {
      const value = chars
        .slice(start, i)
        .map((c) => c.ch)
        .join('');
      nodes.push(
        chars[start]?.raise
          ? { type: 'superscript', children: [{ type: 'text', value }] }
          : { type: 'text', value },
      );
      start = i;
    }
  }
  return nodes;
}

/**
 * The inlines of `original` with each text node's characters taken from `run` (by owner); text
 * nodes left unchanged are the same objects, so untouched subtrees are shared, never mutated.
 */
export function rebuildRun(original: readonly Inline[], run: Run): readonly Inline[] {
  const byOwner = new Map<number, RunChar[]>();
  for (const c of run) {
    if (c.owner < 0) continue;
    const list = byOwner.get(c.owner);
    if (list) list.push(c);
    else byOwner.set(c.owner, [c]);
  }
  let owner = 0;
  const rebuild = (nodes: readonly Inline[]): readonly Inline[] => {
    let changed = false;
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const chars = byOwner.get(owner++) ?? [];
        const value = chars.map((c) => c.ch).join('');
        if (value === node.value && !chars.some((c) => c.raise)) {
          out.push(node);
        } else {
          changed = true;
          out.push(...piecesOf(chars));
        }
      } else if (node.type === 'break' || node.type === 'footnote' || node.type === 'pageRef') {
        out.push(node);
      } else {
        const children = rebuild(node.children);
        if (children === node.children) out.push(node);
        else {
          changed = true;
          out.push({ ...node, children });
        }
      }
    }
    return changed ? out : nodes;
  };
  return rebuild(original);
}
