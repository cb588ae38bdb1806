/**
 * Where a bundle may be written: never a folder that is, holds or sits above the séance file, the
 * current directory, the templates folder or a `.git` folder, nor the root or the home folder.
 * Checked on real paths (links followed), before anything is created or removed.
 *
 * @example
 * await checkOutputPlace('sortie', { seanceFile: 'seance.yaml', cwd: process.cwd() });
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { DiagnosticError, diagnostic } from '../diagnostics.ts';

/** Paths the output folder must keep clear of. */
export interface OutputGuards {
  readonly seanceFile?: string;
  readonly templatesDir?: string;
  readonly cwd?: string;
  readonly home?: string;
}

/** The real path of `path`, links of its existing part resolved (the rest appended as is). */
export async function realPathOf(path: string): Promise<string> {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(await realpath(head), ...tail.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return resolve(path);
      tail.push(basename(head));
      head = parent;
    }
  }
}

/** Whether `inner` is `outer` or lies under it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** The output-folder refusal, with what it would have endangered. */
export function unsafeOutput(outDir: string, reason: string): DiagnosticError {
  return new DiagnosticError([
    diagnostic(
      'output.unsafe',
      'erreur',
      `Le dossier de sortie « ${outDir} » ${reason} : delib n’y écrit pas.`,
      {
        file: outDir,
        hint: 'Choisissez un dossier à part, par exemple « -o sortie » ; rien n’a été écrit ni supprimé.',
      },
    ),
  ]);
}

/** Throws `output.unsafe` when `outDir` is a place no bundle may be written to. */
export async function checkOutputPlace(outDir: string, guards: OutputGuards): Promise<void> {
  const target = await realPathOf(outDir);
  if (target === parse(target).root) throw unsafeOutput(outDir, 'est la racine du système de fichiers');
  if (target.split(sep).includes('.git'))
    throw unsafeOutput(outDir, 'est un dossier .git ou se trouve dedans');
  const protectedPaths: readonly (readonly [string | undefined, string])[] = [
    [guards.home, 'est votre dossier personnel'],
    [guards.seanceFile, 'contient le fichier de séance'],
    [guards.cwd, 'contient le dossier courant'],
    [guards.templatesDir, 'contient le dossier des modèles'],
  ];
  for (const [path, reason] of protectedPaths) {
    if (path === undefined || path === '') continue;
    const real = await realPathOf(path);
    const hit = reason === 'est votre dossier personnel' ? real === target : isWithin(real, target);
    if (hit) throw unsafeOutput(outDir, reason);
  }
}
