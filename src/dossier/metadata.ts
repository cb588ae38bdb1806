/**
 * The dossier's metadata: Info dictionary and XMP packet (same title, author, dates), language,
 * a file identifier derived from the content (same bytes across runs), and the PDF/A-3b marker.
 *
 * @example
 * writeMetadata(out, { meta, creationDate, digest, pdfa: true });
 */
import {
  decodePDFRawStream,
  ParseSpeeds,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
} from 'pdf-lib';
import { escapeXml } from '../render/pdf/xmp.ts';
import type { DocumentMeta } from '../tree/types.ts';

export interface MetadataOptions {
  readonly meta: DocumentMeta;
  readonly creationDate: Date;
  /** Hex digest of everything the dossier holds: its file identifier. */
  readonly digest: string;
  readonly pdfa: boolean;
}

export const PRODUCER = 'delib (pdf-lib)';

function xmp(options: MetadataOptions): string {
  const { meta } = options;
  const date = options.creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const e = escapeXml;
  const pdfaid = options.pdfa
    ? `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.title)}</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>${e(meta.author)}</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.subject)}</rdf:li></rdf:Alt></dc:description><dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language></rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>delib</xmp:CreatorTool><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${PRODUCER}</pdf:Producer><pdf:Keywords>${e(meta.keywords.join(', '))}</pdf:Keywords></rdf:Description>
${pdfaid}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export function writeMetadata(out: PDFDocument, options: MetadataOptions): void {
  const { meta, creationDate } = options;
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setAuthor(meta.author);
  out.setSubject(meta.subject);
  out.setKeywords([...meta.keywords]);
  out.setCreator('delib');
  out.setProducer(PRODUCER);
  out.setCreationDate(creationDate);
  out.setModificationDate(creationDate);
  out.setLanguage(meta.language);
  const { context } = out;
  const stream = context.stream(xmp(options), { Type: 'Metadata', Subtype: 'XML' });
  out.catalog.set(PDFName.of('Metadata'), context.register(stream));
  const id = PDFHexString.of(options.digest.slice(0, 32));
  context.trailerInfo.ID = context.obj([id, id]);
}

/** Whether a PDF declares PDF/A conformance in its XMP metadata. */
export function declaresPdfa(metadataXml: string | undefined): boolean {
  return metadataXml !== undefined && /pdfaid:part(?:>|\s*=\s*["'])\s*[123]/.test(metadataXml);
}

/** How pdf-lib reads a PDF here: at once (no yielding between objects), metadata untouched. */
export const LOAD_OPTIONS = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

/** The XMP packet of a PDF, if it has a readable one. */
export function metadataXml(doc: PDFDocument): string | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    return new TextDecoder().decode(decodePDFRawStream(stream).decode());
  } catch {
    return undefined;
  }
}
