/**
 * Inline nodes → docx runs. Marks (strong, emphasis, superscript, link) accumulate down the tree;
 * a run gets the character style of its most specific mark and direct formatting only for the
 * other marks, since a Word run holds a single character style.
 *
 * @example
 * inlineRuns([{ type: 'text', value: 'Bonjour' }]) // [TextRun]
 */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  PageReference,
  Paragraph,
  type ParagraphChild,
  SoftHyphen,
  Tab,
  TextRun,
} from 'docx';
import type { Inline } from '../../tree/types.ts';
import { characterStyles, footnoteStyleId } from './styles.ts';
import { textPieces } from './text.ts';

interface Marks {
  readonly strong: boolean;
  readonly emphasis: boolean;
  readonly superscript: boolean;
  readonly link: boolean;
}

const NO_MARKS: Marks = { strong: false, emphasis: false, superscript: false, link: false };

function runStyle(marks: Marks): {
  style?: string;
  bold?: boolean;
  italics?: boolean;
  superScript?: boolean;
} {
  const style = marks.link
    ? characterStyles.link.id
    : marks.superscript
      ? characterStyles.superscript.id
      : marks.strong
        ? characterStyles.strong.id
        : marks.emphasis
          ? characterStyles.emphasis.id
          : undefined;
  return {
    ...(style === undefined ? {} : { style }),
    ...(marks.strong && style !== characterStyles.strong.id ? { bold: true } : {}),
    ...(marks.emphasis && style !== characterStyles.emphasis.id ? { italics: true } : {}),
    ...(marks.superscript && style !== characterStyles.superscript.id ? { superScript: true } : {}),
  };
}

/** Text with each soft hyphen as Word's optional hyphen (`w:softHyphen`) between `w:t` pieces. */
function withSoftHyphens(value: string): (string | SoftHyphen)[] {
  return value
    .split('\u00AD')
    .flatMap((part, i) => [...(i > 0 ? [new SoftHyphen()] : []), ...(part === '' ? [] : [part])]);
}

function textRuns(value: string, marks: Marks): TextRun[] {
  const format = runStyle(marks);
  return textPieces(value).map((piece) => {
    switch (piece.kind) {
      case 'text':
        return piece.value.includes('\u00AD')
          ? new TextRun({ ...format, children: withSoftHyphens(piece.value) })
          : new TextRun({ ...format, text: piece.value });
      case 'tab':
        return new TextRun({ ...format, children: [new Tab()] });
      default: // break
        return new TextRun({ ...format, break: 1 });
    }
  });
}

type InlineHandler<T extends Inline['type']> = (
  node: Extract<Inline, { type: T }>,
  marks: Marks,
) => ParagraphChild[];

const handlers = {
  text: (node, marks) => textRuns(node.value, marks),
  strong: (node, marks) => runs(node.children, { ...marks, strong: true }),
  emphasis: (node, marks) => runs(node.children, { ...marks, emphasis: true }),
  superscript: (node, marks) => runs(node.children, { ...marks, superscript: true }),
  break: (_node, marks) => [new TextRun({ ...runStyle(marks), break: 1 })],
  link: (node, marks) => {
    const children = runs(node.children, { ...marks, link: true }).filter((c) => c instanceof TextRun);
    return [new ExternalHyperlink({ link: node.url, children })];
  },
  // A real Word footnote: Word numbers it (in reading order, as the PDF does) and sets its text
  // at the foot of the page.
  footnote: (node) => [
    new FootnoteReferenceRun({
      children: [new Paragraph({ style: footnoteStyleId, children: runs(node.children, NO_MARKS) })],
    }),
  ],
  // Word's PAGEREF field to the heading's bookmark (blocks.ts): Word and LibreOffice write the
  // page their own layout gives; its result is the PDF's number when the bundle laid it out
  // (`pageNumbers` in index.ts), else blank and dirty, so that Word fills it in on opening.
  pageRef: (node) => [new PageReference(node.target, { hyperlink: true })],
} satisfies { readonly [T in Inline['type']]: InlineHandler<T> };

function runs(nodes: readonly Inline[], marks: Marks): ParagraphChild[] {
  return nodes.flatMap((node) => (handlers[node.type] as InlineHandler<Inline['type']>)(node, marks));
}

/** The runs of a paragraph's inline content. */
export function inlineRuns(nodes: readonly Inline[]): ParagraphChild[] {
  return runs(nodes, NO_MARKS);
}
