/**
 * Checks every signature of a PDF: the byte range (it must cover the whole file as it was at that
 * revision, the hole being exactly the `/Contents` string), the SHA-256 digest, the RSA signature
 * over the signed attributes, the signing-certificate-v2 attribute, and whether bytes were added
 * after the last signature.
 *
 * @example
 * const report = verifyPdf(bytes);
 * report.intact // true when every signature checks out and nothing follows the last one
 */
import { createHash } from 'node:crypto';
import { checkCades } from './cms.ts';
import { listSignatureFields } from './fields.ts';
import { readPdfStructure } from './pdf-file.ts';
import { decodeText, get, PdfString } from './pdf-syntax.ts';

export interface SignatureReport {
  /** Field name (`signature-1`) and label (« Nom – qualité »). */
  readonly champ: string;
  readonly signataire: string;
  readonly signe: boolean;
  readonly sujet?: string;
  readonly emetteur?: string;
  /** ISO 8601, from `/M` (or the CMS signing-time). */
  readonly date?: string;
  readonly subFilter?: string;
  readonly byteRange?: readonly number[];
  /** The byte range covers the file up to the end of a revision, with only the signature left out. */
  readonly couvertureRevision: boolean;
  readonly empreinte: boolean;
  readonly signatureValide: boolean;
  readonly certificatSignataire: boolean;
  readonly intacte: boolean;
  /** Why not intact, in French. */
  readonly problemes: readonly string[];
}

export interface VerifyReport {
  readonly signatures: readonly SignatureReport[];
  /** Bytes after the end of the last signed revision. */
  readonly modifieApresDerniereSignature: boolean;
  /** Every signed field is intact, at least one exists, and nothing follows the last one. */
  readonly intact: boolean;
  /** Why the file could not be read at all. */
  readonly erreur?: string;
}

function pdfDateToIso(text: string | undefined): string | undefined {
  const m = text && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-3, -1).replace("'", '')}`;
  const date = new Date(
    `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`,
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Verifies the bytes of a PDF (never throws on a damaged file: it reports it).
 *
 * @example
 * verifyPdf(readFileSync('convention.pdf')).signatures.map((s) => s.intacte) // [true, true]
 */
export function verifyPdf(bytes: Uint8Array): VerifyReport {
  let pdf: ReturnType<typeof readPdfStructure>;
  try {
    pdf = readPdfStructure(bytes);
  } catch (error) {
    return {
      signatures: [],
      modifieApresDerniereSignature: true,
      intact: false,
      erreur: `Structure du PDF illisible : ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const signatures: SignatureReport[] = [];
  let lastEnd = 0;
  for (const field of listSignatureFields(pdf)) {
    const base = { champ: field.name, signataire: field.label };
    const sig = field.signature;
    if (!sig) {
      signatures.push({
        ...base,
        signe: false,
        couvertureRevision: false,
        empreinte: false,
        signatureValide: false,
        certificatSignataire: false,
        intacte: false,
        problemes: [],
      });
      continue;
    }
    const problems: string[] = [];
    const range = (get.array(sig, 'ByteRange') ?? []).filter((v): v is number => typeof v === 'number');
    const contents = sig.get('Contents');
    const [a = -1, b = -1, c = -1, d = -1] = range;
    const wellFormed =
      range.length === 4 &&
      a === 0 &&
      b > 0 &&
      c > b &&
      d >= 0 &&
      c + d <= bytes.length &&
      bytes[b] === 0x3c &&
      bytes[c - 1] === 0x3e;
    const end = c + d;
    const covers = wellFormed && pdf.revisionEnds.includes(end);
    if (!wellFormed) problems.push('plage d’octets signée incorrecte');
    else if (!covers) problems.push('la plage signée ne s’arrête pas à la fin d’une révision');
    if (wellFormed) lastEnd = Math.max(lastEnd, end);
    const digest = wellFormed
      ? createHash('sha256').update(bytes.subarray(0, b)).update(bytes.subarray(c, end)).digest()
      : Buffer.alloc(32);
    const cms = checkCades(contents instanceof PdfString ? contents.bytes : new Uint8Array(), digest);
    if (cms.error) problems.push(`signature illisible (${cms.error})`);
    else {
      if (!cms.digestOk) problems.push('l’empreinte ne correspond pas : le document a été modifié');
      if (!cms.signatureOk) problems.push('la signature ne correspond pas au certificat');
      if (!cms.signingCertificateOk) problems.push('attribut signing-certificate-v2 absent ou incorrect');
    }
    const date = pdfDateToIso(decodeText(sig.get('M'))) ?? cms.signingTime?.toISOString();
    const subFilter = get.name(sig, 'SubFilter');
    signatures.push({
      ...base,
      signe: true,
      ...(cms.certificate
        ? {
            sujet: cms.certificate.subject.replace(/\n/g, ', '),
            emetteur: cms.certificate.issuer.replace(/\n/g, ', '),
          }
        : {}),
      ...(date ? { date } : {}),
      ...(subFilter ? { subFilter } : {}),
      byteRange: range,
      couvertureRevision: covers,
      empreinte: cms.digestOk,
      signatureValide: cms.signatureOk,
      certificatSignataire: cms.signingCertificateOk,
      intacte: problems.length === 0,
      problemes: problems,
    });
  }
  const signed = signatures.filter((s) => s.signe);
  const modified = signed.length > 0 && lastEnd !== bytes.length;
  return {
    signatures,
    modifieApresDerniereSignature: modified,
    intact: signed.length > 0 && signed.every((s) => s.intacte) && !modified,
  };
}
