/**
 * Signs one signature field of a delib PDF with a PKCS#12 identity: a PAdES (ETSI.CAdES.detached)
 * signature written as an incremental update, so that the bytes of earlier revisions, and their
 * signatures, stay exactly as they were. Nothing is written to disk here: bytes in, bytes out.
 *
 * @example
 * const { bytes } = signPdf(pdf, { identity, signataire: '1', now: new Date(), file: 'convention.pdf' });
 */
import { createHash } from 'node:crypto';
import type { LoadedFont } from '../render/fonts.ts';
import { loadFonts } from '../render/fonts.ts';
import { signatureAppearance } from './appearance.ts';
import { buildCades, signingHash } from './cms.ts';
import { frenchReason, signError } from './errors.ts';
import { acroForm, listSignatureFields, type SignatureField } from './fields.ts';
import { type PdfStructure, readPdfStructure } from './pdf-file.ts';
import { decodeText, get, type PdfDict, PdfName, PdfRef, type PdfValue, serialize } from './pdf-syntax.ts';
import type { SigningIdentity } from './pkcs12.ts';
import { verifyPdf } from './verify.ts';

export interface SignOptions {
  readonly identity: SigningIdentity;
  /** 1-based number of the signature block, its field name, or the signatory's name. */
  readonly signataire: string;
  /** Signing time (the signature dictionary's `/M` and the appearance). */
  readonly now: Date;
  /** The file's name, for diagnostics. */
  readonly file: string;
  /** Face used for the appearance; default: delib's regular face. */
  readonly font?: LoadedFont;
  /** Sign even when the file was changed after an earlier signature (`--accepter-modifications`). */
  readonly acceptModifications?: boolean;
}

export interface SignResult {
  readonly bytes: Uint8Array;
  readonly field: string;
  readonly label: string;
}

/** Room for the CMS signature (hex doubles it): the chain plus the signature and attributes. */
function contentsSize(identity: SigningIdentity): number {
  return identity.certificate.length + identity.chain.reduce((n, c) => n + c.length, 0) + 4096;
}

const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The part of the field label before « – » (the name) and after it (the qualité). */
function splitLabel(field: SignatureField): { nom: string; qualite: string } {
  const [nom = field.label, ...rest] = field.label.split(' – ');
  return { nom, qualite: rest.join(' – ') };
}

/**
 * Finds the field `--signataire` designates: a number (1-based), a field name or a signatory name.
 *
 * @example
 * chooseField(fields, 'Philippe Laurent', 'convention.pdf').name // 'signature-2'
 */
export function chooseField(fields: readonly SignatureField[], wanted: string, file: string): SignatureField {
  const list = fields.map((f, i) => `${i + 1}. ${f.label} (${f.name})`).join(' ; ');
  if (/^\d+$/.test(wanted.trim())) {
    const field = fields[Number(wanted) - 1];
    if (!field) {
      throw signError(
        'sign.signatory',
        `Il n’y a pas de bloc de signature n° ${wanted.trim()}.`,
        file,
        `Blocs : ${list}.`,
      );
    }
    return field;
  }
  const key = fold(wanted);
  const matches = fields.filter(
    (f) => fold(f.name) === key || fold(f.label) === key || fold(splitLabel(f).nom) === key,
  );
  if (matches.length !== 1) {
    throw signError(
      'sign.signatory',
      matches.length === 0
        ? `Aucun bloc de signature ne correspond à « ${wanted} ».`
        : `Plusieurs blocs de signature correspondent à « ${wanted} ».`,
      file,
      `Indiquez le numéro ou le nom du champ. Blocs : ${list}.`,
    );
  }
  return matches[0]!;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function frenchDateTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `le ${part('day')} ${part('month')} ${part('year')} à ${part('hour')}:${part('minute')}`;
}

function checkDelib(pdf: PdfStructure, fields: readonly SignatureField[], file: string): void {
  const info = pdf.resolve(pdf.trailer.get('Info'));
  const creator = info instanceof Map ? decodeText(pdf.resolve(info.get('Creator'))) : undefined;
  if (creator !== 'delib' || fields.length === 0) {
    throw signError(
      'sign.not-delib',
      creator !== 'delib'
        ? 'Ce PDF n’a pas été produit par delib : il ne peut pas être signé ici.'
        : 'Ce PDF ne contient aucun champ de signature.',
      file,
      'Signez les documents produits par « delib build » (version avec champs de signature).',
    );
  }
}

