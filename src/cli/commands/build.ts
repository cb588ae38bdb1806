/**
 * `delib build SEANCE.yaml`: every document of the séance, the dossier and the manifest, written
 * atomically into one folder.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pdfaWarnings } from '../../annex/inspect.ts';
import { buildBundle } from '../../bundle/build.ts';
import { buildDate } from '../../bundle/clock.ts';
import type { DocxFonts } from '../../bundle/render-documents.ts';
import { warmUp } from '../../bundle/scheduler.ts';
import { DiagnosticError } from '../../diagnostics.ts';
import { readReferenceDocx } from '../../load/reference-docx.ts';
import { ctesDiagnostics } from '../../publish/ctes.ts';
import { defaultFontFiles } from '../../render/font-files.ts';
import { referenceFontDiagnostics } from '../../validate/reference-docx.ts';
import { type Command, EXIT, InterruptedError, UsageError } from '../command.ts';
import { frenchSeconds } from '../duration.ts';
import { type CliIo, inCwd } from '../io.ts';
import { loadForRendering, parseFormats, parsePoints, parseReporter, reportDiagnostics } from '../options.ts';
import { handOverIfBig, handOverIfThreaded, handsOver } from '../threads-hand-over.ts';

/** `2023-03-23` + « Conseil municipal » → `2023-03-23-conseil-municipal`. */
export function defaultOutDir(date: string, instance: string): string {
  const slug = instance
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return join('output', `${date}-${slug || 'seance'}`);
}

function progressBar(io: CliIo, quiet: boolean): (done: number, total: number) => void {
  if (quiet || io.stderrIsTTY !== true) return () => undefined;
  let last = -1;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    if (filled === last && done !== total) return;
    last = filled;
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} documents`);
    if (done === total) io.stderr('\n');
  };
}

const DOCX_FONTS: Readonly<Record<string, DocxFonts>> = {
  'sous-ensemble': 'subset',
  completes: 'full',
  aucune: 'none',
};

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reported by loading, in French
  }
}

function parseDocxFonts(value: unknown): DocxFonts | undefined {
  if (value === undefined) return undefined;
  const mode = Object.hasOwn(DOCX_FONTS, String(value)) ? DOCX_FONTS[String(value)] : undefined;
  if (mode === undefined) {
    throw new UsageError(
      `Mode de polices DOCX inconnu « ${String(value)} » : sous-ensemble, completes ou aucune.`,
    );
  }
  return mode;
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Produit tous les documents d’une séance (PDF, DOCX, dossier, manifeste)',
  usage: 'delib build [options] SEANCE.yaml',
  help: `Vérifie la séance puis écrit, dans un dossier : pour chaque point la note de présentation,
la délibération et chaque convention annexée ; l’ordre du jour ; le dossier de séance (un seul
PDF avec signets) ; manifest.json (empreintes SHA-256). En cas d’erreur, rien n’est écrit et le
dossier précédent reste intact.

Options :
  -o, --sortie DOSSIER       dossier de sortie (par défaut output/<date>-<instance>/)
  -f, --formats LISTE        pdf, docx ou pdf,docx (par défaut)
  -p, --points LISTE         seulement ces points, par exemple 3,5-7 (l’ordre du jour est toujours produit)
  -t, --templates DOSSIER    modèles de la collectivité (remplacent ceux de delib, fichier par fichier)
      --reference-docx FICHIER  styles et mise en page Word d’un document .docx de la collectivité
                             (DOCX seulement : les PDF gardent la mise en page de delib)
      --polices-docx MODE    polices incorporées aux DOCX : sous-ensemble (par défaut : les
                             caractères du français et du clavier, ≈ 60 Ko), completes
                             (≈ 550 Ko par fichier) ou aucune (la police doit être installée)
      --pdfa                 PDF/A-3b pour l’archivage, avec le fichier de séance joint
      --ctes                 vérifie que les actes peuvent partir en préfecture par @ctes et
                             les décrit dans manifest.json (nature, matière, numéro, date, objet)
      --force                écrit dans un dossier qui contient d’autres fichiers, sans jamais
                             les supprimer ni les remplacer
  -j, --jobs N               nombre maximal de fils de calcul (par défaut : 2 pour les grosses
                             séances ; une petite séance reste sur un seul fil, plus rapide)
  -r, --reporter FORMAT      text, json, github ou gitlab (rapport des erreurs)
  -q, --quiet                n’affiche ni progression ni résumé
  -h, --help                 affiche cette aide

Variables d’environnement :
  SOURCE_DATE_EPOCH          date fixe (secondes depuis 1970) : mêmes octets à chaque construction

