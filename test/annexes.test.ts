import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { inspectAnnexes } from '../src/annex/inspect.ts';
import type { Manifest } from '../src/bundle/manifest.ts';
import { sha256 } from '../src/bundle/manifest.ts';
import { loadSeance } from '../src/load/load-seance.ts';
import type { Seance } from '../src/schema/seance.ts';
import { foldSpaces } from '../src/tree/text.ts';
import {
  type AnnexFixture,
  makeAnnexFixture,
  PLAN_PAGES,
  planText,
  writeHostileAnnexes,
} from './support/annex-fixture.ts';
import { runDelib } from './support/cli.ts';
import { getDocument } from './support/pdfjs.ts';

const EPOCH = { SOURCE_DATE_EPOCH: '1719446400' };

interface Bookmark {
  readonly title: string;
  /** Zero-based page the bookmark leads to. */
  readonly page: number;
  readonly items: readonly Bookmark[];
}

/** The dossier's outline with each bookmark's page, and the text of every page (pdf.js). */
async function readDossier(bytes: Uint8Array): Promise<{ outline: Bookmark[]; texts: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  type Raw = { title: string; dest: unknown; items: Raw[] };
  const walk = async (items: readonly Raw[]): Promise<Bookmark[]> =>
    Promise.all(
      items.map(async (item) => {
        const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) as
          | [{ num: number; gen: number }]
          | null;
        const page = dest ? await doc.getPageIndex(dest[0]) : -1;
        return { title: item.title, page, items: await walk(item.items) };
      }),
    );
  const outline = await walk(((await doc.getOutline()) ?? []) as Raw[]);
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(foldSpaces(content.items.map((i) => (i as TextItem).str ?? '').join(' ')));
  }
  await doc.destroy();
  return { outline, texts };
}

// One fixture for the file (its signed convention costs a render and a signature): the bundle is
// built from it before the hostile annexes are written beside its files.
let fixture: AnnexFixture;
beforeAll(async () => {
  fixture = await makeAnnexFixture();
}, 240_000);
afterAll(() => fixture?.cleanup());

describe('annexes given as files', () => {
  let out: string;
  let manifest: Manifest;
  let stderr: string;

  beforeAll(async () => {
    out = join(fixture.dir, 'out');
    const r = await runDelib(['build', fixture.seance, '-o', out, '--ctes', '--pdfa', '-q'], { env: EPOCH });
    stderr = r.stderr;
    expect(r.code, r.stderr).toBe(0);
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  }, 240_000);

  it('copies each annex into the bundle under its own name, byte for byte, with its hash in the manifest', () => {
    const annexes = manifest.documents.filter((d) => d.kind === 'annexe');
    expect(annexes.map((d) => [d.path, d.format, d.title])).toEqual([
      ['point-01-annexe-1.pdf', 'pdf', 'Annexe 1\u00A0: Plan de situation'],
      ['point-01-annexe-2.png', 'png', 'Annexe 2 bis\u00A0: Photographie du site'],
      ['point-01-annexe-3.pdf', 'pdf', 'Annexe 3\u00A0: Contrat signé'],
    ]);
    const originals = [fixture.files.plan, fixture.files.photo, fixture.files.signed];
    annexes.forEach((d, i) => {
      const bytes = new Uint8Array(readFileSync(join(out, d.path)));
      expect(sha256(bytes)).toBe(d.sha256);
      expect(d.bytes).toBe(bytes.byteLength);
      expect(Buffer.compare(bytes, originals[i]!), d.path).toBe(0);
    });
    expect(annexes[0]?.pages).toBe(PLAN_PAGES);
    expect(annexes[2]?.signed).toBe(true);
    // Listed right after the point's own documents, before the séance-wide ones.
    const paths = manifest.documents.map((d) => d.path);
    expect(paths.indexOf('point-01-annexe-1.pdf')).toBeGreaterThan(
      paths.indexOf('point-01-deliberation.docx'),
    );
  });

  it('joins every annex page, in order, under the point’s bookmark in the dossier', async () => {
    const dossier = manifest.documents.find((d) => d.kind === 'dossier');
    const { outline, texts } = await readDossier(new Uint8Array(readFileSync(join(out, dossier!.path))));
    const point = outline.find((b) => foldSpaces(b.title).startsWith('Point n° 1'));
    expect(point?.items.map((b) => b.title)).toEqual([
      'Note de présentation',
      'Annexe 1\u00A0: Plan de situation',
      'Annexe 2 bis\u00A0: Photographie du site',
      'Annexe 3\u00A0: Contrat signé',
    ]);
    const [, plan, photo, contract] = point!.items;
    for (let i = 0; i < PLAN_PAGES; i++) expect(texts[plan!.page + i]).toContain(planText(i + 1));
    expect(photo!.page).toBe(plan!.page + PLAN_PAGES);
    expect(contract!.page).toBe(photo!.page + 1);
    expect(texts[contract!.page]).toContain('ANNEXE AU POINT');
    expect(texts).toHaveLength(dossier!.pages!);
    expect(contract!.page + 1).toBeLessThanOrEqual(texts.length);
  });

  it('lists the annexes in the délibération and the ordre du jour', async () => {
    const text = async (file: string) => {
      const doc = await getDocument({
        data: new Uint8Array(readFileSync(join(out, file))),
        isEvalSupported: false,
      }).promise;
      const all: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        all.push(
          ...(await (await doc.getPage(n)).getTextContent()).items.map((i) => (i as TextItem).str ?? ''),
        );
      }
      await doc.destroy();
      return foldSpaces(all.join(' '));
    };
    for (const file of ['point-01-deliberation.pdf', 'ordre-du-jour.pdf']) {
      const t = await text(file);
      expect(t, file).toContain('Annexe 1 : Plan de situation');
      expect(t, file).toContain('Annexe 2 bis : Photographie du site');
    }
  });

  it('describes the annexes as pièces jointes of the act for @ctes', () => {
    const act = manifest.documents.find((d) => d.kind === 'deliberation' && d.format === 'pdf');
    expect(act?.ctes?.pieces_jointes).toEqual({
      nombre: 3,
      fichiers: [
        { fichier: 'point-01-annexe-1.pdf', titre: 'Annexe 1 : Plan de situation', format: 'pdf' },
        { fichier: 'point-01-annexe-2.png', titre: 'Annexe 2 bis : Photographie du site', format: 'png' },
        { fichier: 'point-01-annexe-3.pdf', titre: 'Annexe 3 : Contrat signé', format: 'pdf' },
      ],
    });
  });

  it('warns, naming the annex, that the dossier cannot be PDF/A with a non-PDF/A annex', () => {
    expect(stderr).toContain('dossier.not-pdfa');
    expect(stderr).toContain('annexes/plan.pdf');
  });
});

