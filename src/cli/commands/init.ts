/**
 * `delib init [DOSSIER]`: writes an example séance (with its schema, for the editor) to start from.
 */
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticError, diagnostic } from '../../diagnostics.ts';
import { publishedSchemaJson } from '../../schema/published.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';

const MODEL = fileURLToPath(new URL('../../../fixtures/modele-seance.yaml', import.meta.url));
const SEANCE_FILE = 'seance.yaml';
const SCHEMA_FILE = 'seance.schema.json';

/** How the clerk called delib, so the commands printed work as typed: `npx delib` or `delib`. */
export function invokedAs(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' || env.npm_lifecycle_event === 'npx' ? 'npx delib' : 'delib';
}

/** A path as a POSIX shell word: quoted when it holds anything but safe characters. */
export function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'Écrit un modèle de séance commenté pour commencer',
  usage: 'delib init [DOSSIER]',
  help: `Écrit dans DOSSIER (le dossier courant par défaut) un modèle de séance commenté,
seance.yaml, à compléter, et le schéma seance.schema.json qui permet à l’éditeur (VS Code avec
l’extension YAML) de compléter et de vérifier le fichier pendant la saisie. Aucun fichier existant
n’est remplacé. La commande affiche ensuite celles qui vérifient et construisent la séance.

Exemple :
  npx delib init ma-seance`,
  options: {},
  run: async ({ positionals, io }) => {
    if (positionals.length > 1) throw new UsageError('Indiquez au plus un dossier.');
    const dir = positionals[0] ?? '.';
    const targets = [join(dir, SEANCE_FILE), join(dir, SCHEMA_FILE)];
    for (const target of targets) {
      // lstat: a dangling symbolic link also counts as an existing file (writing would follow it).
      if (await lstat(inCwd(io, target)).catch(() => undefined)) {
        throw new DiagnosticError([
          diagnostic('output.foreign-files', 'erreur', `Le fichier « ${target} » existe déjà.`, {
            file: target,
            hint: 'Choisissez un autre dossier : delib init ne remplace aucun fichier.',
          }),
        ]);
      }
    }
    const example = (await readFile(MODEL, 'utf8')).replace(
      /^# yaml-language-server: \$schema=.*$/m,
      `# yaml-language-server: $schema=./${SCHEMA_FILE}`,
    );
    try {
      await mkdir(inCwd(io, dir), { recursive: true });
      // 'wx': never replace a file that appeared meanwhile, never follow a link.
      await writeFile(inCwd(io, targets[0]!), example, { flag: 'wx' });
      await writeFile(inCwd(io, targets[1]!), publishedSchemaJson(), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'erreur';
      throw new DiagnosticError([
        diagnostic('output.not-writable', 'erreur', `Impossible d’écrire dans « ${dir} » (${code}).`, {
          file: dir,
          hint:
            code === 'EEXIST' || code === 'ENOTDIR'
              ? 'Ce chemin contient un fichier là où un dossier est attendu : choisissez un autre dossier.'
              : 'Vérifiez que le dossier est accessible en écriture et que le disque n’est pas plein.',
        }),
      ]);
    }
    const delib = invokedAs(io.env);
    const seance = shellWord(targets[0]!);
    const output = shellWord(join(dir, 'documents'));
    io.stdout(
      `Modèle de séance écrit : ${targets[0]} (schéma pour l’éditeur : ${targets[1]}).\n` +
        `Remplacez les exemples par vos données, puis :\n` +
        `  ${delib} validate ${seance}\n` +
        `  ${delib} build ${seance} -o ${output}\n`,
    );
    return EXIT.ok;
  },
};
