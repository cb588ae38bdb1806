/**
 * Checks every file annexed to a point, before anything is written, from the bytes read once at
 * loading (load/resources.ts: the containment rules of `inclure`, only a regular file, a size
 * limit): the content (a PDF, or a PNG or JPEG image, whatever the
 * extension says), and for a PDF that pdf-lib reads it whole, unencrypted, complete, within the
 * page limit. Each problem is a diagnostic placed on the annex's `fichier`.
 *
 * @example
 * const { diagnostics, files } = await inspectAnnexes(seance, sources, loaded.resources);
 */
import { annexFormat, joinedFiles } from '../compose/annexes.ts';
import { type Diagnostic, type DiagnosticCode, diagnostic } from '../diagnostics.ts';
import type { ContainedProblem } from '../load/contained.ts';
import { RESOURCE_LIMITS, type Resources } from '../load/resources.ts';
import { locate, type SourceMap } from '../load/source-map.ts';
import type { Seance } from '../schema/seance.ts';
import { imageInfo } from '../validate/rules/image-header.ts';

/** Largest annex file (checked at loading, resources.ts). */
export const MAX_ANNEX_BYTES = RESOURCE_LIMITS.annex;
/** Most pages of one annex: beyond, the dossier sent to councillors becomes unreadable. */
export const MAX_ANNEX_PAGES = 1000;

/** A checked annex file, read once. */
export interface AnnexFile {
  readonly bytes: Uint8Array;
  readonly format: 'pdf' | 'png' | 'jpeg';
  readonly pages: number;
  /** Declares PDF/A in its metadata (images can always go into a PDF/A dossier). */
  readonly pdfa: boolean;
  /** Carries an electronic signature (its bytes must not change). */
  readonly signed: boolean;
}

export interface AnnexInspection {
  readonly diagnostics: readonly Diagnostic[];
  /** By the path written in the séance. */
  readonly files: ReadonlyMap<string, AnnexFile>;
}

const ascii = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

type Checked = AnnexFile | { readonly code: DiagnosticCode; readonly problem: string; readonly hint: string };

const HINT_PDF = 'Enregistrez ou exportez de nouveau le document en PDF depuis son logiciel d’origine.';

