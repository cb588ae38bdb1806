// The test helpers that read documents back must not hide typography (c17): `asRead` keeps quotes
// and apostrophes (the helper it replaces folded « » " and ’ ' into one), and
// `ordinarySpacesAfterCivilities` finds a civility the DOCX separates from its name by an ordinary space.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asRead, foldQuotes, ordinarySpacesAfterCivilities } from './support/rendered.ts';

describe('asRead', () => {
  it('folds spaces as pdf.js reads them, no-break ones included', () => {
    expect(asRead('  12\u202F500,50\u00A0€ \n le\u00A028 mars ')).toBe('12 500,50 € le 28 mars');
  });

  it('keeps guillemets, straight quotes and apostrophes apart', () => {
    expect(asRead('« le Département »')).not.toBe(asRead('"le Département"'));
    expect(asRead('l’association')).not.toBe(asRead("l'association"));
    expect(asRead('« le\u00A0Département\u00A0»')).toBe('« le Département »');
  });

  it('is what the old name now means', () => {
    expect(foldQuotes("l'an")).toBe("l'an");
  });
});

describe('ordinarySpacesAfterCivilities', () => {
  it('finds each civility followed by an ordinary space', () => {
    expect(
      ordinarySpacesAfterCivilities('Présents : M. Roux, Mme\u00A0Bel, MM. Arnal et Vidal, Mmes Py'),
    ).toEqual(['M. Roux', 'MM. Arnal', 'Mmes Py']);
  });

  it('finds none when every civility holds to its name, nor in words that end like one', () => {
    expect(ordinarySpacesAfterCivilities('M.\u00A0Roux, Mme\u00A0Bel, MM.\u00A0Arnal, Mlle\u00A0Py')).toEqual(
      [],
    );
    expect(ordinarySpacesAfterCivilities('Art. M. est. Madame Roux, ALM. Dupont')).toEqual([]);
  });
});

describe('pdf.js in the tests (support/pdfjs.ts)', () => {
  it('leaves Array.prototype.push and JSON.parse native, also after reading a PDF', async () => {
    const { readPdf } = await import('./support/pdf.ts');
    const { renderPdf } = await import('../src/render/pdf/index.ts');
    const { para, treeOf } = await import('./support/pdf-trees.ts');
    const { bytes } = await renderPdf(treeOf([para('Bonjour')]), { creationDate: new Date(0) });
    expect((await readPdf(bytes)).bodyLines()).toEqual(['Bonjour']);
    // core-js replaces Function.prototype.toString too (its functions then say « native code »):
    // another realm's is the engine's own.
    const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    const native = (f: unknown) => sourceOf.call(f).includes('[native code]');
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
  });
});

describe('packages under test (vitest.config.ts)', () => {
  it('are the builds delib ships: micromark without its development build', () => {
    expect(process.execArgv).not.toContain('development');
    expect(import.meta.resolve('micromark')).toMatch(/\/node_modules\/micromark\/index\.js$/);
  });
});
