/**
 * A séance with three file annexes, made at test time in a temporary folder: a three-page PDF
 * (pdf-lib), a PNG, and a convention rendered by delib then signed with `delib sign`. Also the
 * hostile annexes (truncated, encrypted, 10 000 pages, a zip renamed .pdf, a link out of the folder).
 *
 * @example
 * const f = await makeAnnexFixture();
 * await runDelib(['build', f.seance, '-o', join(f.dir, 'out')]);
 * f.cleanup();
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFPage, type PDFRef, StandardFonts } from 'pdf-lib';
import { parse, stringify } from 'yaml';
import { composeDocument } from '../../src/compose/compose.ts';
import { listDocuments } from '../../src/compose/documents.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { templateEnv } from '../../src/template/env.ts';
import { loadAndValidate } from '../../src/validate/validate.ts';
import { png } from '../hostile/images.ts';
import { makeP12 } from '../sign-helpers.ts';
import { ROOT, runDelib } from './cli.ts';

export const PASSWORD = 'annexes-test';
export const PLAN_PAGES = 3;
export const planText = (page: number) => `Plan de situation, feuille ${page}`;

export interface AnnexFixture {
  readonly dir: string;
  readonly seance: string;
  /** Bytes of each annex file as the clerk gave it. */
  readonly files: { readonly plan: Uint8Array; readonly photo: Uint8Array; readonly signed: Uint8Array };
  /** Writes a séance with one annex `fichier` (same point) and returns its path and the annex's line. */
  seanceWith(fichier: string, name: string): { path: string; line: number };
  cleanup(): void;
}

async function planPdf(
  pages: number,
  label: ((page: number) => string) | null = planText,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // `addPage` walks the page tree to its end before each insertion (10 000 pages: ≈ 10 s of
  // CPU); appending the page to the root node's kids, as `addPage` ends up doing, is the same
  // document in the same bytes, made in linear time.
  const tree = doc.catalog.Pages();
  const treeRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  for (let i = 1; i <= pages; i++) {
    const page = PDFPage.create(doc);
    page.setSize(595, 842);
    tree.pushLeafNode(page.ref);
    page.node.setParent(treeRef);
    if (label) page.drawText(label(i), { x: 72, y: 760, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

async function signedConvention(dir: string): Promise<Uint8Array> {
  const { seance } = await loadAndValidate(join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'));
  if (!seance) throw new Error('Sceaux fixture invalid');
  const ref = listDocuments(seance).find((r) => r.kind === 'convention');
  if (!ref) throw new Error('no convention');
  const tree = composeDocument(seance, ref, { env: templateEnv({}) });
  const { bytes } = await renderPdf(tree, { creationDate: new Date('2023-03-23T00:00:00Z') });
  const input = join(dir, 'convention.pdf');
  writeFileSync(input, bytes);
  const p12 = join(dir, 'signataire.p12');
  writeFileSync(p12, makeP12({ commonName: 'Philippe Laurent', password: PASSWORD }));
  const output = join(dir, 'annexes', 'contrat-signe.pdf');
  const r = await runDelib(['sign', input, '--p12', p12, '--signataire', '1', '-o', output], {
    env: { DELIB_P12_PASSWORD: PASSWORD },
  });
  if (r.code !== 0) throw new Error(`delib sign: ${r.stderr}`);
  return new Uint8Array(readFileSync(output));
}

/** The séance's first point with these annexes, alone (a quick build). */
function seanceText(annexes: readonly Record<string, unknown>[]): string {
  const data = parse(readFileSync(join(ROOT, 'fixtures/conseil-2024-06-27.yaml'), 'utf8')) as {
    points: Record<string, unknown>[];
  };
  const [first] = data.points;
  return stringify({ ...data, points: [{ ...first, annexes }] }, { lineWidth: 0 });
}

export async function makeAnnexFixture(): Promise<AnnexFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'delib-annexes-'));
  mkdirSync(join(dir, 'annexes'));
  const plan = await planPdf(PLAN_PAGES);
  const photo = png(60, 40);
  writeFileSync(join(dir, 'annexes', 'plan.pdf'), plan);
  writeFileSync(join(dir, 'annexes', 'photo.png'), photo);
  const signed = await signedConvention(dir);
  const seance = join(dir, 'seance.yaml');
  writeFileSync(
    seance,
    seanceText([
      { fichier: 'annexes/plan.pdf', titre: 'Plan de situation' },
      { fichier: 'annexes/photo.png', titre: 'Photographie du site', numero: '2 bis' },
      { fichier: 'annexes/contrat-signe.pdf', titre: 'Contrat signé' },
    ]),
  );
  return {
    dir,
    seance,
    files: { plan, photo, signed },
    seanceWith(fichier, name) {
      const path = join(dir, `${name}.yaml`);
      const text = seanceText([{ fichier, titre: 'Pièce hostile' }]);
      writeFileSync(path, text);
      const line = text.split('\n').findIndex((l) => l.includes(`fichier: ${fichier}`)) + 1;
      return { path, line };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the hostile annexes into `dir/annexes/` (and one file outside it); returns their paths. */
export async function writeHostileAnnexes(dir: string): Promise<Record<string, string>> {
  const plan = await planPdf(PLAN_PAGES);
  writeFileSync(join(dir, 'annexes', 'tronque.pdf'), plan.subarray(0, Math.floor(plan.length / 2)));
  const encrypted = await PDFDocument.create();
  encrypted.addPage();
  const hex = PDFHexString.of('0'.repeat(64));
  encrypted.context.trailerInfo.Encrypt = encrypted.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: hex,
    U: hex,
    P: -4,
  });
  writeFileSync(join(dir, 'annexes', 'chiffre.pdf'), await encrypted.save({ useObjectStreams: false }));
  writeFileSync(join(dir, 'annexes', 'enorme.pdf'), await planPdf(10_000, null));
  writeFileSync(
    join(dir, 'annexes', 'archive.pdf'),
    zipSync({ 'word/document.xml': new TextEncoder().encode('<w/>') }),
  );
  const outside = mkdtempSync(join(tmpdir(), 'delib-dehors-'));
  writeFileSync(join(outside, 'secret.pdf'), plan);
  symlinkSync(join(outside, 'secret.pdf'), join(dir, 'annexes', 'lien.pdf'));
  // A link to a file outside that does not exist: the same refusal, nothing said of the outside.
  symlinkSync(join(outside, 'absent.pdf'), join(dir, 'annexes', 'lien-absent.pdf'));
  // Inside the folder: a link to the plan (accepted), a dangling one, a FIFO, a folder, 2 GB of holes.
  symlinkSync('plan.pdf', join(dir, 'annexes', 'lien-interne.pdf'));
  symlinkSync('nulle-part.pdf', join(dir, 'annexes', 'lien-casse.pdf'));
  execFileSync('mkfifo', [join(dir, 'annexes', 'tube.pdf')]);
  mkdirSync(join(dir, 'annexes', 'dossier.pdf'));
  writeFileSync(join(dir, 'annexes', 'creux.pdf'), '');
  truncateSync(join(dir, 'annexes', 'creux.pdf'), 2 * 1024 ** 3);
  return { outside };
}
