/**
 * The benchmark of `delib build`: cold runs of the real CLI on generated séances (10, 100, 500
 * points) and on the one-point Sceaux fixture, with the baselines (LibreOffice converting the DOCX
 * delib produced; the bare pdfkit and docx libraries). Prints a table and writes bench/results.md.
 *
 * Environment: BENCH_SIZES=10,100,500, BENCH_REPS=5 (runs of the small sizes; 100 points get
 * BENCH_REPS, at most 3 on the 500-point séance), BENCH_SOFFICE=0 to skip LibreOffice,
 * BENCH_BASELINE=/other/checkout/bin/delib.js to run another delib (e.g. the previous main, with
 * its dist/ built) interleaved with this one, so that a loaded machine still gives ratios;
 * BENCH_STAGES=100,500 (default: every size of 100 points or more, so that each throughput target
 * gets its bound): the séances whose CPU is split by stage (bench/stages.ts).
 *
 * @example
 * npm run bench
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeance } from './generate.ts';
import type { Stages } from './stages.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', 'work');
const CLI = join(ROOT, 'bin', 'delib.js');
const EPOCH = '1700000000';

interface Run {
  readonly wallMs: number;
  readonly rssKb: number;
  /** User + system CPU time of the process (all threads), from /usr/bin/time; NaN without it. */
  readonly cpuMs: number;
}

interface SizeResult {
  readonly label: string;
  readonly points: number;
  readonly file: string;
  readonly outDir: string;
  readonly runs: readonly Run[];
  /** Runs of BENCH_BASELINE, each just before the run of the same index. */
  readonly baseline: readonly Run[];
  readonly files: number;
  readonly sourceDocuments: number;
  readonly pages: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmtS = (ms: number) => (ms / 1000).toFixed(2);
const hasTime = existsSync('/usr/bin/time');
/** Issue 13's wall-time targets, in seconds, by number of points. */
const TARGETS_S: Readonly<Record<number, number>> = { 100: 3, 500: 15 };

/** One cold run of the CLI: wall time measured here, peak RSS from /usr/bin/time -v or the probe. */
const BASELINE = process.env.BENCH_BASELINE;
const CACHE = join(WORK, 'cache');
const SNAPSHOTS = join(CACHE, 'delib', 'snapshot');

/**
 * After a first build, the start-up snapshot of `delib build` (bin/snapshot.js, Node ≥ 22.15) is
 * made in a detached process: waits for it (so that it does not share the CPU with the measured
 * runs) and says what became of it.
 */
function snapshotState(): string {
  const started = Date.now();
  while (Date.now() < started + 5 * 60_000) {
    const names = existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS) : [];
    if (names.some((n) => n.endsWith('.size'))) return 'made after the first run, used by the later runs';
    if (names.some((n) => n.endsWith('.failed'))) return 'its making failed (remembered): no snapshot';
    // The detached maker takes its lock a moment after the first run has ended.
    const making = names.some((n) => n.endsWith('.lock'));
    if (!making && Date.now() > started + 5000)
      return 'none (no `process.execve` in this Node, or DELIB_NO_SNAPSHOT=1)';
    spawnSync('sleep', ['0.25']);
  }
  return 'still being made after 5 minutes';
}

function runCli(args: readonly string[], cli = CLI): Run {
  const probe = join(WORK, 'rss.json');
  rmSync(probe, { force: true });
  const node = process.execPath;
  const command = hasTime
    ? ['/usr/bin/time', '-v', node, cli, ...args]
    : [node, '--import', new URL('./rss-probe.js', import.meta.url).href, cli, ...args];
  const start = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      SOURCE_DATE_EPOCH: EPOCH,
      DELIB_RSS_PROBE: probe,
      DELIB_DIST: distUsed ? '1' : '0',
      // Its own cache folder (compile cache, start-up snapshot), emptied at the start of the run.
      XDG_CACHE_HOME: CACHE,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) {
    throw new Error(`delib ${args.join(' ')} a échoué (${child.status}) :\n${child.stdout}\n${child.stderr}`);
  }
  const rssKb = hasTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? Number.NaN)
    : (JSON.parse(readFileSync(probe, 'utf8')) as { maxRssKb: number }).maxRssKb;
  const seconds = (label: string) =>
    Number(new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1]);
  const cpuMs = hasTime ? (seconds('User time') + seconds('System time')) * 1000 : Number.NaN;
  return { wallMs, rssKb, cpuMs };
}

