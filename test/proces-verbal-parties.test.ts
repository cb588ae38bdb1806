// The PV's own parts and annexes (fixtures/structures/proces-verbal-parties.yaml): parts that are
// not points (présidence, secrétaire, procurations, an hommage, a communication after a point),
// each under the clerk's heading and listed in the sommaire with its page, in the order of the
// séance; a suffix after a point's sommaire entry (« suite_sommaire »); the PV's annexes and their
// parts after the signatures, listed in the sommaire; the range of the séance's act numbers
// ({actes}, derived or stated). Read back from the PDF (pdf.js, page by page) and the DOCX
// (word/document.xml: bookmarks, PAGEREF fields and their results); misuse by code and position.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { docxText, fieldsOf } from './support/docx.ts';
import { renderPv as renderOf } from './support/pv-render.ts';
import { placesInOrder } from './support/rendered.ts';

const FILE = 'fixtures/structures/proces-verbal-parties.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-parties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string): string => {
  const file = join(dir, `seance-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};
async function renderPv(file: string) {
  const rendered = await renderOf(file);
  return { ...rendered, docxText: foldSpaces(docxText(rendered.docx)) };
}

const pv = await renderPv(FILE);
const anchors = pv.pdfResult.anchors ?? new Map<string, number>();
const page = (anchor: string): number => anchors.get(anchor) ?? Number.NaN;
/** Text without its spaces: a line break inside an entry or a heading is not a space in pdf.js' items. */
const squash = (text: string): string => text.replace(/\s+/g, '');
const LAST_ENTRY = squash('· Vœu du groupe Territoires en commun — page ');
/** The pages' texts, the first one from the end of the sommaire on. */
const bodies = pv.pages.map((p, k) => {
  const text = squash(p);
  return k === 0 ? text.slice(text.indexOf(LAST_ENTRY) + LAST_ENTRY.length) : text;
});
/** The page (from 1) where the body (not the sommaire) first holds `text`. */
const drawnOn = (text: string): number => bodies.findIndex((p) => p.includes(squash(text))) + 1;

const PARTS = [
  'Ouverture de la séance sous la présidence de M. Joachim Delorme',
  'Choix de la secrétaire de séance',
  'Procurations reçues pour la séance',
  'Minute de silence en mémoire de Lucien Ferrat, ancien vice-président',
];
const AFTER_POINT_1 = 'Point d’étape sur les travaux de la passerelle des Moulins';

/** The sommaire's entries, in order, with the anchors whose page each prints. */
const ENTRIES: readonly [string, string | undefined][] = [
  ...PARTS.map((t, k): [string, string] => [`${t} — page ${page(`partie-${k + 1}`)}`, `partie-${k + 1}`]),
  [
    `Budget annexe des transports pour 2025 (rapport R-14) : Présentation du diaporama et vote par chapitre — page ${page('point-1')}`,
    'point-1',
  ],
  [`${AFTER_POINT_1} — page ${page('partie-5')}`, 'partie-5'],
  [`Convention de gestion de la déchetterie des Brandes (rapport R-15) — page ${page('point-2')}`, 'point-2'],
  [`Tarifs de la piscine intercommunale (rapport R-16) — page ${page('point-3')}`, 'point-3'],
  [
    `Pièce jointe 1 : Diaporama présenté sur le budget annexe des transports — page ${page('annexe-1')}`,
    'annexe-1',
  ],
  ['Pièce jointe B : Vœux déposés par les groupes :', undefined],
  [`· Vœu du groupe Rivelongue Solidaire — page ${page('annexe-2-partie-1')}`, 'annexe-2-partie-1'],
  [`· Vœu du groupe Territoires en commun — page ${page('annexe-2-partie-2')}`, 'annexe-2-partie-2'],
];

describe('the PV’s parts that are not points, and its annexes, in the sommaire with their pages', () => {
  it('lists parts, points and annexes in the order of the séance, in the collectivité’s formulas', () => {
    const sommaire = squash(pv.pages[0] ?? '');
    expect(sommaire).toContain('Sommairedesdébats');
    expect(bodies[0]?.length).toBeLessThan(sommaire.length);
    const at = placesInOrder(
      sommaire,
      ENTRIES.map(([text]) => squash(text)),
    );
    expect(
      at.every((x) => x >= 0),
      JSON.stringify(at),
    ).toBe(true);
  });

  it('prints for each entry the page its heading is drawn on in the PDF', () => {
    const headings: Record<string, string> = {
      ...Object.fromEntries(PARTS.map((t, k) => [`partie-${k + 1}`, t])),
      'partie-5': AFTER_POINT_1,
      'point-1': 'Point n° 1 – Budget annexe des transports pour 2025',
      'point-3': 'Point n° 3 – Tarifs de la piscine intercommunale',
      'annexe-1': 'Pièce jointe 1 : Diaporama présenté sur le budget annexe des transports',
      'annexe-2-partie-2': 'Vœu du groupe Territoires en commun',
    };
    for (const [anchor, heading] of Object.entries(headings)) {
      expect(page(anchor), anchor).toBe(drawnOn(heading));
    }
    // Each annex starts a page of its own, after the signatures.
    expect(page('annexe-1')).toBeGreaterThan(page('point-3'));
    expect(page('annexe-2')).toBe(page('annexe-1') + 1);
    expect(pv.pdf.pages.length).toBe(page('annexe-2'));
  });

  it('writes the DOCX entries as PAGEREF fields to the headings’ bookmarks, with the PDF’s numbers', () => {
    const xml = pv.docx.document;
    const targets = ENTRIES.flatMap(([, anchor]) => (anchor ? [anchor] : []));
    for (const anchor of targets) {
      expect(xml).toContain(`w:name="${anchor}"`);
      expect(xml).toMatch(new RegExp(`PAGEREF ${anchor} \\\\h`));
    }
    expect(xml).toContain('w:name="annexe-2"');
    expect(fieldsOf(xml).filter((f) => f === 'PAGEREF')).toHaveLength(targets.length);
    for (const [text, anchor] of ENTRIES) {
      const entry = pv.docx.paragraphs.find((p) =>
        anchor ? p.xml.includes(`PAGEREF ${anchor} `) : foldSpaces(p.text) === foldSpaces(text),
      );
      expect(entry?.style, text).toBe('Sommaire');
      expect(foldSpaces(entry?.text ?? '')).toBe(foldSpaces(text));
    }
    const heading = pv.docx.paragraphs.find((p) => p.xml.includes('w:name="partie-4"'));
    expect(foldSpaces(heading?.text ?? '')).toBe(PARTS[3]);
  });

  it('prints each part under its heading at its place: before the points, or after its point', () => {
    const body = pv.pages.slice(0).join(' ');
    for (const t of [body, pv.docxText]) {
      const at = placesInOrder(t, [
        'Le quorum est atteint',
        ...PARTS.slice(0, 2),
        'M. Joachim Delorme : « Je vous propose Mme Barrault, qui a bien voulu se charger du procès-verbal ce soir. »',
        PARTS[2] ?? '',
        'Aucune procuration n’a été remise au bureau de la séance.',
        PARTS[3] ?? '',
        'Point n° 1 – Budget annexe',
        'Délibération n° CC-2025-041 –',
        AFTER_POINT_1,
        'Le chantier a repris le 10 mars',
        'Point n° 2 – Convention',
        'La séance est levée à 20 h 10.',
        'Pièce jointe 1 : Diaporama présenté sur le budget annexe des transports',
        'Quatorze diapositives commentées par le vice-président chargé des mobilités.',
        'Pièce jointe B : Vœux déposés par les groupes :',
        'Vœu du groupe Rivelongue Solidaire',
        'Le groupe demande une étude sur la gratuité des navettes le samedi.',
      ]);
      expect(
        at.every((x) => x >= 0),
        JSON.stringify(at),
      ).toBe(true);
    }
    // The suffix is the sommaire’s only: the chapter keeps the point’s title.
    expect(pv.pages.slice(1).join(' ')).not.toContain('Présentation du diaporama');
    expect(pv.pdf.outline.map((o) => o.title)).toEqual(
      expect.arrayContaining([PARTS[0], AFTER_POINT_1, 'Pièce jointe B : Vœux déposés par les groupes :']),
    );
  });

  it('prints the parts and annexes without a sommaire too, with no page reference', async () => {
    const other = await renderPv(
      write(SOURCE.replace('  sommaire_pv: true\n', '').replace(/^ {4}suite_sommaire: .*\n/m, '')),
    );
    const all = other.pages.join(' ');
    expect(all).not.toContain('Sommaire des débats');
    expect(all).not.toContain('— page');
    for (const t of [...PARTS, AFTER_POINT_1, 'Vœu du groupe Territoires en commun'])
      expect(all).toContain(t);
    expect(other.docx.document).not.toContain('PAGEREF');
    expect(other.pdfResult.anchors).toBeUndefined();
  });
});

describe('the range of the séance’s act numbers ({actes}, formula « plage_actes »)', () => {
  const title = async (text: string): Promise<string> => (await renderPv(write(text))).pages[0] ?? '';

  it('is read from the first and last act of the points', () => {
    expect(pv.pages[0]).toContain('(Actes n° CC-2025-041 au CC-2025-043)');
  });

  it('is the one the YAML states (« deroulement.actes »), when the file does not hold every act', async () => {
    const stated = SOURCE.replace(
      '  ouverture: "18:35"\n',
      '  actes: { premier: CC-2025-030, dernier: CC-2025-077 }\n  ouverture: "18:35"\n',
    );
    expect(await title(stated)).toContain('(Actes n° CC-2025-030 au CC-2025-077)');
  });

  it('is the act’s number alone for one act, and nothing (the bracket drops) for none', async () => {
    const one = SOURCE.replace(
      / {4}deliberation:\n {6}numero: CC-2025-04[23]\n( {6}.*\n)+?(?= {2}- numero| *$)/g,
      '',
    );
    const oneTitle = await title(one);
    expect(oneTitle).toContain('(Actes n° CC-2025-041)');
    const none = one.replace(/ {4}deliberation:\n {6}numero: CC-2025-041\n( {6}.*\n)+?(?= {2}- numero)/, '');
    const noneTitle = await title(none);
    expect(noneTitle).not.toContain('Actes n°');
    expect(noneTitle).toContain('PROCÈS-VERBALSommaire des débats');
  });
});

describe('misuse, in French at its place', () => {
  it('refuses a part placed after a point that does not exist (rule.record)', async () => {
    const text = SOURCE.replace('      apres_point: 1\n', '      apres_point: 9\n');
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('apres_point: 9')) + 1;
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['rule.record', 'erreur', line, 20],
    ]);
    expect(diagnostics[0]?.message).toBe('Aucun point ne porte le numéro 9.');
  });

  it('warns that a « suite_sommaire » is printed nowhere when the PV has no sommaire', async () => {
    const text = SOURCE.replace('  sommaire_pv: true\n', '');
    const { seance, diagnostics } = await loadAndValidate(write(text));
    expect(seance).toBeDefined();
    const line = text.split('\n').findIndex((l) => l.includes('suite_sommaire:')) + 1;
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['rule.record', 'avertissement', line, 21],
    ]);
    expect(diagnostics[0]?.message).toContain('« suite_sommaire » du point 1 n’est imprimée nulle part');
  });

  it('refuses an unknown key in a part, with the keys it knows (schema)', async () => {
    const text = SOURCE.replace('      apres_point: 1\n', '      apres: 1\n');
    const { diagnostics } = await loadAndValidate(write(text));
    const line = text.split('\n').findIndex((l) => l.includes('      apres: 1')) + 1;
    expect(diagnostics.map((d) => [d.severity, d.line])).toContainEqual(['erreur', line]);
    expect(diagnostics.find((d) => d.line === line)?.code).toMatch(/^schema\./);
  });
});
