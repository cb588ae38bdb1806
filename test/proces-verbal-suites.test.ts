// A point and a part of the procès-verbal that continue later (fixtures/structures/proces-verbal-suites.yaml:
// « deroulement.parties[].suite_de »): the continuation printed at its place under its own heading,
// without a sommaire entry of its own; the entry of what it continues gives both pages (« p. 1, 3 »,
// joined by « pv_sommaire_pages_separateur »), each the page its heading is drawn on in the PDF
// (pdf.js) and a PAGEREF field to its bookmark in the DOCX (word/document.xml); misuse by code and
// position.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldSpaces } from '../src/tree/text.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { docxText } from './support/docx.ts';
import { renderPv } from './support/pv-render.ts';
import { placesInOrder } from './support/rendered.ts';

const FILE = 'fixtures/structures/proces-verbal-suites.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-suites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const pv = await renderPv(FILE);
const page = (anchor: string): number => pv.pdfResult.anchors?.get(anchor) ?? Number.NaN;
const squash = (text: string): string => text.replace(/\s+/g, '');
/** The page (from 1) whose text holds `text` after the sommaire (page 1 from its last entry on). */
const drawnOn = (text: string, after: string): number => {
  const at = pv.pages.findIndex((p, k) => {
    const body = squash(p);
    const from = k === 0 ? body.indexOf(squash(after)) + squash(after).length : 0;
    return body.indexOf(squash(text), from) >= 0;
  });
  return at + 1;
};

const SECRETAIRES = 'Désignation des secrétaires de séance';
const RESEAU = 'Travaux du réseau de chaleur du quartier des Vergers';
const REPRISE = 'Reprise du débat sur le réseau de chaleur';
const EAU = 'Tarifs du service de l’eau pour 2026';

describe('a point or a part continued later (suite_de)', () => {
  it('lists both pages in the entry of what continues, none for the continuation', () => {
    const entries = [
      `${SECRETAIRES} (p. ${page('partie-1')}, ${page('partie-3')})`,
      `${RESEAU} (p. ${page('point-1')}, ${page('partie-2')})`,
      `${EAU} (p. ${page('point-2')})`,
    ];
    const sommaire = pv.pages[0] ?? '';
    expect(placesInOrder(sommaire, entries).every((at) => at >= 0)).toBe(true);
    expect(sommaire).not.toContain(`${REPRISE} (p.`);
    // Pages that differ: a debate that resumes after the next point, on a later page.
    expect(page('partie-2')).toBeGreaterThan(page('point-1'));
    expect(page('partie-3')).toBeGreaterThan(page('partie-1'));
  });

  it('prints each page as the one its heading is drawn on', () => {
    const last = `${EAU} (p. ${page('point-2')})`;
    expect(page('partie-1')).toBe(drawnOn(SECRETAIRES, last));
    expect(page('point-1')).toBe(drawnOn(`Point n° 1 – ${RESEAU}`, last));
    expect(page('partie-2')).toBe(drawnOn(REPRISE, last));
    expect(page('partie-3')).toBe(drawnOn('Mme Salmon devant quitter la séance', last));
  });

  it('prints the continuations at their place, after the point they follow', () => {
    for (const text of [foldSpaces(pv.pages.join(' ')), foldSpaces(docxText(pv.docx))]) {
      const at = placesInOrder(text, [
        SECRETAIRES,
        'Mme Rosine Salmon est désignée secrétaire de séance.',
        `Point n° 1 – ${RESEAU}`,
        `Point n° 2 – ${EAU}`,
        REPRISE,
        'Le Président rouvre la discussion sur le réseau de chaleur à la demande de M. Vidal',
        SECRETAIRES,
        'Mme Salmon devant quitter la séance,',
        'La séance est levée à 18 h 05.',
      ]);
      expect(
        at.every((x) => x >= 0),
        JSON.stringify(at),
      ).toBe(true);
    }
  });

  it('writes each page of an entry as a PAGEREF field to its bookmark in the DOCX', () => {
    const entry = pv.docx.paragraphs.find((p) => p.xml.includes('PAGEREF partie-3 '));
    expect(entry?.xml).toMatch(/PAGEREF partie-1 \\h[\s\S]*PAGEREF partie-3 \\h/);
    expect(foldSpaces(entry?.text ?? '')).toBe(
      `${SECRETAIRES} (p. ${page('partie-1')}, ${page('partie-3')})`,
    );
    const point = pv.docx.paragraphs.find((p) => p.xml.includes('PAGEREF partie-2 '));
    expect(point?.xml).toContain('PAGEREF point-1 ');
    expect(pv.docx.document).toContain('w:name="partie-2"');
  });

  it('joins the pages with the collectivité’s separator', async () => {
    const own = SOURCE.replace(
      '    pv_sommaire_partie:',
      '    pv_sommaire_pages_separateur: " et "\n    pv_sommaire_partie:',
    );
    const other = await renderPv(write('et.yaml', own));
    const pages = other.pdfResult.anchors;
    expect(other.pages[0]).toContain(
      `${SECRETAIRES} (p. ${pages?.get('partie-1')} et ${pages?.get('partie-3')})`,
    );
  });

  it('refuses a continuation of no point, of no earlier part, or placed before its point', async () => {
    const cases: [string, string, string, string][] = [
      [
        '      suite_de: 1\n',
        '      suite_de: 7\n',
        '/deroulement/parties/1/suite_de',
        'Aucun point ne porte le numéro 7.',
      ],
      [
        '      suite_de: Désignation des secrétaires de séance\n',
        '      suite_de: Appel nominal\n',
        '/deroulement/parties/2/suite_de',
        'Aucune partie avant celle-ci n’a pour intitulé « Appel nominal ».',
      ],
      [
        '      suite_de: 1\n      apres_point: 2\n',
        '      suite_de: 2\n      apres_point: 1\n',
        '/deroulement/parties/1/apres_point',
        'La suite du point 2 vient avant son chapitre.',
      ],
    ];
    for (const [from, to, path, message] of cases) {
      expect(SOURCE).toContain(from);
      const text = SOURCE.replace(from, to);
      const { seance, diagnostics } = await loadAndValidate(write(`faux-${path.length}.yaml`, text));
      expect(seance).toBeUndefined();
      const line = text.split('\n').indexOf(to.split('\n')[path.endsWith('apres_point') ? 1 : 0] ?? '') + 1;
      expect(diagnostics.map((d) => [d.code, d.path, d.line, d.message])).toEqual([
        ['rule.record', path, line, message],
      ]);
    }
  });
});
