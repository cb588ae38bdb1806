/**
 * Checks every signature of a PDF: the byte range (it must cover the whole file as it was at that
 * revision, the hole being exactly the `/Contents` string and nothing else), the digest and the
 * signature with the algorithms the signature names, the signing-certificate-v2 attribute, and
 * what each later update changed: only further signatures, or modifications reported one by one
 * (« modifié après la signature de … »). Never throws: a damaged or hostile file is a verdict.
 *
 * @example
 * const report = verifyPdf(bytes);
 * report.intact // true when every signature checks out and nothing but signatures follows them
 */
import { createHash } from 'node:crypto';
import { type CadesCheck, checkCades } from './cms-check.ts';
import { frenchReason } from './errors.ts';
import { listSignatureFields, type SignatureField } from './fields.ts';
import { type PdfStructure, readPdfStructure } from './pdf-file.ts';
import { decodeText, get, PdfString, PdfSyntaxError } from './pdf-syntax.ts';
import { changesAfter, type Hole } from './revisions.ts';

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
  /** « SHA-256, RSA 2048 bits ». */
  readonly algorithme?: string;
  readonly byteRange?: readonly number[];
  /** The byte range covers the file up to the end of a revision, with only the signature left out. */
  readonly couvertureRevision: boolean;
  readonly empreinte: boolean;
  readonly signatureValide: boolean;
  readonly certificatSignataire: boolean;
  /** The signature itself checks out (whatever was added after it). */
  readonly intacte: boolean;
  /** Why not intact, in French. */
  readonly problemes: readonly string[];
  /** Signatures added after this one (labels). */
  readonly signaturesApres: readonly string[];
  /** What else was changed after this signature, in French. */
  readonly modificationsApres: readonly string[];
  /** One line, in French: « signature intacte », « signature invalide : … », « modifié après la signature de … : … ». */
  readonly verdict: string;
}

export interface VerifyReport {
  readonly signatures: readonly SignatureReport[];
  /** Anything but further signatures after a signature, or bytes after the last one. */
  readonly modifieApresDerniereSignature: boolean;
  /** Bytes after the end of the last signed revision (0 when none). */
  readonly octetsApresDerniereSignature: number;
  /** Every signed field is intact, at least one exists, and nothing but signatures follows them. */
  readonly intact: boolean;
  /** Why the file could not be read at all (« fichier endommagé : … »). */
  readonly erreur?: string;
  /** One line, in French. */
  readonly verdict: string;
}

/** Largest PDF verified (bigger files are refused before being read). */
export const MAX_VERIFY_BYTES = 200 * 1024 * 1024;