describe('hostile annexes', () => {
  let outside = '';
  beforeAll(async () => {
    outside = (await writeHostileAnnexes(fixture.dir)).outside ?? '';
  }, 240_000);
  afterAll(() => {
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  it.each([
    ['truncated PDF', 'annexes/tronque.pdf', 'annex.damaged'],
    ['encrypted PDF', 'annexes/chiffre.pdf', 'annex.encrypted'],
    ['PDF of 10 000 pages', 'annexes/enorme.pdf', 'annex.too-large'],
    ['zip renamed .pdf', 'annexes/archive.pdf', 'annex.type'],
    ['link out of the folder', 'annexes/lien.pdf', 'file.outside-folder'],
    ['link out to nothing', 'annexes/lien-absent.pdf', 'file.outside-folder'],
    ['path out of the folder', '../dehors.pdf', 'file.outside-folder'],
    ['dangling link inside', 'annexes/lien-casse.pdf', 'rule.file-missing'],
    ['FIFO (refused at once, never opened for reading)', 'annexes/tube.pdf', 'file.unreadable'],
    ['folder', 'annexes/dossier.pdf', 'file.unreadable'],
    ['sparse 2 GB file (refused before reading)', 'annexes/creux.pdf', 'annex.too-large'],
  ])(
    '%s: one located diagnostic, exit 1, nothing written',
    async (name, fichier, code) => {
      const seance = fixture.seanceWith(fichier, name.replace(/\W+/g, '-'));
      const target = join(fixture.dir, `out-${code}`);
      const r = await runDelib(['build', seance.path, '-o', target, '--reporter', 'json']);
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stderr) as { diagnostics: { code: string; line: number; file: string }[] };
      const errors = report.diagnostics.filter((d) => d.code !== 'rule.glyph' && d.code === code);
      expect(report.diagnostics.map((d) => d.code)).toEqual([code]);
      expect(errors[0]?.line).toBe(seance.line);
      expect(errors[0]?.file).toBe(seance.path);
      expect(existsSync(target)).toBe(false);
    },
    120_000,
  );

  // Annexes are resources (load/resources.ts): resolved and read once, at loading.
  it('checks the bytes read at loading, not the file again: the bytes validated are the bytes joined', async () => {
    const loaded = await loadSeance(fixture.seance);
    expect(loaded.resources.files.get('annexes/plan.pdf')).toEqual(fixture.files.plan);
    const seance = loaded.data as unknown as Seance;
    // The files change (or vanish) after loading: what was read is what is checked and joined.
    const moved = join(fixture.dir, 'annexes', 'plan.pdf');
    renameSync(moved, `${moved}.bak`);
    try {
      const { diagnostics, files } = await inspectAnnexes(seance, loaded.sources!, loaded.resources);
      expect(diagnostics).toEqual([]);
      expect(files.get('annexes/plan.pdf')?.bytes).toBe(loaded.resources.files.get('annexes/plan.pdf'));
    } finally {
      renameSync(`${moved}.bak`, moved);
    }
  });

  it('follows a link inside the folder, and finds the annexes of an included point', async () => {
    const { dir } = fixture;
    const data = parse(readFileSync(fixture.seance, 'utf8')) as { points: Record<string, unknown>[] };
    const [first] = data.points;
    writeFileSync(
      join(dir, 'point-inclus.yaml'),
      stringify({ ...first, annexes: [{ fichier: 'annexes/lien-interne.pdf', titre: 'Plan' }] }),
    );
    const seance = join(dir, 'inclusion.yaml');
    writeFileSync(seance, stringify({ ...data, points: [{ inclure: 'point-inclus.yaml' }] }));
    const loaded = await loadSeance(seance);
    expect(loaded.resources.problems).toEqual(new Map());
    expect(loaded.resources.files.get('annexes/lien-interne.pdf')).toEqual(fixture.files.plan);
    const r = await runDelib(['validate', seance]);
    expect(r.code, r.stdout).toBe(0);
  });
});