async function checkPdf(bytes: Uint8Array): Promise<Checked> {
  const tail = ascii(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) {
    return {
      code: 'annex.damaged',
      problem: 'le fichier est tronqué (sa fin « %%EOF » manque)',
      hint: HINT_PDF,
    };
  }
  // pdf-lib is loaded only for a séance that joins a PDF (validate/validate.ts runs this always).
  const facts = await (await import('./read-pdf.ts')).readPdf(bytes);
  if (!facts) return { code: 'annex.damaged', problem: 'le PDF est endommagé ou illisible', hint: HINT_PDF };
  if (facts.encrypted) {
    return {
      code: 'annex.encrypted',
      problem: 'le PDF est chiffré (protégé par un mot de passe ou des restrictions)',
      hint: 'delib ne peut pas en copier les pages : joignez une version non protégée du document.',
    };
  }
  const { pages } = facts;
  if (pages === 0) return { code: 'annex.damaged', problem: 'le PDF n’a aucune page', hint: HINT_PDF };
  if (pages > MAX_ANNEX_PAGES) {
    return {
      code: 'annex.too-large',
      problem: `le PDF a ${pages} pages, au-delà de la limite de ${MAX_ANNEX_PAGES}`,
      hint: 'Joignez seulement les pages utiles à la délibération, ou scindez le document en plusieurs annexes.',
    };
  }
  const text = ascii(bytes);
  return {
    bytes,
    format: 'pdf',
    pages,
    pdfa: facts.pdfa,
    signed: /\/ByteRange\s*\[/.test(text),
  };
}

function checkContent(bytes: Uint8Array, declared: 'pdf' | 'png' | 'jpeg'): Checked | 'pdf' {
  const head = ascii(bytes.subarray(0, 1024));
  const actual = head.includes('%PDF-')
    ? 'pdf'
    : bytes[0] === 0x89 && head.startsWith('\x89PNG')
      ? 'png'
      : bytes[0] === 0xff && bytes[1] === 0xd8
        ? 'jpeg'
        : undefined;
  if (actual === undefined) {
    const zip = head.startsWith('PK\x03\x04');
    return {
      code: 'annex.type',
      problem: zip
        ? 'c’est une archive ZIP (un document Word, un tableur ou un dossier compressé renommé ?), pas un PDF ni une image'
        : 'ce n’est ni un PDF ni une image PNG ou JPEG',
      hint: 'Exportez le document en PDF (« Enregistrer sous » → PDF) et joignez ce fichier-là.',
    };
  }
  if (actual !== declared) {
    return {
      code: 'annex.type',
      problem: `le fichier contient ${actual === 'pdf' ? 'un PDF' : `une image ${actual.toUpperCase()}`} mais son nom annonce ${declared === 'pdf' ? 'un PDF' : `une image ${declared.toUpperCase()}`}`,
      hint: 'Donnez au fichier l’extension de son contenu (.pdf, .png ou .jpg).',
    };
  }
  if (actual === 'pdf') return 'pdf';
  const image = imageInfo(bytes);
  if ('problem' in image) {
    return {
      code: 'annex.damaged',
      problem: `l’image est inutilisable : ${image.problem}`,
      hint: 'Exportez l’image de nouveau en PNG ou en JPEG.',
    };
  }
  return { bytes, format: actual, pages: 1, pdfa: true, signed: false };
}

const HINT_PATH =
  'Copiez le fichier dans le dossier de la séance (par exemple dans « annexes/ ») et donnez un chemin relatif sans « .. ».';

/** Why the file could not be read at loading (resources.ts), as an annex problem. */
function unread(problem: ContainedProblem): Checked {
  switch (problem.kind) {
    case 'outside':
      // Nothing is said of what lies outside (not even whether it exists): it was never looked at.
      return {
        code: 'file.outside-folder',
        problem: 'le fichier est hors du dossier de la séance',
        hint: HINT_PATH,
      };
    case 'missing':
      return {
        code: 'rule.file-missing',
        problem: problem.dangling
          ? 'le fichier est un lien qui ne mène à aucun fichier'
          : 'le fichier est introuvable',
        hint: 'Le chemin est relatif au fichier de la séance : vérifiez le nom et l’emplacement du fichier.',
      };
    case 'too-large':
      return {
        code: 'annex.too-large',
        problem: `le fichier fait ${problem.size} octets, au-delà de la limite de ${problem.limit} octets`,
        hint: 'Réduisez le fichier (PDF optimisé, images moins résolues) ou scindez-le en plusieurs annexes.',
      };
    case 'not-a-file':
      return {
        code: 'file.unreadable',
        problem: `c’est ${problem.what}, pas un fichier`,
        hint: 'Indiquez le chemin d’un fichier PDF, PNG ou JPEG.',
      };
    case 'unreadable':
      return {
        code: 'file.unreadable',
        problem: `il ne peut pas être lu (${problem.code})`,
        hint: 'Vérifiez les droits de lecture du fichier.',
      };
  }
}

/** Checks the bytes read at loading: the same bytes are then copied, hashed and joined. */
async function inspectOne(resources: Resources, path: string): Promise<Checked> {
  const problem = resources.problems.get(path);
  if (problem) return unread(problem);
  const bytes = resources.files.get(path);
  if (!bytes) return unread({ kind: 'missing', dangling: false });
  const content = checkContent(bytes, annexFormat(path));
  return content === 'pdf' ? checkPdf(bytes) : content;
}

/**
 * Checks every file annexed to a point of `seance`, from the bytes read at loading (`resources`,
 * see load/resources.ts): nothing is read here.
 */
export async function inspectAnnexes(
  seance: Seance,
  sources: SourceMap,
  resources: Resources,
): Promise<AnnexInspection> {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, AnnexFile>();
  const checked = new Map<string, Checked>();
  for (const [i, point] of seance.points.entries()) {
    for (const { path, pointer: under } of joinedFiles(point)) {
      let result = checked.get(path);
      if (!result) {
        result = await inspectOne(resources, path);
        checked.set(path, result);
      }
      if ('bytes' in result) {
        files.set(path, result);
        continue;
      }
      const pointer = `/points/${i}/${under}`;
      diagnostics.push(
        diagnostic(
          result.code,
          'erreur',
          `L’annexe « ${path} » ne peut pas être jointe : ${result.problem}.`,
          {
            ...locate(sources, pointer),
            path: pointer,
            hint: result.hint,
          },
        ),
      );
    }
  }
  return { diagnostics, files };
}

/**
 * With `--pdfa`: one warning for each annexed PDF that does not declare PDF/A, since the dossier
 * that joins it cannot be PDF/A either (it is written without the PDF/A mark).
 */
export function pdfaWarnings(
  seance: Seance,
  sources: SourceMap,
  files: ReadonlyMap<string, AnnexFile>,
): Diagnostic[] {
  return seance.points.flatMap((point, i) =>
    joinedFiles(point).flatMap(({ path, pointer: under }) => {
      if (files.get(path)?.pdfa !== false) return [];
      const pointer = `/points/${i}/${under}`;
      return [
        diagnostic(
          'dossier.not-pdfa',
          'avertissement',
          `Le dossier de séance ne sera pas PDF/A : l’annexe « ${path} » (point ${point.numero}) n’est pas un PDF/A.`,
          {
            ...locate(sources, pointer),
            path: pointer,
            hint: 'Joignez une version PDF/A de l’annexe (export « PDF/A » de son logiciel) ; les autres documents restent PDF/A.',
          },
        ),
      ];
    }),
  );
}
