/**
 * A run of inlines seen as one string, so that rules can see across node boundaries
 * (« **OBJET**: » has its colon in another node than its last word), and rebuilt as inlines
 * afterwards, each character going back to the text node it came from.
 *
 * A run is its text and, for each UTF-16 code unit, its owner and flags in typed arrays: no object
 * per character (the typography rules go over every paragraph of every document thirteen times).
 *
 * @example
 * const run = flattenRun(paragraph.children);
 * const edited = applyEdits(run, [{ kind: 'replace', start: 5, end: 6, text: '\u00A0', ownerAt: 5 }]);
 * rebuildRun(paragraph.children, edited) // the inlines with the space replaced in its own node
 */
import type { Inline } from '../types.ts';

/** The code unit's text node already sits inside a superscript. */
export const IN_SUPERSCRIPT = 1;
/** The code unit is to be raised into a new superscript node. */
export const RAISE = 2;

export interface Run {
  /** One character per UTF-16 code unit (code units, not code points: indices match regexes). */
  readonly text: string;
  /** Index of each code unit's text node in document order, or -1 (line break, note mark). */
  readonly owners: Int32Array;
  /** IN_SUPERSCRIPT and RAISE bits of each code unit. */
  readonly flags: Uint8Array;
}

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
  const parts: string[] = [];
  const owners: number[] = [];
  const flags: number[] = [];
  let owner = 0;
  const walk = (nodes: readonly Inline[], inSuperscript: boolean): void => {
    const flag = inSuperscript ? IN_SUPERSCRIPT : 0;
    for (const node of nodes) {
      if (node.type === 'text') {
        parts.push(node.value);
        for (let k = 0; k < node.value.length; k++) {
          owners.push(owner);
          flags.push(flag);
        }
        owner++;
      } else if (node.type === 'break') {
        parts.push('\n');
        owners.push(-1);
        flags.push(flag);
      } else if (node.type === 'footnote' || node.type === 'pageRef') {
        // A note is a text of its own (mapInlines gives it its own run): its mark joins no word;
        // nor does a page number, which only the layout knows.
        parts.push('\uFFFC');
        owners.push(-1);
        flags.push(flag);
      } else {
        walk(node.children, inSuperscript || node.type === 'superscript');
      }
    }
  };
  walk(inlines, false);
  return { text: parts.join(''), owners: Int32Array.from(owners), flags: Uint8Array.from(flags) };
}

/** The run's text, one character per code unit (same indices as the run). */
export function runText(run: Run): string {
  return run.text;
}

/** Applies edits that do not overlap (in any order) and returns the new run. */
export function applyEdits(run: Run, edits: readonly Edit[]): Run {
  if (edits.length === 0) return run;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const owners: number[] = [];
  const flags: number[] = [];
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(run.text.slice(from, to));
    for (let k = from; k < to; k++) {
      owners.push(run.owners[k] as number);
      flags.push(run.flags[k] as number);
    }
  };
  let i = 0;
  for (const edit of sorted) {
    if (edit.start < i) continue; // overlapping edit: the first one wins
    copy(i, edit.start);
    i = edit.start;
    if (edit.kind === 'raise') {
      parts.push(run.text.slice(i, edit.end));
      for (; i < edit.end; i++) {
        owners.push(run.owners[i] as number);
        flags.push((run.flags[i] as number) | RAISE);
      }
    } else {
      const owner = run.owners[edit.ownerAt] as number;
      // The new characters sit in the anchor's node: inside a superscript if it is; never raised.
      const flag = (run.flags[edit.ownerAt] as number) & IN_SUPERSCRIPT;
      parts.push(edit.text);
      for (let k = 0; k < edit.text.length; k++) {
        owners.push(owner);
        flags.push(flag);
      }
      i = edit.end;
    }
  }
  copy(i, run.text.length);
  return { text: parts.join(''), owners: Int32Array.from(owners), flags: Uint8Array.from(flags) };
}

/** The text node (and superscripts) made of the run's code units at `indices`, in order. */
function piecesOf(run: Run, indices: readonly number[]): Inline[] {
  const nodes: Inline[] = [];
  const raised = (k: number) => ((run.flags[indices[k] as number] as number) & RAISE) !== 0;
  let start = 0;
  for (let k = 1; k <= indices.length; k++) {
    if (k === indices.length || raised(k) !== raised(start)) {
      const value = textAt(run, indices, start, k);
      nodes.push(
        raised(start)
          ? { type: 'superscript', children: [{ type: 'text', value }] }
          : { type: 'text', value },
      );
      start = k;
    }
  }
  return nodes;
}

/** The characters of `indices[from..to)`: one slice when they follow each other, as they mostly do. */
function textAt(run: Run, indices: readonly number[], from: number, to: number): string {
  if (to <= from) return '';
  const first = indices[from] as number;
  const last = indices[to - 1] as number;
  if (last - first === to - from - 1) return run.text.slice(first, last + 1);
  let value = '';
  for (let k = from; k < to; k++) value += run.text[indices[k] as number];
  return value;
}

/**
 * The inlines of `original` with each text node's characters taken from `run` (by owner); text
 * nodes left unchanged are the same objects, so untouched subtrees are shared, never mutated.
 */
export function rebuildRun(original: readonly Inline[], run: Run): readonly Inline[] {
  const byOwner = new Map<number, number[]>();
  for (let i = 0; i < run.owners.length; i++) {
    const owner = run.owners[i] as number;
    if (owner < 0) continue;
    const list = byOwner.get(owner);
    if (list) list.push(i);
    else byOwner.set(owner, [i]);
  }
  const none: number[] = [];
  let owner = 0;
  const rebuild = (nodes: readonly Inline[]): readonly Inline[] => {
    let changed = false;
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const indices = byOwner.get(owner++) ?? none;
        const value = textAt(run, indices, 0, indices.length);
        if (value === node.value && !indices.some((i) => ((run.flags[i] as number) & RAISE) !== 0)) {
          out.push(node);
        } else {
          changed = true;
          out.push(...piecesOf(run, indices));
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