/** Refuses a file whose earlier signatures are broken or that was changed since one of them. */
function checkUnmodified(input: Uint8Array, file: string): void {
  const report = verifyPdf(input);
  const signed = report.signatures.filter((s) => s.signe);
  if (signed.length === 0) return;
  const problems = [
    ...signed.filter((s) => !s.intacte || s.modificationsApres.length > 0).map((s) => `${s.verdict}`),
    ...(report.octetsApresDerniereSignature > 0
      ? [`${report.octetsApresDerniereSignature} octets ajoutés après la dernière signature`]
      : []),
  ];
  if (problems.length === 0) return;
  throw signError(
    'sign.modified',
    `Le document a été modifié depuis sa dernière signature : ${problems.join(' ; ')}.`,
    file,
    'Vérifiez-le avec « delib verify » ; pour le signer malgré tout, ajoutez --accepter-modifications.',
  );
}

/** Bytes of an incremental update, with the offset of each object written. */
class UpdateWriter {
  readonly chunks: Buffer[] = [];
  readonly offsets = new Map<number, number>();
  length: number;
  constructor(readonly base: number) {
    this.length = base;
  }
  write(data: string | Uint8Array): void {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  object(num: number, dict: string, stream?: Uint8Array): void {
    this.offsets.set(num, this.length);
    this.write(`${num} 0 obj\n${dict}\n`);
    if (stream) {
      this.write('stream\n');
      this.write(stream);
      this.write('\nendstream\n');
    }
    this.write('endobj\n');
  }
}

const withEntries = (dict: PdfDict, entries: Record<string, PdfValue>): PdfDict =>
  new Map([...dict, ...Object.entries(entries)]);

/**
 * Signs the chosen field. Throws DiagnosticError (`sign.not-delib`, `sign.signatory`,
 * `sign.already-signed`) when it cannot; the input bytes are never modified.
 *
 * @example
 * signPdf(bytes, { identity, signataire: 'signature-president', now, file }).field // 'signature-president'
 */
export function signPdf(input: Uint8Array, options: SignOptions): SignResult {
  const { file, identity, now } = options;
  let pdf: PdfStructure;
  try {
    pdf = readPdfStructure(input);
  } catch (error) {
    throw signError(
      'sign.not-delib',
      `Ce fichier n’est pas un PDF que delib sait signer (${frenchReason(error, 'structure incorrecte')}).`,
      file,
      'Signez les documents produits par « delib build ».',
    );
  }
  let fields: SignatureField[];
  try {
    fields = listSignatureFields(pdf);
  } catch (error) {
    throw signError(
      'sign.not-delib',
      `Ce PDF est endommagé : ${frenchReason(error, 'structure incorrecte')}.`,
      file,
      'Repartez du document produit par « delib build ».',
    );
  }
  checkDelib(pdf, fields, file);
  if (!options.acceptModifications) checkUnmodified(input, file);
  const field = chooseField(fields, options.signataire, file);
  if (field.signature) {
    throw signError(
      'sign.already-signed',
      `Le bloc « ${field.label} » (${field.name}) est déjà signé.`,
      file,
      'Choisissez un autre signataire, ou repartez du document non signé.',
    );
  }
  const rect = (get.array(field.dict, 'Rect') ?? []).filter((v): v is number => typeof v === 'number');
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
  const width = Math.abs(x2 - x1);
  const height = Math.abs(y2 - y1);
  const { qualite } = splitLabel(field);
  const lines = [
    'Signé électroniquement par',
    `${identity.commonName},`,
    ...(qualite ? [`${qualite},`] : []),
    frenchDateTime(now),
  ];
  const appearance = signatureAppearance(lines, width, height, options.font ?? loadFonts().regular);

  const separator = input[input.length - 1] === 0x0a ? '' : '\n';
  const writer = new UpdateWriter(input.length);
  writer.write(separator);
  let next = pdf.size;
  const signatureNum = next++;
  const appearanceNums = appearance.objects.map(() => next++);
  const resolveAt = (dict: string) =>
    dict.replace(/@(\d+)/g, (_, i: string) => `${appearanceNums[Number(i)]} 0 R`);

  const holder = Math.max(contentsSize(identity), 8192);
  const placeholder = `/ByteRange [0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
  const signatureDict = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${placeholder} /Contents <${'0'.repeat(holder * 2)}> /M ${serialize(decodeLatin(pdfDate(now)))} /Name ${serialize(textOf(identity.commonName))} /Reason ${serialize(textOf(`Signature de ${field.label}`))} >>`;
  writer.object(signatureNum, signatureDict);
  appearance.objects.forEach((o, i) => {
    writer.object(appearanceNums[i]!, resolveAt(o.dict), o.stream);
  });
  const signedField = withEntries(field.dict, {
    V: new PdfRef(signatureNum, 0),
    AP: new Map<string, PdfValue>([['N', new PdfRef(appearanceNums[0]!, 0)]]),
  });
  writer.object(field.ref.num, serialize(signedField));
  const form = acroForm(pdf);
  if (form?.ref) {
    writer.object(form.ref.num, serialize(withEntries(form.dict, { SigFlags: 3 })));
  } else if (form) {
    const catalog = pdf.object(pdf.root.num) as PdfDict;
    writer.object(
      pdf.root.num,
      serialize(withEntries(catalog, { AcroForm: withEntries(form.dict, { SigFlags: 3 }) })),
    );
  }

  const ids = get.array(pdf.trailer, 'ID');
  const firstId = ids?.[0] ?? decodeLatin('');
  const newId = createHash('md5').update(input).update(pdfDate(now)).update(field.name).digest('hex');
  const trailerEntries: [string, PdfValue][] = [
    ['Root', pdf.root],
    ...(pdf.trailer.has('Info') ? [['Info', pdf.trailer.get('Info') as PdfValue] as [string, PdfValue]] : []),
    ['ID', [firstId, hexString(newId)]],
    ['Prev', pdf.startxref],
  ];
  // A file whose last section is a cross-reference stream (PDF 1.5) is updated with one too.
  if (pdf.sections[0]?.stream) writeXrefStream(writer, next, trailerEntries);
  else writeXrefTable(writer, next, trailerEntries);

  const output = Buffer.concat([Buffer.from(input), ...writer.chunks]);
  return {
    bytes: fillSignature(output, input.length, placeholder, identity),
    field: field.name,
    label: field.label,
  };
}

/** Runs of consecutive object numbers: [[first, count], …]. */
function runs(nums: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const num of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === num) last[1]++;
    else out.push([num, 1]);
  }
  return out;
}

