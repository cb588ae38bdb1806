/**
 * Attacks on signed PDFs, each built from a convention delib built and signed (throwaway
 * certificates): incremental saving, shadow attack, signature wrapping, appended bytes, a changed
 * byte, a CMS whose signer is not in it, hostile nesting, truncation. Shared by the unit test
 * (expected French verdicts) and the client test (agreement with poppler's pdfsig).
 *
 * @example
 * const cases = attackCases(await signedBase(dir));
 * cases.find((c) => c.name === 'shadow')!.bytes // a PDF
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDer } from '../src/sign/der.ts';
import { listSignatureFields } from '../src/sign/fields.ts';
import { readPdfStructure } from '../src/sign/pdf-file.ts';
import { get, PdfRef, type PdfValue, serialize } from '../src/sign/pdf-syntax.ts';
import { openPkcs12, type SigningIdentity } from '../src/sign/pkcs12.ts';
import { signPdf } from '../src/sign/sign.ts';
import { makeP12 } from './sign-helpers.ts';
import { runDelib } from './support/cli.ts';

export interface SignedBase {
  /** The convention as built (two empty signature fields). */
  readonly unsigned: Uint8Array;
  /** Signed by the first party only. */
  readonly once: Uint8Array;
  /** Signed by both parties. */
  readonly twice: Uint8Array;
  readonly second: SigningIdentity;
  /** The two fields' labels (« Nom – qualité »), as the built convention names them. */
  readonly labels: readonly [string, string];
}

export function identity(commonName: string): SigningIdentity {
  const p12 = makeP12({ commonName, password: 'secret' });
  return openPkcs12(p12, 'secret', { file: `${commonName}.p12`, now: new Date() });
}

const sign = (bytes: Uint8Array, who: SigningIdentity, n: string, acceptModifications = false) =>
  signPdf(bytes, {
    identity: who,
    signataire: n,
    now: new Date(),
    file: 'convention.pdf',
    acceptModifications,
  }).bytes;

/**
 * Builds the Sceaux convention with `delib build` and signs it once and twice; `rewrite` changes
 * the unsigned file first (qpdf writing it with cross-reference and object streams).
 */
