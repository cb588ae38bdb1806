/**
 * Tagged-PDF helpers: structure elements created at layout time (in reading order), content
 * marked and attached to them at drawing time, artifacts for what is not content.
 *
 * @example
 * const p = tag(doc, parent, 'P');
 * marked(doc, p, () => doc.text('Bonjour', 72, 72));
 */
import type { PdfDoc, StructElement } from './pdfkit.ts';

/** A structure element and its type name. */
export interface Tag {
  readonly type: string;
  readonly element: StructElement;
}

/** Where a new structure element goes: the document root or a parent element. */
export type StructParent = (element: StructElement) => void;

export function rootParent(doc: PdfDoc): StructParent {
  return (element) => {
    doc.addStructure(element);
  };
}

export function childParent(parent: Tag): StructParent {
  return (element) => {
    parent.element.add(element);
  };
}

/** Creates a structure element of `type` under `parent`. */
export function tag(
  doc: PdfDoc,
  parent: StructParent,
  type: string,
  options?: PDFKit.Mixins.StructureElementOptions,
): Tag {
  const element = doc.struct(type, options);
  parent(element);
  return { type, element };
}

/** Draws inside a marked-content sequence attached to `target`, or as an artifact (pagination or layout). */
export function marked(doc: PdfDoc, target: Tag | 'artifact' | 'layout', draw: () => void): void {
  if (target === 'artifact' || target === 'layout') {
    doc.markContent('Artifact', { type: target === 'artifact' ? 'Pagination' : 'Layout' });
    draw();
    doc.endMarkedContent();
    return;
  }
  const content = doc.markStructureContent(target.type);
  draw();
  doc.endMarkedContent();
  target.element.add(content);
}
