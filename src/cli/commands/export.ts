/**
 * `delib export scdl SEANCE.yaml… [-o FICHIER.csv]`: the SCDL « Délibérations » open-data file.
 */
import { writeOutputFile } from '../../bundle/output-file.ts';
import { type Diagnostic, hasErrors } from '../../diagnostics.ts';
import { toCsv } from '../../publish/csv.ts';
import { SCDL_COLUMNS, type ScdlSource, scdlRows } from '../../publish/scdl.ts';
import { accord } from '../../template/helpers/pluriel.ts';
import { loadAndValidate } from '../../validate/validate.ts';
import { type Command, EXIT, UsageError } from '../command.ts';
import { inCwd } from '../io.ts';
import { parseReporter, reportDiagnostics } from '../options.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Exporte les délibérations au format open data SCDL (export scdl)',
  usage: 'delib export scdl [-o FICHIER.csv] SEANCE.yaml…',
  help: `Écrit le fichier CSV « Délibérations » du socle commun des données locales (SCDL, version
2.1.5) : une ligne par délibération, les séances dans l’ordre de leurs dates. Colonnes :
${SCDL_COLUMNS.join(', ')}.
Chaque colonne obligatoire doit être remplie : sinon delib indique le champ à ajouter au fichier
de séance (SIRET de la collectivité, matière du point…).

Options :
  -o, --sortie FICHIER   fichier CSV à écrire (sinon la sortie standard)
  -r, --reporter FORMAT  text, json, github ou gitlab (rapport des erreurs)
  -h, --help             affiche cette aide

Exemple :
  delib export scdl seances/2024-*.yaml -o deliberations.csv`,
  options: {
    sortie: { type: 'string', short: 'o' },
    reporter: { type: 'string', short: 'r', default: 'text' },
  },
  run: async ({ values, positionals, io }) => {
    const reporter = parseReporter(values.reporter);
    const [format, ...files] = positionals;
    if (format !== 'scdl')
      throw new UsageError('Format d’export inconnu : écrivez « delib export scdl SEANCE.yaml… ».');
    if (files.length === 0) throw new UsageError('Indiquez au moins un fichier de séance.');
    if (values.sortie === '') throw new UsageError('Fichier de sortie vide (-o "") : indiquez un fichier.');
    const sources: ScdlSource[] = [];
    const problems: Diagnostic[] = [];
    const texts = new Map<string, string>();
    for (const file of files) {
      const result = await loadAndValidate(file, { cwd: io.cwd });
      if (result.sources) {
        texts.set(result.sources.root.file, result.sources.root.text);
        for (const point of result.sources.points) if (point) texts.set(point.file, point.text);
      }
      problems.push(...result.diagnostics);
      if (result.seance && result.sources) sources.push({ seance: result.seance, sources: result.sources });
    }
    const { rows, diagnostics } = scdlRows(sources);
    problems.push(...diagnostics);
    if (hasErrors(problems)) {
      reportDiagnostics(io, reporter, files.join(', '), problems, texts);
      return EXIT.invalid;
    }
    reportDiagnostics(io, reporter, files.join(', '), problems, texts);
    const csv = toCsv([SCDL_COLUMNS, ...rows]);
    const out = typeof values.sortie === 'string' ? values.sortie : undefined;
    if (out === undefined) {
      io.stdout(csv);
      return EXIT.ok;
    }
    await writeOutputFile(inCwd(io, out), csv, out);
    io.stderr(
      `${rows.length} ${accord(rows.length, 'délibération exportée', 'délibérations exportées')} dans ${out}.\n`,
    );
    return EXIT.ok;
  },
};
