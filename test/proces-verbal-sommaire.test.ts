// The procès-verbal's sommaire and mentions (fixtures/structures/proces-verbal-sommaire.yaml): a
// table of contents of the ordre du jour's sections and points with the page where each starts in
// this PV, on more than one page; the sections as headings; the clerk's own paragraphs at their
// places; a verbatim between the collectivité's words; an excused departure; the previous PV
// approved without its date. Read back from the PDF (pdf.js, page by page) and the DOCX
// (word/document.xml: bookmarks, PAGEREF fields and their results).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldSpaces, inlineText } from '../src/tree/text.ts';
import { docxText, fieldsOf } from './support/docx.ts';
import { renderPv } from './support/pv-render.ts';
import { bothTexts, placesInOrder, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/proces-verbal-sommaire.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-sommaire-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string): string => {
  const file = join(dir, `seance-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};
const pv = await renderPv(FILE);
/** The page (from 1) whose text holds `text` first. */
const pageOf = (text: string): number => pv.pages.findIndex((p) => p.includes(foldSpaces(text))) + 1;

const esc = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SECTIONS = ['I – FINANCES', 'II – URBANISME ET VOIRIE', 'III – AFFAIRES SCOLAIRES'];
const objets = [...SOURCE.matchAll(/^ {4}objet: (.*)$/gm)].map((m) => m[1] ?? '');

describe('the PV’s sommaire: its points and sections with the page each starts on', () => {
  it('lists every section and point in the collectivité’s formulas, under its title', () => {
    const text = pv.pages.slice(0, 2).join(' ');
    expect(text).toContain('TABLE DES MATIÈRES');
    expect(objets).toHaveLength(46);
    for (const [i, objet] of objets.entries()) {
      expect(text).toMatch(new RegExp(`${i + 1}\\. ${esc(foldSpaces(objet))} \\(p\\. \\d+\\)`));
    }
    for (const s of SECTIONS) expect(text).toMatch(new RegExp(`${esc(s)} \\(p\\. \\d+\\)`));
  });

  it('takes two pages, and each number is the page where its point’s chapter starts in the PDF', () => {
    const first = pageOf('46. Horaires de l’accueil périscolaire');
    expect(first).toBe(2);
    const numbers = new Map<string, number>();
    const sommaire = pv.pages.slice(0, 2).join(' ');
    for (const [i, objet] of objets.entries()) {
      const m = new RegExp(`${i + 1}\\. ${esc(foldSpaces(objet))} \\(p\\. (\\d+)\\)`).exec(sommaire);
      numbers.set(`point-${i + 1}`, Number(m?.[1]));
      // The chapter's heading (« Point n° 12 – … ») on the page the sommaire names.
      const heading = `Point n° ${i + 1} – ${objet}`;
      const page = pv.pages.findIndex((p, k) => k >= 2 && p.includes(foldSpaces(heading).slice(0, 40))) + 1;
      expect(page, heading).toBe(Number(m?.[1]));
    }
    // Points on at least four different pages: the numbers were laid out, not guessed.
    expect(new Set(numbers.values()).size).toBeGreaterThanOrEqual(4);
    expect(pv.pdfResult.anchors?.get('point-46')).toBe(numbers.get('point-46'));
    for (const s of SECTIONS) {
      const m = new RegExp(`${esc(s)} \\(p\\. (\\d+)\\)`).exec(sommaire);
      const page = pv.pages.findIndex((p, k) => k >= 2 && p.includes(s)) + 1;
      expect(page, s).toBe(Number(m?.[1]));
    }
  });

  it('lists the previous PV’s approval under its heading first (« pv_sommaire_approbation »)', () => {
    const page = pv.pdfResult.anchors?.get('approbation');
    expect(pv.pages[0]).toContain(
      `TABLE DES MATIÈRESApprobation du procès-verbal précédent, p. ${page}I – FINANCES`,
    );
    expect(page).toBe(pageOf('Approbation du procès-verbal précédentLe procès-verbal'));
    expect(pv.docx.document).toContain('w:name="approbation"');
  });

  it('writes the DOCX entries as PAGEREF fields to the chapters’ bookmarks, with the PDF’s numbers', () => {
    const xml = pv.docx.document;
    for (let n = 1; n <= 46; n++) {
      expect(xml).toContain(`w:name="point-${n}"`);
      expect(xml).toMatch(new RegExp(`PAGEREF point-${n} \\\\h`));
    }
    for (const n of [1, 19, 43]) expect(xml).toContain(`w:name="section-${n}"`);
    expect(fieldsOf(xml).filter((f) => f === 'PAGEREF')).toHaveLength(50);
    // The bookmark holds the chapter's heading.
    const heading = pv.docx.paragraphs.find((p) => p.xml.includes('w:name="point-12"'));
    expect(foldSpaces(heading?.text ?? '')).toBe(
      'Point n° 12 – Subvention de fonctionnement à l’association des Parents d’élèves',
    );
    const entry = pv.docx.paragraphs.find((p) => p.xml.includes('PAGEREF point-12 '));
    expect(entry?.style).toBe('Sommaire');
    const page = pv.pdfResult.anchors?.get('point-12');
    expect(foldSpaces(entry?.text ?? '')).toBe(
      `12. Subvention de fonctionnement à l’association des Parents d’élèves (p. ${page})`,
    );
    // Written clean: Word shows them as laid out, without asking.
    expect(xml).not.toMatch(/w:dirty="true"/);
  });

  it('writes the fields blank and dirty when no PDF was laid out (Word fills them in on opening)', () => {
    const entry = pv.dirty.paragraphs.find((p) => p.xml.includes('PAGEREF point-12 '));
    expect(foldSpaces(entry?.text ?? '')).toBe(
      '12. Subvention de fonctionnement à l’association des Parents d’élèves (p. )',
    );
    expect(pv.dirty.document).toMatch(/w:dirty="true"/);
  });

  it('is opt-in: without « sommaire_pv », or with « deroulement.sommaire: false », no sommaire', async () => {
    const off = SOURCE.replace('  sommaire_pv: true\n', '');
    const seanceOff = SOURCE.replace('  ouverture: "20:05"\n', '  sommaire: false\n  ouverture: "20:05"\n');
    for (const text of [off, seanceOff]) {
      const other = await renderPv(write(text));
      const all = other.pages.join(' ');
      expect(all).not.toContain('TABLE DES MATIÈRES');
      expect(all).not.toContain('(p. ');
      expect(other.docx.document).not.toContain('PAGEREF');
      expect(other.docx.document).not.toContain('w:bookmarkStart');
      expect(JSON.stringify(other.tree)).not.toContain('"anchor"');
      expect(other.pdfResult.anchors).toBeUndefined();
    }
  });

  it('is asked by a séance alone (« deroulement.sommaire: true »), in delib’s default words', async () => {
    const plain = SOURCE.replace('  sommaire_pv: true\n', '')
      .replace(/ {2}formules:\n( {4}.*\n)+/, '')
      .replace('  ouverture: "20:05"\n', '  sommaire: true\n  ouverture: "20:05"\n');
    const other = await renderPv(write(plain));
    const text = other.pages.slice(0, 2).join(' ');
    expect(text).toContain('Sommaire');
    const page = other.pdfResult.anchors?.get('point-1');
    expect(text).toContain(
      foldSpaces(`Point n° 1 – Subvention de fonctionnement à l’association des Amis du lavoir, p. ${page}`),
    );
    expect(text).toContain(`I – FINANCES, p. ${other.pdfResult.anchors?.get('section-1')}`);
  });
});

describe('the PV’s other structures (PDF and DOCX)', async () => {
  const docs = await renderFixture(FILE, /^proces-verbal$/);
  const doc = docs.get('proces-verbal');
  if (!doc) throw new Error('no proces-verbal');
  const [pdfText, docx] = bothTexts(doc);

  it('prints the ordre du jour’s sections as headings, the points one level below', () => {
    const headings = doc.tree.children
      .filter((b) => b.type === 'heading')
      .map((h) => ({ level: h.level, text: foldSpaces(inlineText(h.children)) }));
    for (const s of SECTIONS) expect(headings).toContainEqual({ level: 1, text: s });
    expect(headings).toContainEqual({
      level: 2,
      text: 'Point n° 43 – Tarifs de la restauration scolaire à la rentrée',
    });
    for (const t of [pdfText, docx]) {
      expect(
        placesInOrder(t ?? '', [
          SECTIONS[1] ?? '',
          'Point n° 19 –',
          SECTIONS[2] ?? '',
          'Point n° 43 –',
        ]).every((at) => at >= 0),
      ).toBe(true);
    }
    // Every heading is a bookmark, as in Word's navigation pane: the sommaire's own title too.
    expect(doc.pdf.outline.map((o) => o.title)).toEqual([
      'TABLE DES MATIÈRES',
      'Approbation du procès-verbal précédent',
      ...SECTIONS,
    ]);
  });

  it('prints the clerk’s mentions at their places, in Markdown', () => {
    for (const t of [pdfText, docx]) {
      const at = placesInOrder(t ?? '', [
        'Les délibérations de cette séance sont publiées au recueil des actes de la commune n° 12.',
        'Le Conseil municipal s’est réuni le 14 octobre 2025',
        'Le quorum est atteint',
        'Le public compte une vingtaine de personnes.',
        'Le Maire rappelle l’ordre du jour adressé avec la convocation.',
        'Ordre du jour',
        'Point n° 1 –',
        'Ce point est présenté avec le rapport de la commission des finances du 2 octobre.',
        'Rapporteure : Mme Flavie Castagne',
        'Délibération n° VC-2025-31 –',
        'La subvention est versée en une seule fois.',
        'Point n° 2 –',
        'La séance est levée à 23 h 10.',
        'Le présent procès-verbal est affiché en mairie pendant deux mois.',
      ]);
      expect(
        at.every((x) => x >= 0),
        JSON.stringify(at),
      ).toBe(true);
    }
    const mention = doc.tree.children.find((b) => foldSpaces(JSON.stringify(b)).includes('sont publiées'));
    expect(mention?.type === 'paragraph' && mention.children.map((c) => c.type)).toContain('strong');
  });

  it('prints a verbatim between the collectivité’s words (« pv_verbatim »)', () => {
    for (const t of [doc.pdfText, foldSpaces(docxText(doc.docx))]) {
      expect(t).toContain('M. Théodore Morvan : « Le lavoir mérite cet effort », a déclaré l’orateur.');
    }
  });

  it('says « excusée » in an excused departure, agreed with the member', () => {
    for (const t of [doc.pdfText, foldSpaces(docxText(doc.docx))]) {
      expect(t).toContain('Départ de Mme Rosalie Pradier à 21 h 15, excusée, avant l’examen de ce point.');
    }
  });

  it('approves the previous PV without naming a date the YAML does not give', () => {
    for (const t of [doc.pdfText, foldSpaces(docxText(doc.docx))]) {
      expect(t).toContain('Le procès-verbal de la séance précédente est approuvé à l’unanimité.');
      expect(t).not.toMatch(/séance du\s+est/);
    }
  });
});
