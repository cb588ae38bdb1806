import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { fillFormula } from '../src/facts/formules.ts';
import { loadAndValidate } from '../src/validate/validate.ts';
import { runDelib } from './support/cli.ts';
import { readPdf } from './support/pdf.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const FILE = 'fixtures/structures/convention.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const docs = await renderFixture(FILE, /convention/);
const get = (map: Map<string, RenderedDocument>, id: string): RenderedDocument => {
  const d = map.get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
};
const objectifs = get(docs, 'point-01-convention-1');
const modele = get(docs, 'point-01-convention-2');
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];
const expectIn = (d: RenderedDocument, text: string) => {
  for (const t of both(d)) expect(t).toContain(foldQuotes(text));
};
const expectNotIn = (d: RenderedDocument, text: string) => {
  for (const t of both(d)) expect(t).not.toContain(foldQuotes(text));
};

const dir = mkdtempSync(join(tmpdir(), 'delib-convention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with `edit` applied to its text, written in the temporary folder. */
function variant(name: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, edit(SOURCE));
  return file;
}

describe('the structures of a real convention, in PDF and DOCX', () => {
  it('prints the subtitle under the title, in the title block', () => {
    expectIn(objectifs, 'Convention d’objectifs et de moyens Saisons 2025 – 2026 – 2027 ENTRE');
    const title = objectifs.tree.children[0];
    expect(title?.type).toBe('titleBlock');
    expect(JSON.stringify(title)).toContain('Saisons 2025');
  });

  it('writes each party’s sentence with its habilitation and agreement from the data', () => {
    expectIn(
      objectifs,
      'Commune de Val-Corbel, dont le siège est situé 3 place du Lavoir, 98300 Val-Corbel, représentée par Mme Irène Castagnier, Maire, dûment habilitée par délibération du conseil municipal n° 2025/07 du 13 février 2025, ci-après « la Commune », d’une part,',
    );
    expectIn(
      objectifs,
      'Association des Jardins du Corbel, dont le siège est situé 12 sentier des Courtils, 98300 Val-Corbel, représentée par Mme Léonie Ferrand, Présidente, et Mme Albane Ruchet, Trésorière, dûment habilitées par délibération du conseil d’administration du 20 janvier 2025, ci-après « l’Association », d’autre part.',
    );
    // The party's name in bold, the rest of its sentence not.
    const party = objectifs.docx.paragraphs.find((p) => p.text.startsWith('Commune de Val-Corbel, dont'));
    expect(party?.xml).toMatch(
      /^<w:p>.*?<w:r><w:rPr><w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>Commune de Val-Corbel<\/w:t><\/w:r><w:r><w:t[^>]*>, dont/,
    );
  });

  it('gives every signatory of a party a signature column, and none to the partners', () => {
    const signatures = objectifs.tree.children.flatMap((b) =>
      b.type === 'keepTogether' ? b.children.filter((c) => c.type === 'signatures') : [],
    );
    const signatories = signatures.flatMap((s) => (s.type === 'signatures' ? s.children : []));
    expect(signatories.map((s) => [s.id, s.heading, s.qualite, s.nom])).toEqual([
      ['signature-1', 'Pour la Commune', 'La Maire', 'Mme\u00A0Irène Castagnier'],
      ['signature-2', 'Pour l’Association', 'La Présidente', 'Mme\u00A0Léonie Ferrand'],
      ['signature-3', 'Pour l’Association', 'La Trésorière', 'Mme\u00A0Albane Ruchet'],
    ]);
    expectIn(objectifs, 'Ensemble dénommées ci-après « les Parties ».');
    expectIn(
      objectifs,
      'En partenariat avec le centre social des Glycines et l’office de tourisme du Pays de Corbel.',
    );
    for (const t of both(objectifs)) expect(t).not.toMatch(/Pour le centre social|Pour l'office/);
  });

  it('prints the visas, the exposé under « EXPOSENT », then the préambule', () => {
    expectIn(
      objectifs,
      'Vu la loi du 1er juillet 1901 relative au contrat d’association ; Vu la délibération n° 2025/07 du conseil municipal du 13 février 2025 ; EXPOSENT L’Association cultive depuis dix ans',
    );
    expectIn(
      objectifs,
      'La Commune souhaite soutenir ce projet et en préciser les conditions. PRÉAMBULE Les Parties veulent faire des jardins partagés un lieu ouvert à tous les habitants. Il a été convenu ce qui suit :',
    );
  });

  it('puts TITRE divisions above their articles, numbers articles across them and sub-articles under theirs', () => {
    expectIn(objectifs, 'TITRE I – Dispositions générales Article 1er – Objet La présente convention');
    expectIn(
      objectifs,
      'Article 2 – Durée 2.1 – Durée initiale La convention vaut pour trois saisons, de 2025 à 2027. 2.2 – Renouvellement Elle peut être renouvelée une fois par avenant.',
    );
    expectIn(objectifs, 'TITRE II – Engagements des Parties Article 3 – Moyens apportés par la Commune');
    const outline = objectifs.pdf.outline.flatMap((o) => [o.title, ...o.items.map((i) => i.title)]);
    expect(outline).toEqual(
      expect.arrayContaining(['TITRE I – Dispositions générales', 'TITRE II – Engagements des Parties']),
    );
    const style = (text: string) => objectifs.docx.paragraphs.find((p) => p.text === text)?.style;
    expect(style('TITRE I – Dispositions générales')).toBe('Heading2');
    expect(style('Article 1er – Objet')).toBe('Heading3');
    // A sub-article is one level below its article.
    expect(style('2.1 – Durée initiale')).toBe('Heading4');
    // Without divisions, an article is a level-2 heading.
    expect(modele.docx.paragraphs.find((p) => p.text === 'Article 1er – Objet')?.style).toBe('Heading2');
  });

  it('lists the convention’s own annexes, then the place, date and number of originals stated', () => {
    expectIn(
      objectifs,
      'Annexes Annexe 1 : Budget prévisionnel de l’Association Annexe 2 bis : Plan des parcelles Fait à Val-Corbel, le 20 février 2025, en deux exemplaires originaux.',
    );
  });

  it('leaves blanks in a model to be signed, and prints nothing the convention does not state', () => {
    expectIn(
      modele,
      'représentée par Mme Irène Castagnier, Maire, dûment habilitée par délibération du conseil municipal n° ……………… du ………………, ci-après « la Commune »',
    );
    expectIn(modele, 'représentée par M. Gontran Lebas, Vice-président, ci-après « l’Association »');
    expectIn(modele, 'Fait à ………………, le ………………, en ……………… exemplaires originaux.');
    for (const absent of [
      'habilité par délibération du conseil d',
      'Ensemble dénommées',
      'En partenariat',
      'EXPOSENT',
      'PRÉAMBULE',
      'Annexes',
      'TITRE',
      'Vu ',
    ]) {
      expectNotIn(modele, absent);
    }
    expect(modele.docx.paragraphs.find((p) => p.text.startsWith('Le Vice-président'))).toBeDefined();
  });
});

describe('a footnote inside a table cell', () => {
  it('prints its text at the foot of the PDF page, under the table that calls it', () => {
    const amount = /1\s800/u;
    const page = objectifs.pdf.pages.find((p) => p.items.some((i) => amount.test(i.str)));
    const row = page?.items.find((i) => amount.test(i.str));
    // The footnote's line is one text object: pdf.js reads it as one item.
    const note = page?.items.find((i) => /\bacompte\b/.test(i.str));
    expect(row && note).toBeTruthy();
    // y grows down the page: the note is at its foot, far below the row, in smaller type.
    expect((note?.y ?? 0) - (row?.y ?? 0)).toBeGreaterThan(300);
    expect(note?.fontSize).toBeLessThan(row?.fontSize ?? 0);
    expect(objectifs.pdfText).toContain('Dont un acompte de 600 € versé à la signature.');
  });

  it('is a real Word footnote called from the cell', () => {
    const cell = [...objectifs.docx.document.matchAll(/<w:tc>.*?<\/w:tc>/gs)].find((m) =>
      m[0].includes('800'),
    );
    expect(cell?.[0]).toContain('<w:footnoteReference w:id="1"/>');
    const notes = objectifs.docx.parts.get('word/footnotes.xml') ?? '';
    expect(notes).toMatch(/<w:footnote w:id="1">.*Dont un acompte de 600/s);
  });
});

describe('the convention’s wording as the collectivité writes it', () => {
  const formules = [
    '  formules:',
    '    entre: "Entre les soussignés :"',
    '    partie: "La {nom}, {represente} {representant}[, {qualite}][, {habilitation}][, {ci_apres}] ;"',
    '    habilitation: "agissant en vertu d’une délibération[ n° {numero}][ en date du {date}]"',
    '    ci_apres: ci-après désigné{e} « {denomination} »',
    '    represente: prise en la personne de',
    '    ensemble: "Ci-après ensemble « {denomination} »."',
    '    partenaires: "Avec le concours de {partenaires}."',
    '    convention_vu: "VU {texte},"',
    '    exposent: "IL A ÉTÉ EXPOSÉ CE QUI SUIT :"',
    '    preambule: ""',
    '    titre_division: "Titre {numero} : {titre}"',
    '    article_convention: "Art. {rang}.[ {titre}]"',
    '    sous_article: "Art. {article}-{rang}[ : {titre}]"',
    '    annexes_convention: "Liste des annexes"',
    '    annexe_convention: "Pièce n° {numero} – {titre}"',
    '    signature_pour: "Pour {denomination},"',
    '    d_une_part: ""',
    '    d_autre_part: ""',
    '',
    'instance:',
  ].join('\n');

  it('replaces every fixed wording by the collectivité’s own', async () => {
    const file = variant('formules.yaml', (t) => t.replace('\ninstance:', `\n${formules}`));
    const own = get(await renderFixture(file, /convention-1/), 'point-01-convention-1');
    expectIn(
      own,
      'Entre les soussignés : La Commune de Val-Corbel, prise en la personne de Mme Irène Castagnier, Maire, agissant en vertu d’une délibération n° 2025/07 en date du 13 février 2025, ci-après désignée « la Commune » ;',
    );
    expectIn(own, 'Ci-après ensemble « les Parties ». Avec le concours de le centre social des Glycines');
    expectIn(own, 'VU la loi du 1er juillet 1901 relative au contrat d’association,');
    expectIn(own, 'IL A ÉTÉ EXPOSÉ CE QUI SUIT : L’Association cultive');
    expectIn(own, 'Titre I : Dispositions générales Art. 1. Objet');
    expectIn(own, 'Art. 2-1 : Durée initiale');
    expectIn(
      own,
      'Liste des annexes Pièce n° 1 – Budget prévisionnel de l’Association Pièce n° 2 bis – Plan des parcelles',
    );
    expectNotIn(own, 'PRÉAMBULE');
    expect(JSON.stringify(own.tree)).toContain('"heading":"Pour la Commune,"');
  });

  it('places the préambule where the convention says, and lets one party word its own sentence', async () => {
    const file = variant('places.yaml', (t) =>
      t
        .replace(
          '\ninstance:',
          '\n  formules:\n    convention_entete: "{instance} du {date} Annexe à la délibération n° {numero}"\n    d_autre_part: "d’autre part,"\n\ninstance:',
        )
        .replace(
          '          preambule: |\n',
          '          place_preambule: apres_convenu\n          preambule: |\n',
        )
        .replace(
          '          a_remplir: true\n',
          '          a_remplir: true\n          place_preambule: avant_parties\n          preambule: Le broyeur sert aux jardins de la commune.\n',
        )
        .replace(
          '              representant: M. Gontran Lebas\n',
          '              representant: M. Gontran Lebas\n              formule: "{nom} {represente} {representant}, agissant pour le bureau, {ci_apres}"\n',
        ),
    );
    const built = await renderFixture(file, /convention/);
    const first = get(built, 'point-01-convention-1');
    const second = get(built, 'point-01-convention-2');
    expectIn(
      first,
      'Conseil municipal du 13 février 2025 Annexe à la délibération n° 2025/07 Convention d’objectifs',
    );
    expectIn(first, 'ci-après « l’Association », d’autre part,');
    expectIn(
      first,
      'Il a été convenu ce qui suit : EXPOSENT L’Association cultive depuis dix ans les parcelles partagées du quartier des Courtils et y accueille les écoles de la commune. La Commune souhaite soutenir ce projet et en préciser les conditions. PRÉAMBULE Les Parties',
    );
    expectIn(
      second,
      'Convention de prêt du broyeur communal PRÉAMBULE Le broyeur sert aux jardins de la commune. ENTRE',
    );
    expectIn(
      second,
      'Association des Jardins du Corbel représentée par M. Gontran Lebas, agissant pour le bureau, ci-après « l’Association » d’autre part,',
    );
  });

  it('keeps an optional part whose only empty value is an agreement mark', () => {
    const partie = '{nom}[, sis{e} {adresse}]';
    expect(fillFormula(partie, { nom: 'Le Département', e: '', adresse: 'à Melun' })).toBe(
      'Le Département, sis à Melun',
    );
    expect(fillFormula(partie, { nom: 'La Régie', e: 'e', adresse: '' })).toBe('La Régie');
  });

  it('reports a value the new formulas do not know, at its line', async () => {
    const file = variant('inconnue.yaml', (t) =>
      t.replace('\ninstance:', '\n  formules:\n    partenaires: "Avec {noms}."\n\ninstance:'),
    );
    const { diagnostics } = await loadAndValidate(file);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('{noms}')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.formula', line]]);
    const party = variant('partie-inconnue.yaml', (t) =>
      t.replace(
        '              representant: M. Gontran Lebas\n',
        '              representant: M. Gontran Lebas\n              formule: "{nom}, {fonction}"\n',
      ),
    );
    const own = await loadAndValidate(party);
    const at =
      readFileSync(party, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('{fonction}')) + 1;
    expect(own.diagnostics.map((d) => [d.code, d.line])).toEqual([['rule.formula', at]]);
  });
});

describe('checks of the new structures', () => {
  it('refuses a party with both « representant » and « signataires », and an article without text', async () => {
    const file = variant('erreurs.yaml', (t) =>
      t
        .replace(
          '              signataires:\n',
          '              representant: M. Hugues Pradel\n              signataires:\n',
        )
        .replace(
          '            - titre: Objet\n              texte: La Commune prête',
          '            - titre: Vide\n            - titre: Objet\n              texte: La Commune prête',
        ),
    );
    const text = readFileSync(file, 'utf8').split('\n');
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['rule.signatory', text.findIndex((l) => l.includes('nom: Association des Jardins du Corbel')) + 1],
      ['rule.convention-parties', text.findIndex((l) => l.includes('titre: Vide')) + 1],
    ]);
  });
});

