/**
 * The benchmark of `delib apercu`: from a save to the new pages, on the Sceaux example séance.
 * The preview runs in this process (as `delib apercu` does, templates and fonts loaded once); each
 * round saves the séance file through the server (as the page does), then asks for the PDF of the
 * document the page shows, as the page does on the state it receives; with Chromium installed,
 * the page itself is measured too, from Ctrl+S to the new page drawn by pdf.js. Writes
 * bench/results-apercu.md.
 *
 * Environment: BENCH_REPS=7.
 *
 * @example
 * npm run bench:apercu
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApercu } from '../src/apercu/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPS = Number(process.env.BENCH_REPS ?? 7);
const CHROMIUM = '/usr/bin/chromium';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${Math.round(x)}`;

const dir = mkdtempSync(join(tmpdir(), 'delib-bench-apercu-'));
const file = join(dir, 'seance.yaml');
copyFileSync(join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'), file);
const original = readFileSync(file, 'utf8');
const load = loadavg().map((l) => l.toFixed(1));

const started = performance.now();
const apercu = await startApercu({ file, port: 0, creationDate: new Date(1_700_000_000_000) });
const startMs = performance.now() - started;
await apercu.session.settled();
const firstAllMs = performance.now() - started;
const documentCount = apercu.session.state().documents.length;
const base = `http://127.0.0.1:${apercu.port}`;
const headers = { 'X-Delib-Jeton': apercu.token };

interface Case {
  readonly label: string;
  /** The séance text of round `i` (each round differs from the previous). */
  readonly text: (i: number) => string;
  /** The document the page shows. */
  readonly document: string;
}

const CASES: readonly Case[] = [
  {
    label: 'heure de la séance (tous les documents refaits), convocation affichée',
    text: (i) => original.replace('heure: "19:30"', `heure: "19:${String(10 + i).padStart(2, '0')}"`),
    document: 'convocation',
  },
  {
    label: 'exposé de la note du point 1, note affichée',
    text: (i) =>
      original.replace("une stratégie d'innovation", `une stratégie d'innovation ${'n'.repeat(i + 1)}`),
    document: 'point-01-note',
  },
];

async function round(
  text: string,
  document: string,
): Promise<{ saveMs: number; pagesMs: number; rendered: number }> {
  await apercu.session.settled();
  const before = apercu.session.renders;
  const t0 = performance.now();
  const saved = await fetch(`${base}/api/fichier?chemin=seance.yaml`, { method: 'PUT', headers, body: text });
  if (!saved.ok) throw new Error(await saved.text());
  const saveMs = performance.now() - t0;
  const pdf = await fetch(`${base}/api/document/${document}.pdf`, { headers });
  const bytes = new Uint8Array(await pdf.arrayBuffer());
  if (!pdf.ok || bytes.byteLength < 1000) throw new Error(`no PDF for ${document}`);
  const pagesMs = performance.now() - t0;
  await apercu.session.settled();
  return { saveMs, pagesMs, rendered: apercu.session.renders - before };
}

const rows: string[] = [];
for (const c of CASES) {
  const runs: { saveMs: number; pagesMs: number; rendered: number }[] = [];
  for (let i = 0; i < REPS; i++) runs.push(await round(c.text(i), c.document));
  rows.push(
    `| ${c.label} | ${REPS} | ${ms(median(runs.map((r) => r.saveMs)))} | ${ms(median(runs.map((r) => r.pagesMs)))} | ${ms(Math.min(...runs.map((r) => r.pagesMs)))}–${ms(Math.max(...runs.map((r) => r.pagesMs)))} | ${runs[0]?.rendered} / ${apercu.session.state().documents.length} |`,
  );
  console.error(rows.at(-1));
}

