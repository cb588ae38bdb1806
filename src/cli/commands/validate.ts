/**
 * `delib validate FICHIER…`: checks séance files and reports every problem.
 */

import { type Diagnostic, hasErrors } from '../../diagnostics.ts';
import { ctesDiagnostics } from '../../publish/ctes.ts';
import { accord } from '../../template/helpers/pluriel.ts';
import { pvDiagnostics } from '../../validate/pv-checklist.ts';
import { loadAndValidate } from '../../validate/validate.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { useColour } from '../io.ts';
import { parseReporter } from '../options.ts';
import { formatGithub } from '../reporters/github.ts';
import { formatGitlab } from '../reporters/gitlab.ts';
import { formatJson } from '../reporters/json.ts';
import { formatText } from '../reporters/text.ts';

/** « 2 fichiers valides. », « 1 fichier invalide sur 3 : 1 erreur, 2 avertissements. » */
export function summary(files: number, invalid: number, errors: number, warnings: number): string {
  const count = (n: number, singular: string, plural: string) => `${n} ${accord(n, singular, plural)}`;
  const warned = warnings > 0 ? count(warnings, 'avertissement', 'avertissements') : '';
  if (invalid === 0)
    return `${count(files, 'fichier valide', 'fichiers valides')}${warned ? `, ${warned}` : ''}.\n`;
  return `${count(invalid, 'fichier invalide', 'fichiers invalides')} sur ${files} : ${count(errors, 'erreur', 'erreurs')}${warned ? `, ${warned}` : ''}.\n`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Vérifie des fichiers de séance et signale chaque problème',
  usage: 'delib validate [--reporter text|json|github|gitlab] FICHIER.yaml…',
  help: `Vérifie la syntaxe YAML, le schéma et les règles de gestion (numéros, votes, présences,
quorum, pouvoirs, conventions, dates, fichiers référencés) et affiche tous les problèmes
à la fois, dans l’ordre des fichiers.

Options :
      --ctes             vérifie aussi ce que demande la transmission des actes par @ctes :
                         SIRET, matière de chaque délibération, numéro et objet des actes ;
      --pv               avertit de ce que le procès-verbal doit mentionner (CGCT L. 2121-15)
                         et que la séance n’indique pas encore ;
  -r, --reporter FORMAT  text (par défaut) : fichier:ligne:colonne, ligne fautive et conseil ;
                         json : un document JSON pour les outils ;
                         github : annotations ::error pour GitHub Actions ;
                         gitlab : rapport Code Quality (JSON) pour GitLab CI.
  -h, --help             affiche cette aide.

Code de sortie : 0 si tout est valide (les avertissements n’empêchent pas la validation),
1 si un fichier est invalide, 2 si la ligne de commande est incorrecte.

Exemples :
  delib validate seance.yaml
  delib validate --reporter github seances/*.yaml
  delib validate --reporter gitlab seances/*.yaml > gl-code-quality-report.json`,
  options: {
    reporter: { type: 'string', short: 'r', default: 'text' },
    ctes: { type: 'boolean', default: false },
    pv: { type: 'boolean', default: false },
  },
  run: async ({ values, positionals, io }) => {
    const reporter = parseReporter(values.reporter);
    if (positionals.length === 0) throw new UsageError('Indiquez au moins un fichier de séance à vérifier.');
    const all: Diagnostic[] = [];
    const texts = new Map<string, string>();
    const files: { fichier: string; valide: boolean }[] = [];
    for (const file of positionals) {
      const result = await loadAndValidate(file, { cwd: io.cwd });
      const diagnostics = [...result.diagnostics];
      if (values.ctes === true && result.seance && result.sources) {
        diagnostics.push(...ctesDiagnostics(result.seance, result.sources));
      }
      if (values.pv === true && result.seance && result.sources) {
        diagnostics.push(...pvDiagnostics(result.seance, result.sources));
      }
      all.push(...diagnostics);
      files.push({ fichier: file, valide: !hasErrors(diagnostics) });
      const sources = result.sources;
      if (sources) {
        texts.set(sources.root.file, sources.root.text);
        for (const point of sources.points) if (point) texts.set(point.file, point.text);
      }
    }
    if (reporter === 'json') io.stdout(formatJson(files, all));
    else if (reporter === 'github') io.stdout(formatGithub(all));
    else if (reporter === 'gitlab') io.stdout(formatGitlab(all));
    else {
      const colour = useColour(io);
      io.stdout(formatText(all, { colour, sources: texts }));
      const errors = all.filter((d) => d.severity === 'erreur').length;
      const warnings = all.length - errors;
      const invalid = files.filter((f) => !f.valide).length;
      io.stdout(summary(files.length, invalid, errors, warnings));
    }
    return files.every((f) => f.valide) ? EXIT.ok : EXIT.invalid;
  },
};
