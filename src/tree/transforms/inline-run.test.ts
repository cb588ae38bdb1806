import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../types.ts';
import {
  applyEdits,
  type Edit,
  flattenRun,
  IN_SUPERSCRIPT,
  RAISE,
  rebuildRun,
  runText,
} from './inline-run.ts';

const t = (value: string): Inline => ({ type: 'text', value });

/** The values of the text nodes, in order. */
const texts = (inlines: readonly Inline[]): string =>
  inlines
    .map((node) =>
      node.type === 'text'
        ? node.value
        : 'children' in node && node.type !== 'footnote'
          ? texts(node.children)
          : '',
    )
    .join('');

const inline: fc.Arbitrary<Inline> = fc.letrec<{ node: Inline }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 6 }).map(t),
    fc.constant<Inline>({ type: 'break' }),
    fc.array(tie('node'), { maxLength: 3 }).map((children): Inline => ({ type: 'strong', children })),
    fc.array(tie('node'), { maxLength: 3 }).map((children): Inline => ({ type: 'superscript', children })),
  ),
})).node;

describe('flattenRun', () => {
  it('gives one code unit per character, owned by its text node, and flags superscripts', () => {
    const run = flattenRun([
      t('ab'),
      { type: 'break' },
      { type: 'superscript', children: [t('e')] },
      { type: 'footnote', label: '1', children: [t('note')] },
    ]);
    expect(runText(run)).toBe('ab\ne\uFFFC');
    expect([...run.owners]).toEqual([0, 0, -1, 1, -1]);
    expect([...run.flags]).toEqual([0, 0, 0, IN_SUPERSCRIPT, 0]);
  });

  it('rebuilds the very same inlines when nothing changed', () => {
    fc.assert(
      fc.property(fc.array(inline, { maxLength: 5 }), (inlines) => {
        expect(rebuildRun(inlines, flattenRun(inlines))).toBe(inlines);
      }),
    );
  });
});

describe('applyEdits', () => {
  it('puts new characters in the node of their anchor and keeps the others shared', () => {
    const first = t('OBJET');
    const inlines: Inline[] = [{ type: 'strong', children: [first] }, t(': x')];
    const run = flattenRun(inlines);
    const edited = applyEdits(run, [{ kind: 'replace', start: 5, end: 5, text: '\u00A0', ownerAt: 5 }]);
    const rebuilt = rebuildRun(inlines, edited);
    expect(rebuilt[0]).toBe(inlines[0]);
    expect(rebuilt[1]).toEqual(t('\u00A0: x'));
  });

  it('raises a range into a superscript, and the first of two overlapping edits wins', () => {
    const inlines = [t('1er mars')];
    const run = flattenRun(inlines);
    const edits: Edit[] = [
      { kind: 'raise', start: 1, end: 3 },
      { kind: 'replace', start: 2, end: 3, text: 'X', ownerAt: 2 },
    ];
    const edited = applyEdits(run, edits);
    expect(runText(edited)).toBe('1er mars');
    expect([...edited.flags].slice(0, 4)).toEqual([0, RAISE, RAISE, 0]);
    expect(rebuildRun(inlines, edited)).toEqual([
      t('1'),
      { type: 'superscript', children: [t('er')] },
      t(' mars'),
    ]);
  });

  it('edits the text as string splicing would, whatever the nodes', () => {
    const edit = (length: number) =>
      fc.tuple(fc.nat(length), fc.nat(2), fc.string({ maxLength: 3 })).map(([start, span, text]): Edit => {
        const end = Math.min(length, start + span);
        return { kind: 'replace', start, end, text, ownerAt: Math.min(start, length - 1) };
      });
    fc.assert(
      fc.property(
        fc.array(inline, { minLength: 1, maxLength: 5 }).chain((inlines) => {
          const length = runText(flattenRun(inlines)).length;
          return fc.tuple(
            fc.constant(inlines),
            length === 0 ? fc.constant([]) : fc.array(edit(length), { maxLength: 4 }),
          );
        }),
        ([inlines, edits]) => {
          const run = flattenRun(inlines);
          const edited = applyEdits(run, edits);
          // The same edits on the string: sorted, an overlapping one skipped.
          let expected = '';
          let at = 0;
          for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
            if (e.start < at || e.kind !== 'replace') continue;
            expected += run.text.slice(at, e.start) + e.text;
            at = e.end;
          }
          expected += run.text.slice(at);
          expect(runText(edited)).toBe(expected);
          expect(edited.owners.length).toBe(expected.length);
          // What goes back into the nodes: every character owned by a text node.
          let kept = '';
          for (let i = 0; i < expected.length; i++)
            if ((edited.owners[i] as number) >= 0) kept += expected[i];
          expect(texts(rebuildRun(inlines, edited))).toBe(kept);
        },
      ),
    );
  });
});
