/**
 * The problems of a séance as the page shows them: the data of the json reporter (code, severity,
 * file, line, column, message, hint), with paths relative to the séance folder (the page opens
 * them in its editor) and the source line they point at.
 *
 * @example
 * problemViews('/srv/seance', diagnostics, texts)[0] // { file: 'seance.yaml', line: 12, excerpt: '  objet: …', … }
 */
import { isAbsolute, resolve } from 'node:path';
import { relativeTo } from '../cli/reporters/reporter.ts';
import type { Diagnostic } from '../diagnostics.ts';

export interface ProblemView extends Diagnostic {
  /** The line of the file the problem points at, or '' when it has no line. */
  readonly excerpt: string;
}

/** Texts by absolute path, from the texts the loader kept by the path it was given. */
function byAbsolutePath(folder: string, texts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of texts) out.set(isAbsolute(file) ? file : resolve(folder, file), text);
  return out;
}

export function problemViews(
  folder: string,
  diagnostics: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
): ProblemView[] {
  const absolute = byAbsolutePath(folder, texts);
  return relativeTo(folder, diagnostics).map((d, i) => {
    const original = diagnostics[i]?.file ?? '';
    const text = original === '' ? undefined : absolute.get(resolve(folder, original));
    const excerpt = text !== undefined && d.line > 0 ? (text.split(/\r?\n/)[d.line - 1] ?? '') : '';
    return { ...d, excerpt };
  });
}