function pdfDateToIso(text: string | undefined): string | undefined {
  const m = text && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-3, -1).replace("'", '')}`;
  const date = new Date(
    `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`,
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const message = (error: unknown) => frenchReason(error, 'structure incorrecte');

const unsignedReport = (field: SignatureField): SignatureReport => ({
  champ: field.name,
  signataire: field.label,
  signe: false,
  couvertureRevision: false,
  empreinte: false,
  signatureValide: false,
  certificatSignataire: false,
  intacte: false,
  problemes: [],
  signaturesApres: [],
  modificationsApres: [],
  verdict: 'non signé',
});

interface SignedRange {
  readonly range: readonly number[];
  readonly wellFormed: boolean;
  readonly hole?: Hole;
  readonly end: number;
}

function readRange(bytes: Uint8Array, field: SignatureField): SignedRange {
  const raw = get.array(field.signature, 'ByteRange') ?? [];
  const range = raw.filter((v): v is number => typeof v === 'number');
  const [a = -1, b = -1, c = -1, d = -1] = range;
  const wellFormed =
    raw.length === 4 &&
    range.length === 4 &&
    range.every((n) => Number.isSafeInteger(n)) &&
    a === 0 &&
    b > 0 &&
    c > b + 1 &&
    d >= 0 &&
    c + d <= bytes.length;
  return wellFormed
    ? { range, wellFormed, hole: { from: b, to: c }, end: c + d }
    : { range, wellFormed, end: 0 };
}

/** Problems with the hole: it must be exactly the hexadecimal `/Contents` of this signature. */
function holeProblems(
  bytes: Uint8Array,
  hole: Hole,
  contents: Uint8Array | undefined,
  pdf: PdfStructure,
  field: SignatureField,
): string[] {
  const text = Buffer.from(bytes.subarray(hole.from, hole.to)).toString('latin1');
  if (!/^<[0-9A-Fa-f]*>$/.test(text)) {
    return [`la partie non signée (octets ${hole.from} à ${hole.to}) contient autre chose que la signature`];
  }
  const hex = text.slice(1, -1);
  const decoded = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  if (!contents || !decoded.equals(Buffer.from(contents))) {
    return ['la partie non signée n’est pas la signature (/Contents) de ce champ'];
  }
  const entry = field.signatureRef ? pdf.entries.get(field.signatureRef.num) : undefined;
  // A signature dictionary is read from the file's bytes, where its /ByteRange points, never
  // from a compressed object stream.
  if (entry && entry.kind !== 'offset')
    return ['le dictionnaire de signature n’est pas lu là où pointe sa plage signée'];
  const at = entry?.offset;
  if (at !== undefined && at > hole.from)
    return ['le dictionnaire de signature n’entoure pas la partie non signée'];
  return [];
}

function describeCms(cms: CadesCheck, problems: string[]): void {
  if (cms.error) problems.push(`signature illisible : ${cms.error}`);
  else if (cms.unsupported) problems.push(`signature non vérifiable : ${cms.unsupported} non pris en charge`);
  else {
    if (!cms.digestOk) problems.push('l’empreinte ne correspond pas : le document a été modifié');
    if (!cms.signatureOk) problems.push('la signature ne correspond pas au certificat');
    if (!cms.signingCertificateOk) problems.push('attribut signing-certificate-v2 absent ou incorrect');
  }
}

function checkField(
  bytes: Uint8Array,
  pdf: PdfStructure,
  field: SignatureField,
  holes: readonly Hole[],
): SignatureReport {
  const sig = field.signature!;
  const problems: string[] = [];
  const { range, wellFormed, hole, end } = readRange(bytes, field);
  const contents = sig.get('Contents');
  const contentBytes = contents instanceof PdfString ? contents.bytes : undefined;
  if (!wellFormed || !hole) problems.push('plage d’octets signée incorrecte');
  else problems.push(...holeProblems(bytes, hole, contentBytes, pdf, field));
  const covers = wellFormed && pdf.revisionEnds.includes(end);
  if (wellFormed && !covers) problems.push('la plage signée ne s’arrête pas à la fin d’une révision');
  const cms: CadesCheck =
    wellFormed && hole
      ? checkCades(contentBytes ?? new Uint8Array(), (hash) =>
          createHash(hash).update(bytes.subarray(0, hole.from)).update(bytes.subarray(hole.to, end)).digest(),
        )
      : { digestOk: false, signatureOk: false, signingCertificateOk: false, error: 'plage d’octets absente' };
  describeCms(cms, problems);
  let after = { signatures: [] as readonly string[], modifications: [] as readonly string[] };
  if (covers) {
    try {
      after = changesAfter(readPdfStructure(bytes.subarray(0, end)), pdf, holes);
    } catch (error) {
      after = { signatures: [], modifications: [`fichier endommagé après la signature : ${message(error)}`] };
    }
  }
  const date = pdfDateToIso(decodeText(sig.get('M'))) ?? cms.signingTime?.toISOString();
  const subFilter = get.name(sig, 'SubFilter');
  const intacte = problems.length === 0;
  const changedAfter =
    after.modifications.length > 0
      ? `modifié après la signature de ${field.label} : ${after.modifications.join(' ; ')}`
      : '';
  const verdict = !intacte
    ? `signature invalide : ${problems.join(' ; ')}${changedAfter ? ` ; ${changedAfter}` : ''}`
    : changedAfter ||
      (after.signatures.length > 0
        ? `signature intacte, suivie uniquement de la signature de ${after.signatures.join(', ')}`
        : 'signature intacte');
  return {
    champ: field.name,
    signataire: field.label,
    signe: true,
    ...(cms.certificate
      ? {
          sujet: cms.certificate.subject.replace(/\n/g, ', '),
          emetteur: cms.certificate.issuer.replace(/\n/g, ', '),
        }
      : {}),
    ...(date ? { date } : {}),
    ...(subFilter ? { subFilter } : {}),
    ...(cms.algorithm ? { algorithme: cms.algorithm } : {}),
    byteRange: range,
    couvertureRevision: covers,
    empreinte: cms.digestOk,
    signatureValide: cms.signatureOk,
    certificatSignataire: cms.signingCertificateOk,
    intacte,
    problemes: problems,
    signaturesApres: after.signatures,
    modificationsApres: after.modifications,
    verdict,
  };
}

const damaged = (error: unknown): VerifyReport => {
  const what =
    error instanceof PdfSyntaxError && error.unsupported ? 'Fichier non pris en charge' : 'Fichier endommagé';
  return {
    signatures: [],
    modifieApresDerniereSignature: false,
    octetsApresDerniereSignature: 0,
    intact: false,
    erreur: `${what.toLowerCase()} : ${message(error)}`,
    verdict: `${what} : ${message(error)} ; signatures non vérifiées.`,
  };
};

/**
 * Verifies the bytes of a PDF. Never throws: a damaged file is reported as such.
 *
 * @example
 * verifyPdf(readFileSync('convention.pdf')).signatures.map((s) => s.verdict) // ['signature intacte, suivie …', 'signature intacte']
 */
export function verifyPdf(bytes: Uint8Array): VerifyReport {
  try {
    return verifyStructure(bytes, readPdfStructure(bytes));
  } catch (error) {
    return damaged(error);
  }
}

function verifyStructure(bytes: Uint8Array, pdf: PdfStructure): VerifyReport {
  const fields = listSignatureFields(pdf);
  const holes = fields.flatMap((f) => {
    const r = f.signature ? readRange(bytes, f) : undefined;
    return r?.hole ? [r.hole] : [];
  });
  const signatures = fields.map((field) =>
    field.signature ? checkField(bytes, pdf, field, holes) : unsignedReport(field),
  );
  const signed = signatures.filter((s) => s.signe);
  const lastEnd = Math.max(
    0,
    ...signed.map((s) => (s.couvertureRevision ? s.byteRange![2]! + s.byteRange![3]! : 0)),
  );
  const trailing = signed.length > 0 ? bytes.length - lastEnd : 0;
  const last = signed.find((s) => s.couvertureRevision && s.byteRange![2]! + s.byteRange![3]! === lastEnd);
  const modified = trailing > 0 || signed.some((s) => s.modificationsApres.length > 0);
  const intact = signed.length > 0 && signed.every((s) => s.intacte) && !modified;
  const invalid = signed.find((s) => !s.intacte);
  const changed = signed.find((s) => s.intacte && s.modificationsApres.length > 0);
  const verdict =
    signed.length === 0
      ? 'Aucune signature.'
      : intact
        ? `Toutes les signatures sont intactes (${signed.length}).`
        : invalid
          ? `Signature invalide (${invalid.signataire}).`
          : changed
            ? `Document modifié après la signature de ${changed.signataire}.`
            : `Contenu ajouté après la signature${last ? ` de ${last.signataire}` : ''} : ${trailing} octets non signés à la fin du fichier.`;
  return {
    signatures,
    modifieApresDerniereSignature: modified,
    octetsApresDerniereSignature: trailing,
    intact,
    verdict,
  };
}
