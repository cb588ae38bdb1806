/**
 * Word numbering for lists, from the theme's one numbering description (the PDF draws the same
 * labels): one bullet definition, one ordered definition per distinct start number of the tree
 * (Word keeps `start` on the definition, at every level), and a fresh instance per list so each
 * ordered list, nested or not, counts from its own start.
 *
 * @example
 * numberingConfig(doc.children, theme) // [{ reference: 'puces', levels }, { reference: 'numeros-1', levels }]
 */
import { AlignmentType, LevelFormat, type NumberingDefinition } from 'docx';
import type { Block } from '../../tree/types.ts';
import type { CounterFormat, Theme } from '../theme.ts';
import { listsInOrder } from './lists.ts';
import { twips } from './units.ts';

export const BULLET_REFERENCE = 'puces';

export function orderedReference(start: number): string {
  return `numeros-${start}`;
}

const FORMATS = {
  decimal: LevelFormat.DECIMAL,
  lowerLetter: LevelFormat.LOWER_LETTER,
  upperLetter: LevelFormat.UPPER_LETTER,
  lowerRoman: LevelFormat.LOWER_ROMAN,
  upperRoman: LevelFormat.UPPER_ROMAN,
} as const satisfies Record<CounterFormat, (typeof LevelFormat)[keyof typeof LevelFormat]>;
const LEVELS = 6;

function indent(level: number, theme: Theme) {
  // As the PDF: the label ends 6 pt before the item's text, which is one list indent further in.
  const step = twips(theme.list.indent);
  return { left: step * (level + 1), hanging: step - twips(6) };
}

/** The numbering definitions a tree needs. */
export function numberingConfig(
  blocks: readonly Block[],
  theme: Theme,
  /** The document's own bullets by depth (`DocumentTree.bullets`), as the PDF draws them. */
  own?: readonly string[],
): NumberingDefinition[] {
  const starts = [
    ...new Set(
      listsInOrder(blocks)
        .filter((l) => l.ordered)
        .map((l) => l.start),
    ),
  ].sort((a, b) => a - b);
  const levels = Array.from({ length: LEVELS }, (_, level) => level);
  const { ordered } = theme.list.numbering;
  const bullets = own ?? theme.list.numbering.bullets;
  return [
    {
      reference: BULLET_REFERENCE,
      levels: levels.map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: bullets[level % bullets.length] ?? '•',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: indent(level, theme) } },
      })),
    },
    ...starts.map((start) => ({
      reference: orderedReference(start),
      levels: levels.map((level) => {
        const kind = ordered[level % ordered.length] ?? { format: 'decimal', suffix: '.' };
        return {
          level,
          format: FORMATS[kind.format],
          text: `%${level + 1}${kind.suffix}`,
          // Each list is its own instance at one level: a nested list counts from its own start too.
          start: Math.max(0, start),
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