/** On a séance of many points, a change of one point's note: its documents and the séance's. */
async function manyPoints(): Promise<string> {
  const other = join(dir, 'valmorin');
  mkdirSync(other);
  const otherFile = join(other, 'seance.yaml');
  copyFileSync(join(ROOT, 'fixtures/valmorin-2024-09-26.yaml'), otherFile);
  const text = readFileSync(otherFile, 'utf8');
  const preview = await startApercu({ file: otherFile, port: 0, creationDate: new Date(1_700_000_000_000) });
  try {
    await preview.session.settled();
    const doc = preview.session.state().documents.find((d) => d.id.endsWith('-note') && d.point !== 1);
    if (!doc) throw new Error('no note in the séance');
    const times: number[] = [];
    let rendered = 0;
    for (let i = 0; i < REPS; i++) {
      const before = preview.session.renders;
      const t0 = performance.now();
      const put = await fetch(`http://127.0.0.1:${preview.port}/api/fichier?chemin=seance.yaml`, {
        method: 'PUT',
        headers: { 'X-Delib-Jeton': preview.token },
        body: text.replace('restent inchangés pour les familles', `restent inchangés ${'n'.repeat(i + 1)}`),
      });
      if (!put.ok) throw new Error(await put.text());
      const pdf = await fetch(`http://127.0.0.1:${preview.port}/api/document/${doc.id}.pdf`, {
        headers: { 'X-Delib-Jeton': preview.token },
      });
      await pdf.arrayBuffer();
      times.push(performance.now() - t0);
      await preview.session.settled();
      rendered = preview.session.renders - before;
    }
    return `| Valmorin (${preview.session.state().documents.length} documents) : exposé de la note d’un point, cette note affichée | ${REPS} | — | ${ms(median(times))} | ${ms(Math.min(...times))}–${ms(Math.max(...times))} | ${rendered} / ${preview.session.state().documents.length} |`;
  } finally {
    await preview.stop();
  }
}
rows.push(await manyPoints());
console.error(rows.at(-1));

/** In Chromium: Ctrl+S in the editor until the page shows the new document's pages. */
async function inBrowser(): Promise<string> {
  if (!existsSync(CHROMIUM)) return 'Chromium absent : mesure dans la page non faite.';
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(apercu.url);
    await page.locator('#pages[data-empreinte] canvas').first().waitFor();
    const times: number[] = [];
    for (let i = 0; i < REPS; i++) {
      await apercu.session.settled();
      const shown = await page.locator('#pages').getAttribute('data-empreinte');
      const from = i === 0 ? '19:30' : `19:${String(40 + i - 1).padStart(2, '0')}`;
      await page
        .locator('.cm-line', { hasText: `heure: "${from}"` })
        .first()
        .click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type(`heure: "19:${String(40 + i).padStart(2, '0')}"`);
      const t0 = performance.now();
      await page.keyboard.press('Control+s');
      await page.waitForFunction(
        (old) => (document.querySelector('#pages') as HTMLElement).dataset.empreinte !== old,
        shown,
      );
      times.push(performance.now() - t0);
    }
    return `| page, convocation affichée | ${REPS} | — | ${ms(median(times))} | ${ms(Math.min(...times))}–${ms(Math.max(...times))} | tous |`;
  } finally {
    await browser.close();
  }
}

writeFileSync(file, original);
await new Promise((r) => setTimeout(r, 200));
const browserRow = await inBrowser();
console.error(browserRow);
await apercu.stop();
rmSync(dir, { recursive: true, force: true });

const report = `# delib apercu : de l’enregistrement aux nouvelles pages

Written by \`npm run bench:apercu\` on ${new Date().toISOString()}.

Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}. Load average at start ${load.join(' / ')} (other jobs may share the machine: medians).
Séance: fixtures/sceaux-2023-03-23.yaml (1 point, ${documentCount} documents). The preview runs in one process, as \`delib apercu\`: start ${ms(startMs)} ms (load, validation, page bundle), every document rendered once ${ms(firstAllMs)} ms after start.

| change saved | rounds | save answered (ms, median) | new PDF of the shown document (ms, median) | min–max (ms) | documents rendered again |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}
${browserRow.startsWith('|') ? browserRow : ''}

“save answered”: the PUT that writes the file atomically, loads and validates the séance again and answers its new state; “new PDF”: from the save until the PDF of the shown document is received (what the page waits for before pdf.js draws it). The page row is measured in headless Chromium, from Ctrl+S to the new pages drawn. ${browserRow.startsWith('|') ? '' : browserRow}
`;
writeFileSync(join(ROOT, 'bench', 'results-apercu.md'), report);
console.error(report);