Exemples :
  delib build seance.yaml
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) delib build seance.yaml -o dist/seance`,
  options: {
    sortie: { type: 'string', short: 'o' },
    formats: { type: 'string', short: 'f', default: 'pdf,docx' },
    points: { type: 'string', short: 'p' },
    templates: { type: 'string', short: 't' },
    'reference-docx': { type: 'string' },
    'polices-docx': { type: 'string' },
    pdfa: { type: 'boolean', default: false },
    ctes: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    jobs: { type: 'string', short: 'j' },
    reporter: { type: 'string', short: 'r', default: 'text' },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
  run: async ({ values, positionals, io }) => {
    const reporter = parseReporter(values.reporter);
    if (positionals.length !== 1) throw new UsageError('Indiquez un fichier de séance, et un seul.');
    const file = positionals[0]!;
    const formats = parseFormats(String(values.formats));
    const points = typeof values.points === 'string' ? parsePoints(values.points) : undefined;
    const jobs = typeof values.jobs === 'string' ? Number(values.jobs) : undefined;
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
      throw new UsageError(`Nombre de fils incorrect « ${values.jobs} » : un entier de 1 à 64.`);
    }
    if (values.sortie === '') throw new UsageError('Dossier de sortie vide (-o "") : indiquez un dossier.');
    const docxFonts = parseDocxFonts(values['polices-docx']);
    const quiet = values.quiet === true;
    const started = performance.now();
    const creationDate = buildDate(io.env);
    // Listened to from the start: Ctrl-C while loading stops here too (130, nothing written).
    const controller = new AbortController();
    const onSignal = (signal: string) => controller.abort(signal);
    const unsubscribe = io.onInterrupt?.(onSignal);
    const parallelFrom = io.env.DELIB_PARALLEL_FROM ? Number(io.env.DELIB_PARALLEL_FROM) : undefined;
    // A big séance's workers load their modules while this thread loads and validates it (not
    // from the start-up snapshot, which starts no worker: it hands a big file over before loading
    // it, and a threaded build once loaded).
    const seanceBytes = fileSize(inCwd(io, file));
    handOverIfBig(seanceBytes, points, jobs, parallelFrom);
    const warm = points || handsOver() ? undefined : warmUp(seanceBytes, jobs, parallelFrom);
    try {
      const loaded = await loadForRendering(file, io.cwd);
      handOverIfThreaded(loaded.seance, points, jobs, parallelFrom);
      const pdfaWarned =
        values.pdfa === true ? pdfaWarnings(loaded.seance, loaded.sources, loaded.annexes) : [];
      reportDiagnostics(io, reporter, file, [...loaded.warnings, ...pdfaWarned], loaded.texts);
      const ctes = values.ctes === true;
      if (ctes) {
        const problems = ctesDiagnostics(loaded.seance, loaded.sources);
        if (problems.length > 0) throw new DiagnosticError(problems, loaded.texts);
      }
      const { seance } = loaded;
      if (points) {
        const missing = [...points].filter((n) => !seance.points.some((p) => p.numero === n));
        if (missing.length > 0) {
          throw new UsageError(
            missing.length === 1
              ? `Point absent de la séance : ${missing.join(', ')}.`
              : `Points absents de la séance : ${missing.join(', ')}.`,
          );
        }
      }
      const templatesDir = typeof values.templates === 'string' ? inCwd(io, values.templates) : undefined;
      const referenceDocx =
        typeof values['reference-docx'] === 'string'
          ? readReferenceDocx(inCwd(io, values['reference-docx']), values['reference-docx'])
          : undefined;
      if (referenceDocx) {
        const measured = loaded.fonts?.family ?? defaultFontFiles().family;
        const shown = String(values['reference-docx']);
        reportDiagnostics(io, reporter, file, referenceFontDiagnostics(referenceDocx, shown, measured));
      }
      const outDir =
        typeof values.sortie === 'string'
          ? values.sortie
          : defaultOutDir(seance.seance.date, seance.instance);
      controller.signal.throwIfAborted();
      const result = await buildBundle({
        seance,
        source: { file, bytes: loaded.bytes },
        outDir: inCwd(io, outDir),
        formats,
        ...(points ? { points } : {}),
        ...(templatesDir !== undefined ? { templatesDir } : {}),
        ...(referenceDocx ? { referenceDocx } : {}),
        ...(docxFonts ? { docxFonts } : {}),
        pdfa: values.pdfa === true,
        ctes,
        force: values.force === true,
        guards: { seanceFile: inCwd(io, file), cwd: io.cwd, ...(io.env.HOME ? { home: io.env.HOME } : {}) },
        creationDate,
        assets: loaded.assets,
        annexes: loaded.annexes,
        ...(loaded.fonts ? { fonts: loaded.fonts } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        // Tests and measurements only: threads for séances smaller than the scheduler's threshold.
        ...(parallelFrom !== undefined ? { parallelFrom } : {}),
        ...(warm ? { warm } : {}),
        onProgress: progressBar(io, quiet),
        signal: controller.signal,
      });
      if (!quiet) {
        io.stderr(
          `${result.manifest.documents.length} fichiers, ${result.pages} pages PDF, écrits dans ${outDir} en ${frenchSeconds(performance.now() - started)}.\n`,
        );
      }
      return EXIT.ok;
    } catch (error) {
      if (controller.signal.aborted) {
        throw new InterruptedError(
          controller.signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT',
          'Construction interrompue : le dossier précédent est intact.',
        );
      }
      throw error;
    } finally {
      unsubscribe?.();
      await warm?.stop();
    }
  },
};