function manifestFigures(outDir: string) {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    documents: { format: string; kind: string; pages?: number }[];
  };
  return {
    files: manifest.documents.length,
    sourceDocuments: manifest.documents.filter((d) => d.format === 'docx').length,
    pages: manifest.documents.reduce((sum, d) => sum + (d.pages ?? 0), 0),
  };
}

function measure(label: string, points: number, file: string, reps: number): SizeResult {
  const outDir = join(WORK, `out-${label}`);
  const runs: Run[] = [];
  const baseline: Run[] = [];
  for (let i = 0; i < reps; i++) {
    if (BASELINE) {
      baseline.push(runCli(['build', file, '-o', `${outDir}-baseline`, '--force', '-q'], BASELINE));
      process.stderr.write(`  ${label} : référence ${i + 1}/${reps} ${fmtS(baseline.at(-1)!.wallMs)} s\n`);
    }
    runs.push(runCli(['build', file, '-o', outDir, '--force', '-q']));
    process.stderr.write(`  ${label} : essai ${i + 1}/${reps} ${fmtS(runs.at(-1)!.wallMs)} s\n`);
  }
  return { label, points, file, outDir, runs, baseline, ...manifestFigures(outDir) };
}

/** LibreOffice converting every DOCX of a bundle to PDF in one call, with its own profile. */
function libreOffice(result: SizeResult): { ms: number; count: number } | string {
  if (process.env.BENCH_SOFFICE === '0') return 'BENCH_SOFFICE=0';
  const which = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const soffice = which.stdout.trim().split('\n')[0];
  if (!soffice) return 'soffice (LibreOffice) est absent de cette machine';
  const input = join(WORK, `lo-in-${result.label}`);
  const output = join(WORK, `lo-out-${result.label}`);
  rmSync(input, { recursive: true, force: true });
  rmSync(output, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  const docx = readdirSync(result.outDir).filter((f) => f.endsWith('.docx'));
  for (const f of docx) copyFileSync(join(result.outDir, f), join(input, f));
  const profile = `-env:UserInstallation=file://${join(WORK, 'lo-profile')}`;
  const convert = (files: string[]) =>
    spawnSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', output, ...files], {
      encoding: 'utf8',
      timeout: 20 * 60_000,
    });
  // The first start creates the profile: done once, untimed, on one file.
  convert([join(input, docx[0]!)]);
  rmSync(output, { recursive: true, force: true });
  const start = performance.now();
  const run = convert(docx.map((f) => join(input, f)));
  const ms = performance.now() - start;
  const produced = existsSync(output) ? readdirSync(output).filter((f) => f.endsWith('.pdf')).length : 0;
  if (run.status !== 0 || produced !== docx.length) {
    return `LibreOffice a échoué (${run.status}, ${produced}/${docx.length} PDF) : ${run.stderr.slice(0, 300)}`;
  }
  return { ms, count: docx.length };
}

interface Floor {
  readonly documents: number;
  readonly ms: Readonly<Record<string, number>>;
}

function floor(file: string): Floor | string {
  const child = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'dev.js'), join(ROOT, 'bench', 'floor.ts'), file],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    },
  );
  if (child.status !== 0) return `bench/floor.ts a échoué : ${child.stderr.slice(0, 500)}`;
  return JSON.parse(child.stdout) as Floor;
}

/** CPU by stage and kind of document, one thread (bench/stages.ts). */
function stages(file: string): Stages | string {
  const child = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'dev.js'), join(ROOT, 'bench', 'stages.ts'), file],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } },
  );
  if (child.status !== 0) return `bench/stages.ts a échoué : ${child.stderr.slice(0, 500)}`;
  return JSON.parse(child.stdout) as Stages;
}

// ---------------------------------------------------------------------------------------------

const sizes = (process.env.BENCH_SIZES ?? '10,100,500').split(',').map(Number);
const reps = Number(process.env.BENCH_REPS ?? 5);
mkdirSync(WORK, { recursive: true });
const load0 = loadavg();
const startedAt = new Date();

process.stderr.write('Compilation de dist/ (npm run build)…\n');
const built = spawnSync(process.execPath, [join(ROOT, 'bin', 'build-dist.js')], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`bin/build-dist.js a échoué : ${built.stderr}`);
const distUsed = existsSync(join(ROOT, 'dist', '.stamp'));
process.stderr.write(
  distUsed ? 'CLI mesurée : dist/ compilé.\n' : 'CLI mesurée : sources via tsx (pas de dist/).\n',
);

