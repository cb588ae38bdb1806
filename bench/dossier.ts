/**
 * The dossier step alone, before and after, in one run: the same rendered documents of a generated
 * séance gathered into the dossier de séance by laying every part out again with pdfkit (before:
 * `renderPdfDossier`) and by copying the pages already rendered with pdf-lib (after:
 * `assembleDossier`). Rounds are interleaved so that the load of the machine hits both alike; the
 * ratio is what to read. Appends its table to bench/results-dossier.md.
 *
 * Environment: BENCH_POINTS=100, BENCH_REPS=5.
 *
 * @example
 * npm run bench:dossier
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOSSIER_ID } from '../src/bundle/build.ts';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { assembleDossier } from '../src/dossier/assemble.ts';
import type { DossierPart } from '../src/dossier/types.ts';
import { type DossierSection, renderPdf, renderPdfDossier } from '../src/render/pdf/index.ts';
import { templateEnv } from '../src/template/env.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { generateSeance } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', 'work');
const points = Number(process.env.BENCH_POINTS ?? 100);
const reps = Number(process.env.BENCH_REPS ?? 5);
const creationDate = new Date(1_700_000_000_000);

mkdirSync(WORK, { recursive: true });
const file = join(WORK, `dossier-${points}.yaml`);
writeFileSync(file, generateSeance(points));
const { seance } = await loadAndValidate(file);
if (!seance) throw new Error('séance générée invalide');

const env = templateEnv({});
const refs = listDocuments(seance).filter(
  (r) => r.kind !== 'deliberation' && r.kind !== 'liste-des-deliberations',
);
const sections: DossierSection[] = [];
const parts: DossierPart[] = [];
let renderMs = 0;
for (const ref of refs) {
  const tree = composeDocument(seance, ref, { env });
  const start = performance.now();
  const { bytes } = await renderPdf(tree, { creationDate });
  renderMs += performance.now() - start;
  const group = ref.point === null ? undefined : `Point n° ${ref.point}`;
  const title = ref.kind === 'note' ? 'Note de présentation' : tree.meta.title;
  sections.push({ title, ...(group ? { group } : {}), doc: tree });
  parts.push({
    title,
    ...(group ? { group } : {}),
    label: ref.id,
    load: async () => ({ kind: 'pdf', bytes }),
  });
}
const meta = { ...composeDocument(seance, refs[0]!, { env }).meta, title: 'Dossier de séance' };

const before: number[] = [];
const after: number[] = [];
let sizes = { before: 0, after: 0, pages: 0 };
for (let i = 0; i < reps; i++) {
  let start = performance.now();
  const old = await renderPdfDossier(sections, meta, { creationDate });
  before.push(performance.now() - start);
  start = performance.now();
  const assembled = await assembleDossier(parts, { meta, creationDate });
  after.push(performance.now() - start);
  sizes = { before: old.bytes.byteLength, after: assembled.bytes.byteLength, pages: assembled.pages };
  process.stderr.write(
    `  essai ${i + 1}/${reps} : avant ${before.at(-1)?.toFixed(0)} ms, après ${after.at(-1)?.toFixed(0)} ms\n`,
  );
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const b = median(before);
const a = median(after);
const table = `## Étape du dossier de séance, ${points} points (${refs.length} documents, ${sizes.pages} pages) – ${new Date().toISOString().slice(0, 10)}

Les mêmes documents rendus, réunis ${reps} fois de chaque façon en alternance (médianes ; la machine est partagée, lire le rapport).

| dossier | médiane | taille du fichier |
|---|---|---|
| avant : mise en page refaite (pdfkit) | ${b.toFixed(0)} ms | ${(sizes.before / 1e6).toFixed(2)} Mo |
| après : pages copiées (pdf-lib) | ${a.toFixed(0)} ms | ${(sizes.after / 1e6).toFixed(2)} Mo |
| rapport après / avant | ${(a / b).toFixed(2)} × | ${(sizes.after / sizes.before).toFixed(2)} × |

Pour comparaison, le rendu des ${refs.length} documents eux-mêmes (un fil) : ${renderMs.toFixed(0)} ms.
`;
process.stdout.write(`${table}\n`);
writeFileSync(join(ROOT, 'bench', `results-${DOSSIER_ID}.md`), `${table}`);
