import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TELERECOURS_SINCE } from '../src/facts/formules.ts';
import { foldQuotes, type RenderedDocument, renderFixture } from './support/rendered.ts';

// The registre's publicity and the recours mention of an act, read from its PDF and its DOCX.
const dir = mkdtempSync(join(tmpdir(), 'delib-mentions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
/** A délibération of a fixture edited by `edit`, rendered in both formats. */
async function act(fixture: string, id: string, edit: (text: string) => string): Promise<RenderedDocument> {
  const file = join(dir, `seance-${written++}.yaml`);
  writeFileSync(file, edit(readFileSync(fixture, 'utf8')));
  const d = (await renderFixture(file, new RegExp(id))).get(id);
  if (!d) throw new Error(`no ${id}`);
  return d;
}
const both = (d: RenderedDocument) => [foldQuotes(d.pdfText), foldQuotes(d.docxText)];

describe('« en séance publique » / « à huis clos » in the registre sentence, in PDF and DOCX', () => {
  const registre = (line: string) =>
    act('fixtures/apres-seance.yaml', 'point-01-deliberation', (text) =>
      text.replace(/^ {2}publique: true\n/m, line),
    );

  it('prints each as the YAML states it, and neither when it is silent', async () => {
    for (const t of both(await registre('  publique: true\n')))
      expect(t).toContain(foldQuotes('s’est réuni en séance publique, salle du Conseil'));
    for (const t of both(await registre('  publique: false\n')))
      expect(t).toContain(foldQuotes('s’est réuni à huis clos, salle du Conseil'));
    for (const t of both(await registre(''))) {
      expect(t).toContain(foldQuotes('s’est réuni, salle du Conseil'));
      expect(t).not.toMatch(/séance publique|huis clos/);
    }
  });
});

describe('the recours mention and the Télérecours sentence, in PDF and DOCX', () => {
  const TELERECOURS = 'Le tribunal administratif peut être saisi par l’application « Télérecours citoyens »';
  const onDate = (date: string, formules = '') =>
    act('fixtures/minimale.yaml', 'point-02-deliberation', (text) =>
      text
        .replace('date: 2025-03-20', `date: ${date}`)
        .replace('  departement: "99"\n', `  departement: "99"\n${formules}`),
    );

  it(`prints the Télérecours sentence from ${TELERECOURS_SINCE} on, not the day before`, async () => {
    expect(TELERECOURS_SINCE).toBe('2018-11-30');
    for (const t of both(await onDate('2018-11-29'))) {
      expect(t).toContain('dans un délai de deux mois à compter de sa publication');
      expect(t).not.toContain('Télérecours');
    }
    for (const t of both(await onDate('2018-11-30'))) {
      expect(t).toContain('dans un délai de deux mois à compter de sa publication');
      expect(t).toContain(foldQuotes(TELERECOURS));
    }
  });

  it('prints the collectivité’s own recours formula, followed by the Télérecours sentence when due', async () => {
    const own =
      '  formules:\n    recours: "Un recours contre cet acte peut être porté devant le tribunal administratif de Valbrune dans les deux mois."\n';
    const recent = await onDate('2018-11-30', own);
    for (const t of both(recent)) {
      expect(t).toContain(
        foldQuotes(
          `Un recours contre cet acte peut être porté devant le tribunal administratif de Valbrune dans les deux mois. ${TELERECOURS}`,
        ),
      );
      expect(t).not.toContain('recours pour excès de pouvoir');
    }
    for (const t of both(await onDate('2018-11-29', own))) {
      expect(t).toContain('porté devant le tribunal administratif de Valbrune dans les deux mois.');
      expect(t).not.toContain('Télérecours');
    }
  });
});