rmSync(CACHE, { recursive: true, force: true });
const version = runCli(['--version']);
const results: SizeResult[] = [];
process.stderr.write('Séance de Sceaux (1 point)…\n');
// The first build of a new install: no compile cache, no snapshot yet.
const sceaux = join(ROOT, 'fixtures', 'sceaux-2023-03-23.yaml');
const firstRun = runCli(['build', sceaux, '-o', join(WORK, 'out-first'), '--force', '-q']);
const snapshot = snapshotState();
results.push(measure('sceaux', 1, sceaux, reps));
for (const n of sizes) {
  const file = join(WORK, `seance-${n}.yaml`);
  writeFileSync(file, generateSeance(n));
  process.stderr.write(`Séance de ${n} points…\n`);
  results.push(
    measure(
      `${n}`,
      n,
      file,
      n >= 500
        ? Math.min(reps, Number(process.env.BENCH_REPS_500 ?? 1))
        : n >= 100
          ? Math.min(reps, 3)
          : reps,
    ),
  );
}

// Same bytes with one thread and with the default pool.
const small = results.find((r) => r.points === 10) ?? results[0]!;
const oneThread = join(WORK, `out-${small.label}-j1`);
runCli(['build', small.file, '-o', oneThread, '--force', '-q', '--jobs', '1']);
const twoThreads = join(WORK, `out-${small.label}-j2`);
runCli(['build', small.file, '-o', twoThreads, '--force', '-q', '--jobs', '2']);
// The manifest holds every file's SHA-256: equal manifests, equal files.
type Entry = { path: string; sha256: string };
const readEntries = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { documents: Entry[] }).documents;
const twoHashes = new Map(readEntries(twoThreads).map((d) => [d.path, d.sha256]));
const differing = readEntries(oneThread)
  .filter((d) => twoHashes.get(d.path) !== d.sha256)
  .map((d) => d.path);

const loResults = new Map<string, ReturnType<typeof libreOffice>>();
for (const r of results.filter((x) => x.points <= 100)) {
  process.stderr.write(`LibreOffice sur ${r.label}…\n`);
  loResults.set(r.label, libreOffice(r));
}
const floorTarget = results.find((r) => r.points === 100) ?? results.at(-1)!;
process.stderr.write(`Plancher des bibliothèques sur ${floorTarget.label}…\n`);
const floorResult = floor(floorTarget.file);
// Every séance a throughput target is set for (100 and 500 points) gets its bound by default.
const stageSizes = process.env.BENCH_STAGES
  ? process.env.BENCH_STAGES.split(',').map(Number)
  : sizes.filter((n) => n >= 100);
const stageResults = results
  .filter((r) => r.label !== 'sceaux' && stageSizes.includes(r.points))
  .map((r) => {
    process.stderr.write(`Coût par étape sur ${r.label}…\n`);
    return { result: r, stages: stages(r.file) };
  });
const load1 = loadavg();

// ---------------------------------------------------------------------------------------------