export async function signedBase(
  rewrite: (unsigned: Uint8Array) => Uint8Array = (u) => u,
): Promise<SignedBase> {
  const dir = mkdtempSync(join(tmpdir(), 'delib-attacks-'));
  try {
    const r = await runDelib(
      ['build', 'fixtures/sceaux-2023-03-23.yaml', '--formats', 'pdf', '-o', join(dir, 'b')],
      { env: { SOURCE_DATE_EPOCH: '1679529600' } },
    );
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const unsigned = rewrite(new Uint8Array(readFileSync(join(dir, 'b', 'point-01-convention-1.pdf'))));
    const second = identity('Philippe Laurent');
    const once = sign(unsigned, identity('Patrick Ollier'), '1');
    const [first = '', other = ''] = listSignatureFields(readPdfStructure(unsigned)).map((f) => f.label);
    return { unsigned, once, twice: sign(once, second, '2'), second, labels: [first, other] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** The content stream and the page object of page 1. */
function firstPage(bytes: Uint8Array): { page: number; pageDict: Map<string, PdfValue>; content: number } {
  const pdf = readPdfStructure(bytes);
  const catalog = pdf.object(pdf.root.num) as Map<string, PdfValue>;
  let node = pdf.object((catalog.get('Pages') as PdfRef).num) as Map<string, PdfValue>;
  let num = (catalog.get('Pages') as PdfRef).num;
  while (get.array(node, 'Kids')) {
    num = (get.array(node, 'Kids')![0] as PdfRef).num;
    node = pdf.object(num) as Map<string, PdfValue>;
  }
  const contents = node.get('Contents');
  const content = (Array.isArray(contents) ? contents[0] : contents) as PdfRef;
  return { page: num, pageDict: node, content: content.num };
}

const FORGED_TEXT = 'BT /F1 1 Tf 24 0 0 24 72 700 Tm (Montant : 999 999 euros) Tj ET';
const forgedStream = (num: number) =>
  `${num} 0 obj\n<< /Length ${FORGED_TEXT.length} >>\nstream\n${FORGED_TEXT}\nendstream\nendobj\n`;

/** An incremental update with `objects` (num → full `n 0 obj … endobj` text) at the end of `bytes`. */
export function appendUpdate(bytes: Uint8Array, objects: ReadonlyMap<number, string>): Uint8Array {
  const pdf = readPdfStructure(bytes);
  const parts: Buffer[] = [Buffer.from(bytes), latin1('\n')];
  let at = bytes.length + 1;
  const offsets = new Map<number, number>();
  for (const [num, text] of objects) {
    offsets.set(num, at);
    parts.push(latin1(text));
    at += text.length;
  }
  const xrefAt = at;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (const num of nums) xref += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(pdf.size, ...nums.map((n) => n + 1));
  const trailer = new Map<string, PdfValue>([
    ['Size', size],
    ['Root', pdf.root],
    ['Info', pdf.trailer.get('Info') ?? null],
    ['Prev', pdf.startxref],
  ]);
  parts.push(latin1(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** Incremental saving attack: page 1's content replaced by an update after the first signature. */
export function replacePageContent(bytes: Uint8Array): Uint8Array {
  const { content } = firstPage(bytes);
  return appendUpdate(bytes, new Map([[content, forgedStream(content)]]));
}

/** The [b, c) hole of the n-th signature (0-based). */
function holeOf(bytes: Uint8Array, n: number): { from: number; to: number } {
  const field = listSignatureFields(readPdfStructure(bytes)).filter((f) => f.signature)[n]!;
  const [, b, c] = get.array(field.signature, 'ByteRange') as number[];
  return { from: b!, to: c! };
}

/**
 * Signature wrapping: inside the unsigned hole of the first signature (after its CMS), a new page
 * object and a cross-reference section that points page 1 to it; a `startxref` appended after the
 * signed revision makes readers use it.
 */
export function wrapSignature(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  const { from, to } = holeOf(bytes, 0);
  const hex = out
    .subarray(from + 1, to - 1)
    .toString('latin1')
    .replace(/(00)+$/, '');
  const pdf = readPdfStructure(bytes);
  const { page, pageDict } = firstPage(bytes);
  const contentNum = pdf.size;
  let injected = `<${hex}${hex.length % 2 ? '0' : ''}> >>\nendobj\n`;
  const contentAt = from + injected.length;
  injected += forgedStream(contentNum);
  const pageAt = from + injected.length;
  const page1 = new Map(pageDict);
  page1.set('Contents', new PdfRef(contentNum, 0));
  injected += `${page} 0 obj\n${serialize(page1)}\nendobj\n`;
  const xrefAt = from + injected.length;
  const entries = [
    [page, pageAt],
    [contentNum, contentAt],
  ].sort((a, b) => a[0]! - b[0]!);
  injected += 'xref\n';
  for (const [num, at] of entries) injected += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const trailer = new Map<string, PdfValue>([
    ['Size', contentNum + 1],
    ['Root', pdf.root],
    ['Info', pdf.trailer.get('Info') ?? null],
    ['Prev', pdf.startxref],
  ]);
  injected += `trailer\n${serialize(trailer)}\n%`;
  if (injected.length > to - from - 1) throw new Error('hole too small for the wrapping attack');
  out.write(injected.padEnd(to - from - 1, '0'), from, 'latin1');
  return new Uint8Array(Buffer.concat([out, latin1(`startxref\n${xrefAt}\n%%EOF\n`)]));
}

/** Changes one byte of the serial number the first SignerInfo names (in the unsigned hole). */
export function foreignSigner(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  const { from, to } = holeOf(bytes, 0);
  const cms = Buffer.from(out.subarray(from + 1, to - 1).toString('latin1'), 'hex');
  const root = parseDer(cms);
  const signedData = root.children[1]!.children[0]!;
  const info = signedData.children[signedData.children.length - 1]!.children[0]!;
  const serial = info.children[1]!.children[1]!;
  const at = serial.contentEnd - 1;
  const hexAt = from + 1 + at * 2;
  const digit = out[hexAt] === 0x30 ? '1' : '0';
  out.write(digit, hexAt, 'latin1');
  return new Uint8Array(out);
}

/** Replaces the CMS in the first hole by bytes that are not ASN.1. */
export function garbageCms(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  const { from } = holeOf(bytes, 0);
  out.write('deadbeef'.repeat(64), from + 1, 'latin1');
  return new Uint8Array(out);
}

/** One byte flipped in page 1's compressed content (signed by everyone). */
export function flipSignedByte(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  const at = out.indexOf('stream\n', 5000) + 20;
  out[at] = out[at]! ^ 0x01;
  return new Uint8Array(out);
}

/** A field's label replaced, in an update, by 100 000 nested arrays. */
export function deepNesting(bytes: Uint8Array): Uint8Array {
  const pdf = readPdfStructure(bytes);
  const field = listSignatureFields(pdf)[1]!;
  const dict = serialize(field.dict).replace(
    /^<< /,
    `<< /Piege ${'['.repeat(100_000)}${']'.repeat(100_000)} `,
  );
  return appendUpdate(bytes, new Map([[field.ref.num, `${field.ref.num} 0 obj\n${dict}\nendobj\n`]]));
}

/** The last cross-reference section, trailer and `%%EOF` written again at the end. */
export function duplicateXref(bytes: Uint8Array): Uint8Array {
  const pdf = readPdfStructure(bytes);
  const tail = Buffer.from(bytes.subarray(pdf.startxref));
  const text = tail.toString('latin1').replace(/startxref\s+\d+/, `startxref\n${bytes.length}`);
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), latin1(text)]));
}

export interface AttackCase {
  readonly name: string;
  /** What was done, in French, for the report. */
  readonly description: string;
  readonly bytes: Uint8Array;
  /** Expected verdict of each signature (regular expressions), in field order. */
  readonly signatures: readonly RegExp[];
  /** Expected overall verdict. */
  readonly verdict: RegExp;
  readonly intact: boolean;
}

/** Every case, with the French verdict delib must give. */
export function attackCases(base: SignedBase): AttackCase[] {
  const [FIRST, SECOND] = base.labels;
  const isa = replacePageContent(base.once);
  const wrapped = wrapSignature(base.once);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const modified = (who: string, what: string) =>
    new RegExp(`^modifié après la signature de ${esc(who)} : .*${what}`);
  return [
    {
      name: 'intact-1',
      description: 'signé par la première partie seulement',
      bytes: base.once,
      signatures: [/^signature intacte$/, /^non signé$/],
      verdict: /^Toutes les signatures sont intactes \(1\)\.$/,
      intact: true,
    },
    {
      name: 'intact-2',
      description: 'signé par les deux parties',
      bytes: base.twice,
      signatures: [
        new RegExp(`^signature intacte, suivie uniquement de la signature de ${esc(SECOND)}$`),
        /^signature intacte$/,
      ],
      verdict: /^Toutes les signatures sont intactes \(2\)\.$/,
      intact: true,
    },
    {
      name: 'octet-modifie',
      description: 'un octet du contenu signé changé',
      bytes: flipSignedByte(base.twice),
      signatures: [
        /^signature invalide : l’empreinte ne correspond pas/,
        /^signature invalide : l’empreinte ne correspond pas/,
      ],
      verdict: /^Signature invalide/,
      intact: false,
    },
    {
      name: 'ajout-fin',
      description: 'octets ajoutés après la dernière signature',
      bytes: new Uint8Array(Buffer.concat([Buffer.from(base.twice), latin1('% ajout\n')])),
      signatures: [/^signature intacte, suivie/, /^signature intacte$/],
      verdict: new RegExp(`^Contenu ajouté après la signature de ${esc(SECOND)} : 8 octets non signés`),
      intact: false,
    },
    {
      name: 'sauvegarde-incrementale',
      description: 'contenu de la page 1 remplacé par une mise à jour après la première signature',
      bytes: isa,
      signatures: [modified(FIRST, 'contenu de la page 1 \\(objet \\d+\\) remplacé'), /^non signé$/],
      verdict: /^Document modifié après la signature de Patrick Ollier/,
      intact: false,
    },
    {
      name: 'shadow',
      description:
        'mise à jour après la première signature (page 1 remplacée), puis signée par la seconde partie',
      bytes: sign(isa, base.second, '2', true),
      signatures: [
        modified(FIRST, 'contenu de la page 1 \\(objet \\d+\\) remplacé ; .*|contenu de la page 1'),
        /^signature intacte$/,
      ],
      verdict: /^Document modifié après la signature de Patrick Ollier/,
      intact: false,
    },
    {
      name: 'wrapping',
      description:
        'page 1 remplacée par une section de références croisées écrite dans la partie non signée de la première signature',
      bytes: wrapped,
      signatures: [
        /^signature invalide : la partie non signée .* contient autre chose que la signature.*page 1/,
        /^non signé$/,
      ],
      verdict: /^Signature invalide \(Patrick Ollier/,
      intact: false,
    },
    {
      name: 'wrapping-contresigne',
      description: 'la même signature enveloppée, puis signée par la seconde partie',
      bytes: sign(wrapped, base.second, '2', true),
      signatures: [
        /^signature invalide : la partie non signée .*page 1 \(objet \d+\) remplacé par un objet lu dans une partie non signée/,
        /^signature intacte$/,
      ],
      verdict: /^Signature invalide \(Patrick Ollier/,
      intact: false,
    },
    {
      name: 'signataire-absent',
      description: 'numéro de série du SignerInfo changé : aucun certificat de la signature ne correspond',
      bytes: foreignSigner(base.once),
      signatures: [
        /^signature invalide : signature illisible : le certificat du signataire .* est absent/,
        /^non signé$/,
      ],
      verdict: /^Signature invalide/,
      intact: false,
    },
    {
      name: 'cms-illisible',
      description: 'signature CMS remplacée par des octets quelconques',
      bytes: garbageCms(base.once),
      signatures: [/^signature invalide : signature illisible/, /^non signé$/],
      verdict: /^Signature invalide/,
      intact: false,
    },
    {
      name: 'imbrication',
      description: '100 000 tableaux imbriqués dans un champ, ajoutés après la première signature',
      bytes: deepNesting(base.once),
      signatures: [],
      verdict: /^Fichier endommagé : Structure trop imbriquée/,
      intact: false,
    },
    {
      name: 'xref-dupliquee',
      description: 'dernière section de références croisées réécrite à la fin du fichier',
      bytes: duplicateXref(base.twice),
      signatures: [
        /^signature intacte, suivie/,
        modified(SECOND, 'les références croisées ne passent plus par la révision signée'),
      ],
      verdict: new RegExp(`^Document modifié après la signature de ${esc(SECOND)}`),
      intact: false,
    },
    {
      name: 'tronque',
      description: 'fichier coupé au milieu de la seconde signature',
      bytes: base.twice.subarray(0, base.twice.length - 9000),
      signatures: [],
      verdict: /^Fichier endommagé : /,
      intact: false,
    },
  ];
}
