/**
 * Word numbering for lists: one bullet definition, one ordered definition per distinct start
 * number of the tree (Word keeps `start` on the definition), and a fresh instance per list so each
 * ordered list counts from its own start.
 *
 * @example
 * numberingConfig(doc.children, theme) // [{ reference: 'puces', levels }, { reference: 'numeros-1', levels }]
 */
import { AlignmentType, LevelFormat, type NumberingDefinition } from 'docx';
import type { Block } from '../../tree/types.ts';
import type { Theme } from '../theme.ts';
import { listsInOrder } from './lists.ts';
import { twips } from './units.ts';

export const BULLET_REFERENCE = 'puces';

export function orderedReference(start: number): string {
  return `numeros-${start}`;
}

const BULLETS = ['•', '–', '◦'] as const;
const ORDERED = [
  { format: LevelFormat.DECIMAL, text: (n: number) => `%${n}.` },
  { format: LevelFormat.LOWER_LETTER, text: (n: number) => `%${n})` },
  { format: LevelFormat.LOWER_ROMAN, text: (n: number) => `%${n}.` },
] as const;
const LEVELS = 6;

function indent(level: number, theme: Theme) {
  // As the PDF: the label ends 6 pt before the item's text, which is one list indent further in.
  const step = twips(theme.list.indent);
  return { left: step * (level + 1), hanging: step - twips(6) };
}

/** The numbering definitions a tree needs. */
export function numberingConfig(blocks: readonly Block[], theme: Theme): NumberingDefinition[] {
  const starts = [
    ...new Set(
      listsInOrder(blocks)
        .filter((l) => l.ordered)
        .map((l) => l.start),
    ),
  ].sort((a, b) => a - b);
  const levels = Array.from({ length: LEVELS }, (_, level) => level);
  return [
    {
      reference: BULLET_REFERENCE,
      levels: levels.map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length]!,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: indent(level, theme) } },
      })),
    },
    ...starts.map((start) => ({
      reference: orderedReference(start),
      levels: levels.map((level) => {
        const kind = ORDERED[level % ORDERED.length]!;
        return {
          level,
          format: kind.format,
          text: kind.text(level + 1),
          start: level === 0 ? Math.max(0, start) : 1,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level, theme) } },
        };
      }),
    })),
  ];
}

/** Left indent of a list item's later paragraphs (no bullet), aligned with the item's text. */
export function listTextIndent(level: number, theme: Theme): number {
  return indent(level, theme).left;
}
