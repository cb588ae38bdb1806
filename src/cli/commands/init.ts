/**
 * `delib init [DOSSIER]`: writes an example séance (with its schema, for the editor) to start from.
 */
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticError, diagnostic } from '../../diagnostics.ts';
import { seanceSchemaJson } from '../../schema/json.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';

const EXAMPLE = fileURLToPath(new URL('../../../fixtures/sceaux-2023-03-23.yaml', import.meta.url));
const SEANCE_FILE = 'seance.yaml';
const SCHEMA_FILE = 'seance.schema.json';

export const initCommand: Command = {
  name: 'init',
  summary: 'Écrit une séance d’exemple pour commencer',
  usage: 'delib init [DOSSIER]',
  help: `Écrit dans DOSSIER (le dossier courant par défaut) une séance d’exemple, seance.yaml, et le
schéma seance.schema.json qui permet à l’éditeur (VS Code avec l’extension YAML) de compléter et
de vérifier le fichier pendant la saisie. Aucun fichier existant n’est remplacé.

Exemple :
  delib init ma-seance && delib build ma-seance/seance.yaml`,
  options: {},
  run: async ({ positionals, io }) => {
    if (positionals.length > 1) throw new UsageError('Indiquez au plus un dossier.');
    const dir = positionals[0] ?? '.';
    const targets = [join(inCwd(io, dir), SEANCE_FILE), join(inCwd(io, dir), SCHEMA_FILE)];
    for (const target of targets) {
      // lstat: a dangling symbolic link also counts as an existing file (writing would follow it).
      if (await lstat(target).catch(() => undefined)) {
        throw new DiagnosticError([
          diagnostic('output.foreign-files', 'erreur', `Le fichier « ${target} » existe déjà.`, {
            file: target,
            hint: 'Choisissez un autre dossier : delib init ne remplace aucun fichier.',
          }),
        ]);
      }
    }
    const example = (await readFile(EXAMPLE, 'utf8')).replace(
      /^# yaml-language-server: \$schema=.*$/m,
      `# yaml-language-server: $schema=./${SCHEMA_FILE}`,
    );
    try {
      await mkdir(inCwd(io, dir), { recursive: true });
      // 'wx': never replace a file that appeared meanwhile, never follow a link.
      await writeFile(targets[0]!, example, { flag: 'wx' });
      await writeFile(targets[1]!, seanceSchemaJson(), { flag: 'wx' });
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
    io.stdout(
      `Séance d’exemple écrite : ${targets[0]} (schéma : ${targets[1]}).\nEssayez : delib build ${targets[0]}\n`,
    );
    return EXIT.ok;
  },
};