/** Ends the update with a classic `xref` table and its trailer. */
function writeXrefTable(writer: UpdateWriter, size: number, trailer: readonly [string, PdfValue][]): void {
  const xrefAt = writer.length;
  const nums = [...writer.offsets.keys()].sort((a, b) => a - b);
  writer.write('xref\n');
  for (const [first, count] of runs(nums)) {
    writer.write(`${first} ${count}\n`);
    for (let k = first; k < first + count; k++)
      writer.write(`${String(writer.offsets.get(k)).padStart(10, '0')} 00000 n \n`);
  }
  const dict = new Map<string, PdfValue>([['Size', size], ...trailer]);
  writer.write(`trailer\n${serialize(dict)}\nstartxref\n${xrefAt}\n%%EOF\n`);
}

/**
 * Ends the update with a cross-reference stream (uncompressed, `/W [1 4 2]`) that lists itself,
 * as object number `num`.
 */
function writeXrefStream(writer: UpdateWriter, num: number, trailer: readonly [string, PdfValue][]): void {
  const xrefAt = writer.length;
  writer.offsets.set(num, xrefAt);
  const nums = [...writer.offsets.keys()].sort((a, b) => a - b);
  const rows = Buffer.alloc(nums.length * 7);
  nums.forEach((n, i) => {
    rows.writeUInt8(1, i * 7);
    rows.writeUInt32BE(writer.offsets.get(n)!, i * 7 + 1);
    rows.writeUInt16BE(0, i * 7 + 5);
  });
  const dict = new Map<string, PdfValue>([
    ['Type', new PdfName('XRef')],
    ['Size', num + 1],
    ...trailer,
    ['W', [1, 4, 2]],
    ['Index', runs(nums).flat()],
    ['Length', rows.length],
  ]);
  writer.object(num, serialize(dict), rows);
  writer.write(`startxref\n${xrefAt}\n%%EOF\n`);
}

/** Writes the byte range and the CMS signature into the placeholder of the update. */
function fillSignature(
  output: Buffer,
  updateStart: number,
  placeholder: string,
  identity: SigningIdentity,
): Uint8Array {
  const rangeAt = output.indexOf(placeholder, updateStart, 'latin1');
  const contentsAt = output.indexOf('/Contents <', rangeAt, 'latin1') + '/Contents '.length;
  const contentsEnd = output.indexOf('>', contentsAt) + 1;
  const range = [0, contentsAt, contentsEnd, output.length - contentsEnd];
  const written = `/ByteRange [${range.join(' ')}]`.padEnd(placeholder.length, ' ');
  output.write(written, rangeAt, 'latin1');
  const digest = createHash(signingHash(identity.key))
    .update(output.subarray(0, contentsAt))
    .update(output.subarray(contentsEnd))
    .digest();
  const cms = Buffer.from(buildCades(digest, identity)).toString('hex');
  if (cms.length > contentsEnd - contentsAt - 2)
    throw new Error('internal: the CMS signature is larger than the placeholder reserved for it');
  output.write(cms, contentsAt + 1, 'latin1');
  return new Uint8Array(output);
}

import { PdfString, textString } from './pdf-syntax.ts';

const decodeLatin = (text: string) => new PdfString(Uint8Array.from(Buffer.from(text, 'latin1')));
const textOf = (text: string) => textString(text);
const hexString = (hex: string) => new PdfString(Uint8Array.from(Buffer.from(hex, 'hex')), true);