describe('the convention’s own annexes as files', () => {
  it('copies each joined file into the bundle and the dossier, right after its convention', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([595, 842]).drawText('Budget de la saison 2025', { x: 72, y: 760, size: 14, font });
    const bytes = await pdf.save();
    writeFileSync(join(dir, 'budget.pdf'), bytes);
    const file = variant('fichiers.yaml', (t) =>
      t.replace(
        '            - titre: Budget prévisionnel de l’Association\n',
        '            - titre: Budget prévisionnel de l’Association\n              fichier: budget.pdf\n',
      ),
    );
    const out = join(dir, 'out');
    const r = await runDelib(['build', file, '-o', out, '--formats', 'pdf', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const copied = new Uint8Array(readFileSync(join(out, 'point-01-convention-1-annexe-1.pdf')));
    expect(Buffer.from(copied).equals(Buffer.from(bytes))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      documents: { path: string; kind: string; title: string; source?: string }[];
    };
    expect(manifest.documents.find((d) => d.path === 'point-01-convention-1-annexe-1.pdf')).toMatchObject({
      kind: 'annexe',
      title: 'Convention d’objectifs et de moyens – Annexe 1\u00A0: Budget prévisionnel de l’Association',
      source: 'budget.pdf',
    });
    const dossier = await readPdf(new Uint8Array(readFileSync(join(out, 'dossier-de-seance.pdf'))));
    const titles = dossier.outline.flatMap((o) => o.items.map((i) => i.title));
    const at = titles.findIndex((t) => t.includes('Convention d’objectifs et de moyens'));
    expect(titles[at + 1]).toBe('Annexe 1\u00A0: Budget prévisionnel de l’Association');
    expect(dossier.pages.some((p) => p.items.some((i) => i.str.includes('Budget de la saison 2025')))).toBe(
      true,
    );
  });

  it('refuses a joined file that is not there, at its line', async () => {
    const file = variant('absent.yaml', (t) =>
      t.replace(
        '              numero: 2 bis\n',
        '              numero: 2 bis\n              fichier: plans/parcelles.pdf\n',
      ),
    );
    const { seance, diagnostics } = await loadAndValidate(file);
    expect(seance).toBeUndefined();
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('plans/parcelles.pdf')) + 1;
    expect(diagnostics.map((d) => d.line)).toEqual([line]);
    expect(diagnostics[0]?.message).toContain('plans/parcelles.pdf');
  });
});
