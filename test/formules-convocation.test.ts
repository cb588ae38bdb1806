// The convocation letter in the collectivité's own words (formulas `convocation_…`), and its header
// lines (`en_tete`) at the top of the convocation and the ordre du jour, read back from PDF and DOCX.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-formules-convocation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OWN = `  en_tete:
    - RÉPUBLIQUE FRANÇAISE
    - Département fictif de la Combe
  formules:
    convocation_date: "Fait le {date}"
    convocation_appel: "Chère collègue, cher collègue,"
    convocation_objet: "Vous êtes priés de bien vouloir assister à la réunion du {instance}, le {date}[ à {heure}][ ({lieu})]."
    convocation_ordre_du_jour: "Points inscrits :"
    convocation_notes: ""
    convocation_salutations: "Bien cordialement."
`;

async function render(own: string): Promise<Map<string, RenderedDocument>> {
  const text = readFileSync('fixtures/avant-seance.yaml', 'utf8').replace(
    /^collectivite:\n/m,
    `collectivite:\n${own}`,
  );
  const file = join(dir, `seance-${own.length}.yaml`);
  writeFileSync(file, text);
  return renderFixture(file, /^(convocation|ordre-du-jour)$/);
}

const texts = (docs: Map<string, RenderedDocument>, id: string): string[] => {
  const d = docs.get(id);
  if (!d) throw new Error(`no ${id}`);
  return [foldQuotes(d.pdfText), foldQuotes(d.docxText)];
};

const own = await render(OWN);
const plain = await render('');

describe('the convocation in the collectivité’s words, in PDF and DOCX', () => {
  it('prints its own sentences and drops an empty one', () => {
    for (const t of texts(own, 'convocation')) {
      expect(t).toContain('Fait le 13 mars 2025');
      expect(t).toContain('Chère collègue, cher collègue,');
      expect(t).toContain(
        'Vous êtes priés de bien vouloir assister à la réunion du Conseil municipal, le 20 mars 2025 à 19 h (salle du Conseil de la mairie).',
      );
      expect(t).toContain('Points inscrits :');
      expect(t).toContain('Bien cordialement.');
      expect(t).not.toContain('Madame, Monsieur');
      expect(t).not.toContain('note explicative de synthèse');
      expect(t).not.toContain('salutations distinguées');
    }
  });

  it('keeps delib’s wording by default', () => {
    for (const t of texts(plain, 'convocation')) {
      expect(t).toContain('Madame, Monsieur,');
      expect(t).toContain(
        foldQuotes(
          'J’ai l’honneur de vous convoquer à la séance du Conseil municipal qui se tiendra le 20 mars 2025 à 19 h, salle du Conseil de la mairie.',
        ),
      );
      expect(t).toContain(foldQuotes('L’ordre du jour de la séance est le suivant :'));
      expect(t).toContain('note explicative de synthèse');
    }
  });

  it('prints the header lines at the top of the convocation and the ordre du jour, only when given', () => {
    for (const id of ['convocation', 'ordre-du-jour']) {
      for (const t of texts(own, id))
        expect(t.indexOf('RÉPUBLIQUE FRANÇAISE Département fictif de la Combe')).toBe(0);
      for (const t of texts(plain, id)) expect(t).not.toContain('RÉPUBLIQUE FRANÇAISE');
    }
  });
});
