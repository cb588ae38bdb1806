import { describe, expect, it } from 'vitest';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

// Members arriving or leaving during the séance: each act states its own counts, and the act's
// number opens the point's entry in the ordre du jour and the convocation.
const FILE = 'fixtures/structures/mouvements.yaml';
const docs = await renderFixture(FILE, /deliberation|ordre-du-jour|convocation/);
const get = (id: string): RenderedDocument => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id} among ${[...docs.keys()].join(', ')}`);
  return d;
};

/** The text is one paragraph of the DOCX and is in the PDF's body text. */
function expectBoth(d: RenderedDocument, text: string) {
  expect(
    d.docx.paragraphs.map((p) => foldQuotes(p.text)),
    text,
  ).toContain(foldQuotes(text));
  expect(foldQuotes(d.pdfText)).toContain(foldQuotes(text));
}

describe('per-act counts after arrivals and departures, in PDF and DOCX', () => {
  const counts = (presents: number, representes: number, absents: number, votants: number) =>
    `Membres en exercice : 11 – Présents : ${presents} – Représentés : ${representes} – Absents : ${absents} – Votants : ${votants}`;

  it('counts the opening attendance in the first act', () => {
    expectBoth(get('point-01-deliberation'), counts(9, 1, 1, 10));
  });

  it('counts a member who left with a proxy before point 2 as représenté in its act', () => {
    const d = get('point-02-deliberation');
    expectBoth(d, counts(8, 2, 1, 10));
    expect(foldQuotes(d.pdfText)).toContain('Chantal Delorme');
  });

  it('counts a member who arrived before point 4 as présent, one excused from points 4 to 5 as excusée', () => {
    for (const id of ['point-04-deliberation', 'point-05-deliberation']) {
      expectBoth(get(id), counts(8, 2, 1, 10));
      expectBoth(get(id), 'Excusés : Elsa Faivre.');
    }
  });

  it('counts the excused member again once she is back for point 6', () => {
    const d = get('point-06-deliberation');
    expectBoth(d, counts(9, 2, 0, 11));
    expect(d.docxText).not.toContain('Excusés');
    expect(d.pdfText).not.toContain('Excusés');
  });
});

describe('the act number at the head of the objet', () => {
  it('opens each ordre du jour entry with its act number, nothing before a point without an act', () => {
    const d = get('ordre-du-jour');
    for (const entry of [
      '2025/31 – Tarifs de la halle aux grains',
      '2025/32 – Éclairage du stade municipal',
      'Information sur le chantier de la passerelle',
      '2025/33 – Convention avec le club de canoë',
    ])
      expectBoth(d, entry);
    expect(d.docxText).not.toContain('– Information');
  });

  it('opens each convocation entry with its act number, brackets dropped for a point without an act', () => {
    const d = get('convocation');
    expectBoth(d, 'n° 2025/32 : Éclairage du stade municipal');
    expectBoth(d, 'Information sur le chantier de la passerelle');
    expect(d.docxText).not.toContain('n° : Information');
    expect(foldQuotes(d.pdfText)).not.toContain('n° : Information');
  });
});
