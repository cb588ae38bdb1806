/**
 * Reads a YAML file as UTF-8 text, turning every reading problem into a diagnostic.
 */
import { stat } from 'node:fs/promises';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { readRegularFile } from './contained.ts';

/** Default size limit of one file: far above any real séance, low enough to fail fast. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export type ReadResult = { readonly text: string } | { readonly diagnostic: Diagnostic };

/** A file read whole: its text and the very bytes it was decoded from. */
export type ReadFileResult =
  | { readonly text: string; readonly bytes: Uint8Array }
  | { readonly diagnostic: Diagnostic };

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Count characters, not bytes, up to the offending byte (the prefix is valid UTF-8).
  const column = new TextDecoder().decode(bytes.subarray(start, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Decodes file bytes as UTF-8: a UTF-8 BOM is dropped; UTF-16 (BOM or NUL bytes) and invalid
 * UTF-8 are diagnostics placed on the first bad byte.
 *
 * @example
 * decodeUtf8(new TextEncoder().encode('a: 1'), 'x.yaml') // → { text: 'a: 1' }
 */
export function decodeUtf8(bytes: Uint8Array, file: string): ReadResult {
  const hint = 'Enregistrez le fichier en UTF-8 (dans l’éditeur : « Enregistrer avec l’encodage » → UTF-8).';
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0);
  if (utf16) {
    return {
      diagnostic: diagnostic('file.encoding', 'erreur', 'Le fichier semble encodé en UTF-16, pas en UTF-8.', {
        file,
        line: 1,
        column: 1,
        hint,
      }),
    };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body);
    const { line, column } = lineColumnOfByte(body, Math.max(offset, 0));
    return {
      diagnostic: diagnostic(
        'file.encoding',
        'erreur',
        'Le fichier n’est pas en UTF-8 (caractère illisible, peut-être un fichier en Latin-1 ou Windows-1252).',
        { file, line, column, hint },
      ),
    };
  }
}

/**
 * Reads `path` (shown to the user as `file`), refusing missing, unreadable, oversized files.
 *
 * @example
 * const r = await readText('fixtures/sceaux-2023-03-23.yaml', 'fixtures/sceaux-2023-03-23.yaml');
 */
export async function readText(
  path: string,
  file: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<ReadFileResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return {
        diagnostic: diagnostic('file.unreadable', 'erreur', `« ${file} » n’est pas un fichier.`, {
          file,
          hint: 'Donnez le chemin d’un fichier YAML de séance.',
        }),
      };
    }
    if (info.size > maxBytes) {
      return {
        diagnostic: diagnostic(
          'file.too-large',
          'erreur',
          `Le fichier fait ${info.size} octets, au-delà de la limite de ${maxBytes} octets.`,
          {
            file,
            hint: 'Un fichier de séance fait quelques dizaines de kilo-octets : vérifiez qu’il s’agit du bon fichier.',
          },
        ),
      };
    }
    const read = readRegularFile(path, { maxBytes });
    if ('problem' in read) {
      if (read.problem.kind === 'unreadable')
        throw Object.assign(new Error(read.problem.code), { code: read.problem.code });
      if (read.problem.kind === 'too-large') {
        return {
          diagnostic: diagnostic(
            'file.too-large',
            'erreur',
            `Le fichier dépasse la limite de ${maxBytes} octets.`,
            {
              file,
            },
          ),
        };
      }
      return {
        diagnostic: diagnostic('file.unreadable', 'erreur', `« ${file} » n’est pas un fichier.`, {
          file,
          hint: 'Donnez le chemin d’un fichier YAML de séance.',
        }),
      };
    }
    const decoded = decodeUtf8(read.bytes, file);
    return 'text' in decoded ? { text: decoded.text, bytes: read.bytes } : decoded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        diagnostic: diagnostic('file.not-found', 'erreur', `Le fichier « ${file} » est introuvable.`, {
          file,
          hint: 'Vérifiez le chemin et l’orthographe du nom de fichier.',
        }),
      };
    }
    return {
      diagnostic: diagnostic(
        'file.unreadable',
        'erreur',
        `Le fichier « ${file} » ne peut pas être lu (${code ?? 'erreur'}).`,
        {
          file,
          hint: 'Vérifiez les droits de lecture du fichier.',
        },
      ),
    };
  }
}
