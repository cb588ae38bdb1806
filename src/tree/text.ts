/**
 * Plain text of a tree, in reading order: what a reader extracts from the rendered document.
 *
 * Blocks are separated by newlines; soft hyphens (U+00AD) are dropped; U+00A0 and U+202F are
 * kept (use `foldSpaces` before comparing with text extracted from a PDF or DOCX).
 *
 * @example
 * treeText(doc) // 'CONSEIL MUNICIPAL\nSéance du 23 mars 2023\n…'
 */
import { signatureReadingOrder } from './signature-rows.ts';
import type { Block, DocumentTree, Inline } from './types.ts';

export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += node.value.replaceAll('\u00AD', '');
        break;
      case 'break':
        out += '\n';
        break;
      case 'footnote':
        // The mark where the note is called; its text is at the page foot (see footnoteTexts).
        out += node.label;
        break;
      case 'pageRef':
        // A number only the layout knows: no text in the tree.
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(block.children)];
    case 'titleBlock':
    case 'keepTogether':
      return block.children.flatMap(blockLines);
    case 'list':
      return block.children.flatMap((item) => item.children.flatMap(blockLines));
    case 'table':
      return [block.head, ...block.body].flatMap((row) =>
        row.children.map((cell) => inlineText(cell.children)),
      );
    case 'signatures':
      // As the PDF and the DOCX read them: row by row.
      return signatureReadingOrder(block.children);
    case 'pageBreak':
      return [];
  }
}

/** The text of every block of the document body, one line per paragraph, cell or signature line. */
export function treeText(doc: DocumentTree): string {
  return doc.children.flatMap(blockLines).join('\n');
}

/** The notes of a run of inlines in reading order, each as « label text ». */
export function footnoteTexts(inlines: readonly Inline[]): string[] {
  return inlines.flatMap((node): string[] => {
    if (node.type === 'footnote')
      return [`${node.label} ${inlineText(node.children)}`, ...footnoteTexts(node.children)];
    if (node.type === 'text' || node.type === 'break' || node.type === 'pageRef') return [];
    return footnoteTexts(node.children);
  });
}

/** Folds U+00A0, U+202F and U+2009 to plain spaces, drops soft hyphens, and collapses whitespace. */
export function foldSpaces(text: string): string {
  return text
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .replaceAll('\u00AD', '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds every run of whitespace (newlines of a folded YAML value included) to one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
