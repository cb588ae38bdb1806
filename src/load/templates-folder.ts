/**
 * A collectivité's templates folder (`--templates`), read once into memory: every `.hbs` file of
 * the folder and of its `partials/` subfolder, each resolved inside the folder (a link that leads
 * out, to /etc/passwd say, is refused without being read), a regular file (never a FIFO or a
 * folder), at most 1 MB, in UTF-8. Workers compile these texts; nothing reads the folder again.
 *
 * @example
 * const templates = readTemplatesFolder('ma-ville/modeles'); // throws DiagnosticError when unusable
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Diagnostic, DiagnosticError, diagnostic } from '../diagnostics.ts';
import { type ContainedProblem, problemCode, readContained } from './contained.ts';
import { decodeUtf8 } from './read-text.ts';

export const TEMPLATE_EXTENSION = '.hbs';
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplateSource {
  /** File name without `.hbs`. */
  readonly name: string;
  readonly partial: boolean;
  /** Absolute path, for messages. */
  readonly path: string;
  readonly source: string;
}

export interface TemplateSources {
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly files: readonly TemplateSource[];
}

function problemText(problem: ContainedProblem): string {
  switch (problem.kind) {
    case 'outside':
      return 'est un lien qui mène hors du dossier des modèles';
    case 'missing':
      return problem.dangling ? 'est un lien qui ne mène à aucun fichier' : 'a disparu pendant la lecture';
    case 'not-a-file':
      return `est ${problem.what}, pas un fichier`;
    case 'too-large':
      return `fait ${problem.size.toLocaleString('fr-FR')} octets, au-delà de la limite de ${problem.limit.toLocaleString('fr-FR')} octets`;
    case 'unreadable':
      return `ne peut pas être lu (${problem.code})`;
  }
}

/** Reads every template of `dir` (see the module comment); throws DiagnosticError on any problem. */
export function readTemplatesFolder(dir: string): TemplateSources {
  const absolute = resolve(dir);
  const info = statSync(absolute, { throwIfNoEntry: false });
  if (!info?.isDirectory()) {
    throw new DiagnosticError([
      diagnostic(
        'file.not-found',
        'erreur',
        info
          ? `« ${absolute} », donné à --templates, n’est pas un dossier.`
          : `Le dossier de modèles « ${absolute} » est introuvable.`,
        {
          file: absolute,
          hint: 'Vérifiez le chemin donné à --templates (un dossier contenant des fichiers .hbs).',
        },
      ),
    ]);
  }
  const problems: Diagnostic[] = [];
  const files: TemplateSource[] = [];
  for (const partial of [false, true]) {
    const sub = partial ? 'partials' : '';
    let names: string[] = [];
    try {
      names = readdirSync(join(absolute, sub)).filter((f) => f.endsWith(TEMPLATE_EXTENSION));
    } catch {
      // No partials folder (or not a folder): nothing to override there.
    }
    for (const name of names.sort()) {
      const relativePath = partial ? `partials/${name}` : name;
      const path = join(absolute, relativePath);
      const read = readContained(absolute, relativePath, { maxBytes: MAX_TEMPLATE_BYTES });
      if ('problem' in read) {
        const code = read.problem.kind === 'missing' ? 'file.unreadable' : problemCode(read.problem);
        problems.push(
          diagnostic(code, 'erreur', `Le modèle « ${path} » ${problemText(read.problem)}.`, {
            file: path,
            hint: 'Un modèle est un fichier .hbs rangé dans le dossier des modèles lui-même : copiez-le à la place du lien ou du dossier.',
          }),
        );
        continue;
      }
      const text = decodeUtf8(read.bytes, path);
      if ('diagnostic' in text) {
        problems.push(text.diagnostic);
        continue;
      }
      files.push({ name: name.slice(0, -TEMPLATE_EXTENSION.length), partial, path, source: text.text });
    }
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return { dir: absolute, files };
}
