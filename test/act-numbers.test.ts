import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ctesNumero } from '../src/publish/ctes.ts';
import { runDelib } from './support/cli.ts';
import { renderFixture } from './support/rendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'delib-numeros-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The formulas fixture with its act numbered as the collectivité writes it. */
function withNumber(numero: string, extra = ''): string {
  const text = readFileSync('fixtures/structures/formules.yaml', 'utf8')
    .replace('numero: "2016_05_01"', `numero: "${numero}"${extra}`)
    .replace('  siret:', '  siret:');
  const file = join(dir, `${numero.replace(/\W/g, '-')}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('act numbers as the collectivité writes them', () => {
  it.each(['2019/18', 'DL.2015-306', 'II - 3', '2002 DAC 56', 'DE_2016_021'])(
    'prints « %s » as written, in PDF and DOCX',
    async (numero) => {
      const docs = await renderFixture(withNumber(numero), /deliberation/);
      const d = docs.get('point-01-deliberation');
      expect(d?.pdfText).toContain(`ACTE N° ${numero}`);
      expect(d?.docxText).toContain(`ACTE N° ${numero}`);
    },
  );

  it('derives the @ctes number from the printed one, or takes the one given', () => {
    expect(ctesNumero({ numero: 'DL.2015-306' })).toBe('DL_2015_306');
    expect(ctesNumero({ numero: 'II - 3' })).toBe('II_3');
    expect(ctesNumero({ numero: '2002 DAC 56' })).toBe('2002_DAC_56');
    expect(ctesNumero({ numero: '2019/18', numero_ctes: 'D2019_18' })).toBe('D2019_18');
  });

  it('checks the @ctes number only when @ctes is asked for, at numero_ctes when given', async () => {
    const long = withNumber('Délibération n° 2016-05-0001 bis');
    expect((await runDelib(['validate', long])).code).toBe(0);
    const checked = await runDelib(['validate', '--ctes', '--reporter', 'json', long]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('ctes.numero');
    const given = withNumber('Délibération n° 2016-05-0001 bis', '\n      numero_ctes: "D2016_05_01"');
    expect((await runDelib(['validate', '--ctes', '--reporter', 'json', given])).stdout).not.toContain(
      'ctes.numero',
    );
  });

  it('accepts the identifiers the préfecture returns, printed as given', async () => {
    // A local id (« lmc… »), an act number with its hyphen, and a contrat (« CC ») with its
    // version and transmission numbers, as stamps print them.
    for (const id of [
      '013-211300017-20150629lmc168449-DE-1-1',
      '075-287500078-20150708-2015-294-DE',
      '098-219800135-20160512-2016_05_01-CC-1-1',
    ]) {
      const file = withNumber('DL.2015-306');
      // The fixture's transmission asks for blanks for its dates; the identifier is stated.
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '        a_remplir: true',
          `        a_remplir: true\n        identifiant: ${id}`,
        ),
      );
      const d = (await renderFixture(file, /deliberation/)).get('point-01-deliberation');
      expect(d?.pdfText).toContain(`Identifiant : ${id}`);
      expect(d?.docxText).toContain(`Identifiant : ${id}`);
    }
  });
});
