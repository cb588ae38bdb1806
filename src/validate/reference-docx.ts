/**
 * `--reference-docx` must be a Word document in the .docx format: a clerk often has a .doc, an
 * .odt, an .rtf or a web page saved « as Word ». Each is named for what it is, with how to save it
 * as .docx, before anything is rendered. Reads only the file's first bytes and the zip directory.
 */
import { unzipSync } from 'fflate';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { referenceTableFont } from '../render/docx/reference-font.ts';
import { readReferenceParts } from '../render/docx/reference-parts.ts';

const SAVE_AS_DOCX =
  'Ouvrez-le dans Word ou LibreOffice et enregistrez-le au format « Document Word (.docx) ».';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** What the file is when it is not a .docx, in French; undefined for a .docx. */
function notDocx(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'un document Word 97-2003 (.doc), pas un .docx';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('{\\rtf')) return 'un document RTF, pas un .docx';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head)) {
    return 'une page web (HTML), pas un .docx';
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) return 'un fichier XML ou HTML, pas un .docx';
  if (head.startsWith('%pdf')) return 'un PDF, pas un .docx';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'un fichier qui n’est pas un document Word';
  const names: string[] = [];
  try {
    // The filter sees every entry of the directory; nothing is inflated.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return 'une archive zip endommagée';
  }
  if (names.includes('word/document.xml') && names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('content.xml') && names.includes('mimetype')) {
    return 'un document OpenDocument (.odt, LibreOffice), pas un .docx';
  }
  return 'une archive zip qui n’est pas un document Word';
}

/**
 * Diagnostics for a `--reference-docx` file that is not a .docx (empty when it is one).
 *
 * @example
 * referenceDocxDiagnostics(await readFile('charte.doc'), 'charte.doc') // → [{ code: 'reference.not-docx', … }]
 */
export function referenceDocxDiagnostics(bytes: Uint8Array, file: string): Diagnostic[] {
  const what = notDocx(bytes);
  if (what === undefined) return [];
  return [
    diagnostic('reference.not-docx', 'erreur', `Le document Word de référence « ${file} » est ${what}.`, {
      file,
      hint: SAVE_AS_DOCX,
    }),
  ];
}

/**
 * A warning when a reference DOCX writes the tables in another family than the one delib measures
 * their columns with (its own, or the collectivité's `polices`): Word then breaks the cells' lines
 * elsewhere than delib planned. delib never reads the machine's fonts (same bytes on every machine).
 *
 * @example
 * referenceFontDiagnostics(bytes, 'charte.docx', 'Source Sans 3') // → [{ code: 'reference.font', … }]
 */
export function referenceFontDiagnostics(bytes: Uint8Array, file: string, measured: string): Diagnostic[] {
  const family = referenceTableFont(readReferenceParts(bytes));
  if (family === undefined || family.toLowerCase() === measured.toLowerCase()) return [];
  return [
    diagnostic(
      'reference.font',
      'avertissement',
      `Le document Word de référence « ${file} » écrit les tableaux en « ${family} » ; delib mesure leurs colonnes avec « ${measured} », la police dont il a les fichiers.`,
      {
        file,
        hint: `Donnez les quatre fichiers de « ${family} » dans collectivite.polices : les colonnes seront mesurées avec elle, et le PDF l’emploiera aussi (delib ne lit pas les polices installées sur la machine, pour qu’une séance donne partout les mêmes fichiers).`,
      },
    ),
  ];
}
