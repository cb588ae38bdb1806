/**
 * `delib templates export DOSSIER`: copies the default templates to start a collectivité's own.
 */
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DiagnosticError, diagnostic } from '../../diagnostics.ts';
import { DEFAULT_TEMPLATES_DIR } from '../../template/env.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';

async function templateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'Copie les modèles par défaut pour les adapter (templates export DOSSIER)',
  usage: 'delib templates export DOSSIER [--force]',
  help: `Copie les modèles Handlebars de delib (et leurs partiels) dans DOSSIER. Modifiez-y ceux que
vous voulez adapter, supprimez les autres, puis construisez avec --templates DOSSIER : un fichier
présent dans DOSSIER remplace le modèle de delib du même nom.

Options :
      --force   remplace les fichiers déjà présents dans DOSSIER
  -h, --help    affiche cette aide

Exemple :
  delib templates export modeles && delib build seance.yaml --templates modeles`,
  options: { force: { type: 'boolean', default: false } },
  run: async ({ values, positionals, io }) => {
    const [action, dir, ...rest] = positionals;
    if (action !== 'export' || dir === undefined || rest.length > 0) {
      throw new UsageError('Usage : delib templates export DOSSIER');
    }
    const folder = inCwd(io, dir);
    const files = await templateFiles(DEFAULT_TEMPLATES_DIR);
    const existing: string[] = [];
    for (const file of files) {
      if (await lstat(join(folder, file)).catch(() => undefined)) existing.push(file);
    }
    if (existing.length > 0 && values.force !== true) {
      throw new DiagnosticError([
        diagnostic(
          'output.foreign-files',
          'erreur',
          `Le dossier « ${dir} » contient déjà : ${existing.join(', ')}.`,
          {
            file: dir,
            hint: 'Choisissez un autre dossier, ou ajoutez --force pour remplacer ces fichiers.',
          },
        ),
      ]);
    }
    try {
      for (const file of files) {
        await mkdir(join(folder, file, '..'), { recursive: true });
        const target = join(folder, file);
        // A link is replaced, never followed: the copy stays inside DOSSIER.
        if (values.force === true) await rm(target, { force: true });
        await copyFile(join(DEFAULT_TEMPLATES_DIR, file), target, constants.COPYFILE_EXCL);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'erreur';
      throw new DiagnosticError([
        diagnostic(
          'output.not-writable',
          'erreur',
          `Impossible d’écrire les modèles dans « ${dir} » (${code}).`,
          {
            file: dir,
            hint: 'Vérifiez que ce chemin est un dossier accessible en écriture, et que le disque n’est pas plein.',
          },
        ),
      ]);
    }
    io.stdout(`${files.length} modèles copiés dans ${dir} : ${files.join(', ')}.\n`);
    return EXIT.ok;
  },
};
