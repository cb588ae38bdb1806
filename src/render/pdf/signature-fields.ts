/**
 * Empty signature fields over the signing room of each signatory: an AcroForm `/Sig` field named
 * after the signatory id (`signature-1`, `signature-president`), its widget at the signature box,
 * so that any PDF reader or parapheur (and `delib sign`) can sign the block. Each widget has an
 * empty printable appearance (PDF/A wants `/AP` and the Print flag on every widget).
 *
 * @example
 * addSignatureFields(doc, signatureBoxes); // before doc.end()
 */
import type { PdfDoc } from './pdfkit.ts';
import type { SignatureBox } from './types.ts';

/** Annotation flag « Print » (PDF 32000-1, table 165); PDF/A forbids Hidden/NoView. */
const PRINT = 4;

interface PageWithDictionary {
  readonly dictionary: PDFKit.PDFKitReference;
  readonly height: number;
  readonly annotations: PDFKit.PDFKitReference[];
}

/** pdfkit's private form state: `doc.end()` ends the AcroForm (and writes DR) when it is set. */
interface DocWithForm {
  readonly _root: { readonly data: Record<string, unknown> };
  _acroform?: { readonly fonts: Record<string, unknown>; readonly defaultFont: string };
}

/** The alternate field name a reader shows: « Nom – qualité » or the field id. */
function userName(box: SignatureBox): string {
  const parts = [box.nom, box.qualite].filter((p): p is string => p !== undefined && p.trim() !== '');
  return parts.length > 0 ? parts.join(' – ') : box.id;
}

/**
 * Adds one unsigned signature field per box (boxes in signing order) and the AcroForm listing
 * them. Does nothing without boxes. Switches pages: call it after the content is drawn.
 *
 * @example
 * addSignatureFields(doc, [{ id: 'signature-1', page: 0, x: 80, y: 600, width: 150, height: 60 }]);
 */
export function addSignatureFields(doc: PdfDoc, boxes: readonly SignatureBox[]): void {
  if (boxes.length === 0) return;
  const fields: PDFKit.PDFKitReference[] = [];
  for (const box of boxes) {
    doc.switchToPage(box.page);
    const page = doc.page as unknown as PageWithDictionary;
    const appearance = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, box.width, box.height],
      Resources: {},
    });
    // pdfkit writes no stream for empty data: a no-op content keeps the XObject a stream.
    appearance.end('q Q');
    const bottom = page.height - box.y - box.height;
    const field = doc.ref({
      FT: 'Sig',
      T: new String(box.id),
      TU: new String(userName(box)),
      Type: 'Annot',
      Subtype: 'Widget',
      Rect: [box.x, bottom, box.x + box.width, bottom + box.height],
      F: PRINT,
      P: page.dictionary,
      AP: { N: appearance },
    });
    (field as unknown as { end(): void }).end();
    page.annotations.push(field);
    fields.push(field);
  }
  // Not ended here: pdfkit's own end() ends the AcroForm and reads these private fields.
  const form = doc as unknown as DocWithForm;
  form._acroform = { fonts: {}, defaultFont: 'none' };
  form._root.data.AcroForm = doc.ref({ Fields: fields, DR: { Font: {} } });
}
