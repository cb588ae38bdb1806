/**
 * The signature fields of a PDF (from its AcroForm), with the signatory each belongs to and the
 * signature dictionary when the field is signed.
 *
 * @example
 * listSignatureFields(readPdfStructure(bytes)).map((f) => f.name) // ['signature-1', 'signature-2']
 */
import type { PdfStructure } from './pdf-file.ts';
import { decodeText, get, type PdfDict, PdfRef } from './pdf-syntax.ts';

export interface SignatureField {
  /** Object number of the field (merged with its widget in delib's files). */
  readonly ref: PdfRef;
  readonly dict: PdfDict;
  /** The field name `/T` (`signature-1`). */
  readonly name: string;
  /** « Nom – qualité » from `/TU`, or the name. */
  readonly label: string;
  /** The signature dictionary `/V` when signed. */
  readonly signature?: PdfDict;
  readonly signatureRef?: PdfRef;
}

/** The AcroForm dictionary and whether it is an indirect object. */
export function acroForm(pdf: PdfStructure): { readonly dict: PdfDict; readonly ref?: PdfRef } | undefined {
  const catalog = pdf.object(pdf.root.num);
  if (!(catalog instanceof Map)) return undefined;
  const value = catalog.get('AcroForm');
  const dict = pdf.resolve(value);
  if (!(dict instanceof Map)) return undefined;
  return value instanceof PdfRef ? { dict, ref: value } : { dict };
}

/**
 * Every `/FT /Sig` field, in AcroForm order (delib writes them in the order of the signature
 * blocks).
 *
 * @example
 * listSignatureFields(pdf).filter((f) => !f.signature) // fields still to sign
 */
export function listSignatureFields(pdf: PdfStructure): SignatureField[] {
  const form = acroForm(pdf);
  const out: SignatureField[] = [];
  const seen = new Set<number>();
  const visit = (refs: readonly unknown[], depth: number) => {
    for (const item of refs) {
      // Each field once: a hostile /Kids graph (cycles, shared kids) cannot multiply the work.
      if (!(item instanceof PdfRef) || depth > 8 || seen.has(item.num)) continue;
      seen.add(item.num);
      const dict = pdf.object(item.num);
      if (!(dict instanceof Map)) continue;
      const kids = get.array(dict, 'Kids');
      if (kids) visit(kids, depth + 1);
      if (get.name(dict, 'FT') !== 'Sig') continue;
      const name = decodeText(dict.get('T')) ?? `champ-${item.num}`;
      const signatureRef = get.ref(dict, 'V');
      const signature = pdf.resolve(dict.get('V'));
      out.push({
        ref: item,
        dict,
        name,
        label: decodeText(dict.get('TU')) ?? name,
        ...(signature instanceof Map ? { signature } : {}),
        ...(signatureRef ? { signatureRef } : {}),
      });
    }
  };
  visit(get.array(form?.dict, 'Fields') ?? [], 0);
  return out;
}
