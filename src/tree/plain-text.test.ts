import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromMarkdown } from './from-mdast.ts';
import { surelyPlain } from './plain-text.ts';

const problems = (text: string) => blocksFromMarkdown(text, { mode: 'richtext' }).problems;

describe('surelyPlain', () => {
  it('lets through the usual prose, lists one level deep, emphasis, headings and tables', () => {
    for (const text of [
      'Le conseil municipal **approuve** la convention *ci-annexée*.',
      'Paris&Co propose : 18 mois, 10:30, 12,5 % — « la Ville ».',
      '- sélectionner les expérimentateurs ;\n- suivre le programme.',
      '1. Premier article.\n2) Second article.',
      '# Titre\n\nTexte suivi\n  d’une ligne indentée.',
      '| Poste | Montant |\n|---|--:|\n| Voirie | 12 000 € |',
    ]) {
      expect(surelyPlain(text), text).toBe(true);
      expect(problems(text), text).toEqual([]);
    }
  });

  it('sends to the parser every text that holds a rejected construct', () => {
    for (const text of [
      'Du <b>HTML</b>.',
      'Une entité &lt;b&gt; décodée en balise.',
      'Un code &#60;b&#62; numérique.',
      'Une image ![x](x.png).',
      'Un lien [ici](javascript:alert(1)).',
      'Une note[^1].\n\n[^1]: texte',
      'Du `code`.',
      '~~~\nbloc\n~~~',
      '> citation',
      '***',
      '- - -',
      '| a |\n***',
      '1. ---',
      '_ _ _',
      '::saut-de-page',
      '- :::objet\n  x\n  :::',
      '- - - - - - - liste trop profonde',
      '- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g',
    ]) {
      expect(surelyPlain(text), text).toBe(false);
    }
    // The texts above that the parser rejects (some are only suspected).
    expect(problems('- - - - - - - liste trop profonde')).not.toEqual([]);
    expect(problems('Une entité &lt;b&gt; décodée en balise.')).not.toEqual([]);
    expect(problems('1. ---')).not.toEqual([]);
  });

  it('never lets through a text the parser reports a problem for (generated texts)', () => {
    const piece = fc.constantFrom(
      ...['a', 'é', ' ', '  ', '\t', '\n', '\n\n', '-', '*', '_', '+', '1', '2.', ')', '#', '=', '|'],
      ...[':', '!', '\\', '&', 'lt;', '#60;', '(', 'x.png)', '"', '«', '»', '~', '`', '[', ']', '<', '>'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        if (surelyPlain(text)) expect(problems(text)).toEqual([]);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