const lines: string[] = [];
const out = (s = '') => lines.push(s);
const cpu = cpus();
out('# delib: benchmark results');
out();
out(`Written by \`npm run bench\` on ${startedAt.toISOString()}.`);
out();
out(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}, Node ${process.version}. ` +
    `Load average at start ${load0.map((l) => l.toFixed(1)).join(' / ')}, at end ${load1.map((l) => l.toFixed(1)).join(' / ')} (other jobs shared the machine: medians, not means).`,
);
out(
  `CLI measured: ${distUsed ? 'compiled dist/ (bin/delib.js)' : 'TypeScript sources through tsx'}; every run is a new process (cold), SOURCE_DATE_EPOCH fixed, default --jobs.`,
);
out(
  `Peak RSS: ${hasTime ? '/usr/bin/time -v (whole process, worker threads included)' : 'process.resourceUsage().maxRSS of the child'}.`,
);
out(`\`delib --version\` cold: ${fmtS(version.wallMs)} s.`);
out(
  `First build of Sceaux with an empty cache folder: ${fmtS(firstRun.wallMs)} s (CPU ${fmtS(firstRun.cpuMs)} s); start-up snapshot of \`delib build\`: ${snapshot}.`,
);
out();
out(
  '| séance | runs | median wall (s) | min–max (s) | files | documents/s | pages | pages/s | peak RSS (MB) |',
);
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const walls = r.runs.map((x) => x.wallMs);
  const med = median(walls);
  out(
    `| ${r.label === 'sceaux' ? 'Sceaux, 1 point' : `${r.points} points`} | ${r.runs.length} | ${fmtS(med)} | ${fmtS(Math.min(...walls))}–${fmtS(Math.max(...walls))} | ${r.files} | ${(r.files / (med / 1000)).toFixed(1)} | ${r.pages} | ${(r.pages / (med / 1000)).toFixed(0)} | ${(Math.max(...r.runs.map((x) => x.rssKb)) / 1024).toFixed(0)} |`,
  );
}
out();
out(
  '“files”: PDF and DOCX of every document, plus the dossier de séance; “pages”: PDF pages, dossier included.',
);
out(
  `Output identical with --jobs 1 and --jobs 2 (${small.label}): ${differing.length === 0 ? 'yes' : `NO, ${differing.length} files differ (${differing.join(', ')})`}.`,
);
if (BASELINE) {
  out();
  out(`## Same run, interleaved: BENCH_BASELINE (${BASELINE}) → this checkout`);
  out();
  out(
    '| séance | runs | baseline median (s) | now median (s) | wall ratio | baseline CPU (s) | now CPU (s) | CPU ratio | baseline peak RSS (MB) | now peak RSS (MB) |',
  );
  out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results.filter((x) => x.baseline.length > 0)) {
    const before = median(r.baseline.map((x) => x.wallMs));
    const now = median(r.runs.map((x) => x.wallMs));
    const cpuBefore = median(r.baseline.map((x) => x.cpuMs));
    const cpuNow = median(r.runs.map((x) => x.cpuMs));
    const rss = (runs: readonly Run[]) => (Math.max(...runs.map((x) => x.rssKb)) / 1024).toFixed(0);
    out(
      `| ${r.label === 'sceaux' ? 'Sceaux, 1 point' : `${r.points} points`} | ${r.runs.length} | ${fmtS(before)} | ${fmtS(now)} | ${(now / before).toFixed(2)} × | ${fmtS(cpuBefore)} | ${fmtS(cpuNow)} | ${(cpuNow / cpuBefore).toFixed(2)} × | ${rss(r.baseline)} | ${rss(r.runs)} |`,
    );
  }
}
out();
out('## LibreOffice (DOCX → PDF, one batch call, own profile, profile created beforehand)');
out();
out('| séance | DOCX | LibreOffice (s) | per document (ms) | delib per document, PDF + DOCX (ms) | ratio |');
out('|---|---:|---:|---:|---:|---:|');
for (const r of results.filter((x) => loResults.has(x.label))) {
  const lo = loResults.get(r.label)!;
  const delibPerDoc = median(r.runs.map((x) => x.wallMs)) / r.sourceDocuments;
  if (typeof lo === 'string') out(`| ${r.label} | ${r.sourceDocuments} | skipped: ${lo} | | | |`);
  else
    out(
      `| ${r.label} | ${lo.count} | ${fmtS(lo.ms)} | ${(lo.ms / lo.count).toFixed(0)} | ${delibPerDoc.toFixed(0)} | ${(lo.ms / lo.count / delibPerDoc).toFixed(2)} × |`,
    );
}
out();
out(`## Raw engines' floor (${floorTarget.label}, one thread, in process, warm)`);
out();
if (typeof floorResult === 'string') out(`Skipped: ${floorResult}`);
else {
  const f = floorResult.ms;
  const per = (ms: number | undefined) => ((ms ?? Number.NaN) / floorResult.documents).toFixed(1);
  out('| renderer | total (ms) | per document (ms) | ratio to the floor |');
  out('|---|---:|---:|---:|');
  out(
    `| pdfkit, plain justified paragraphs, same fonts (floor) | ${f.rawPdf?.toFixed(0)} | ${per(f.rawPdf)} | 1 |`,
  );
  out(
    `| delib renderPdf | ${f.delibPdf?.toFixed(0)} | ${per(f.delibPdf)} | ${((f.delibPdf ?? 0) / (f.rawPdf ?? 1)).toFixed(1)} × |`,
  );
  out(`| docx, plain paragraphs, no styles (floor) | ${f.rawDocx?.toFixed(0)} | ${per(f.rawDocx)} | 1 |`);
  out(
    `| delib renderDocx | ${f.delibDocx?.toFixed(0)} | ${per(f.delibDocx)} | ${((f.delibDocx ?? 0) / (f.rawDocx ?? 1)).toFixed(1)} × |`,
  );
  out(
    `| delib renderDocx, embedFonts: false | ${f.delibDocxNoFonts?.toFixed(0)} | ${per(f.delibDocxNoFonts)} | ${((f.delibDocxNoFonts ?? 0) / (f.rawDocx ?? 1)).toFixed(1)} × |`,
  );
  const both = (f.delibPdf ?? 0) + (f.delibDocx ?? 0);
  const raw = (f.rawPdf ?? 0) + (f.rawDocx ?? 0);
  out(`| both formats | ${both.toFixed(0)} vs ${raw.toFixed(0)} | | ${(both / raw).toFixed(1)} × |`);
}
for (const { result, stages: st } of stageResults) {
  out();
  out(`## Where the CPU goes (${result.points} points, one thread, in process, warm)`);
  out();
  if (typeof st === 'string') {
    out(`Skipped: ${st}`);
    continue;
  }
  out(
    'CPU time of the process (its collector and compiler threads included) per document, by stage; séance-wide documents by name.',
  );
  out();
  out('| documents | count | pages | compose (ms) | PDF (ms) | DOCX (ms) | all (s) |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  let total = 0;
  for (const [kind, k] of Object.entries(st.kinds)) {
    const all = k.composeMs + k.pdfMs + k.docxMs;
    total += all;
    const each = (ms: number) => (ms / k.n).toFixed(1);
    out(
      `| ${kind} | ${k.n} | ${k.pages} | ${each(k.composeMs)} | ${each(k.pdfMs)} | ${each(k.docxMs)} | ${fmtS(all)} |`,
    );
  }
  total += st.dossierMs;
  out(`| dossier de séance (assembled) | 1 | ${st.dossierPages} | | | | ${fmtS(st.dossierMs)} |`);
  out(`| **all** | ${st.documents + 1} | | | | | **${fmtS(total)}** |`);
  out();
  out(
    `Two cores, perfectly shared, start-up left out: at least ${fmtS(total / 2)} s of wall time for ${result.points} points; the run above took ${fmtS(median(result.runs.map((x) => x.wallMs)))} s.`,
  );
  // What bounds the throughput targets whatever delib does: the bare engines' cost a document
  // (the floor table above) for this séance's documents, plus the composition measured here.
  if (typeof floorResult !== 'string') {
    const f = floorResult.ms;
    const enginesPerDoc = ((f.rawPdf ?? Number.NaN) + (f.rawDocx ?? Number.NaN)) / floorResult.documents;
    const composeMs = Object.values(st.kinds).reduce((a, k) => a + k.composeMs, 0);
    const engines = enginesPerDoc * st.documents;
    // The dossier is assembled in the main thread while the documents are rendered (build.ts):
    // its CPU is shared by the two cores as the documents' is.
    const bound = (engines + composeMs + st.dossierMs) / 2;
    const target = TARGETS_S[result.points];
    out(
      `Bound: the raw engines alone (pdfkit plain paragraphs + docx without styles, ${enginesPerDoc.toFixed(1)} ms a document) need ${fmtS(engines)} s of CPU for these ${st.documents} documents, ${fmtS(engines / 2)} s on two cores; with this run's composition (${fmtS(composeMs)} s) ${fmtS((engines + composeMs) / 2)} s, with the dossier (${fmtS(st.dossierMs)} s, assembled while the documents are rendered) ${fmtS(bound)} s, before start-up` +
        (target === undefined
          ? '.'
          : `, against the target of ${target} s (${bound / 1000 > target ? 'the target is below what the engines, the composition and the dossier need' : 'the target is above it: the rest is start-up, loading, and what two cold threads cost beyond one warm one'}).`),
    );
  }
}
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
const resultsFile = join(ROOT, 'bench', 'results.md');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
// The hand-written analysis after the marker is kept; the measured part above it is replaced.
const marker = '<!-- analysis -->';
const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
writeFileSync(resultsFile, `${table}\n\n${analysis}`);
process.stderr.write(`Écrit : ${resultsFile}\n`);
