// Unit tests of the PDF object syntax reader and writer used by sign and verify.
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  MAX_DEPTH,
  PdfName,
  PdfRef,
  PdfString,
  PdfSyntaxError,
  parseValue,
  serialize,
  skipSpace,
  textString,
} from './pdf-syntax.ts';

const parse = (text: string) => parseValue(Buffer.from(text, 'latin1'), 0);
const bytesOf = (v: unknown) => Buffer.from((v as PdfString).bytes).toString('latin1');

describe('parseValue', () => {
  it('reads every kind of value and where it ends', () => {
    const { value, end } = parse(
      '<< /T (signature-1) /FT /Sig /Rect [0 -1.5 +3 .5] /V 12 0 R /B true /N null >> rest',
    );
    expect(end).toBe(78);
    const dict = value as Map<string, unknown>;
    expect(bytesOf(dict.get('T'))).toBe('signature-1');
    expect(dict.get('FT')).toEqual(new PdfName('Sig'));
    expect(dict.get('Rect')).toEqual([0, -1.5, 3, 0.5]);
    expect(dict.get('V')).toEqual(new PdfRef(12, 0));
    expect(dict.get('B')).toBe(true);
    expect(dict.get('N')).toBeNull();
  });

  it('tells a reference from two numbers', () => {
    expect(parse('[1 0 R 2 0 3]').value).toEqual([new PdfRef(1, 0), 2, 0, 3]);
    expect(() => parse('[1 0 RG]')).toThrow('Valeur inattendue « RG »');
  });

  it('decodes literal strings: escapes, octal, balanced parentheses, line continuations', () => {
    expect(bytesOf(parse('(a\\(b\\) (c) \\n\\t\\\\ \\101\\7 x\\\ny)').value)).toBe(
      'a(b) (c) \n\t\\ A\x07 xy',
    );
  });

  it('decodes hexadecimal strings, with spaces and an odd number of digits', () => {
    const { value } = parse('<4a 6F 7>');
    expect(bytesOf(value)).toBe('Jop');
    expect((value as PdfString).hex).toBe(true);
  });

  it('decodes #xx in names', () => {
    expect(parse('/A#20B#23').value).toEqual(new PdfName('A B#'));
  });

  it('skips comments', () => {
    expect(skipSpace(Buffer.from('  % commentaire\n  /A'), 0)).toBe(18);
  });

  it('refuses malformed input with a French message and a position', () => {
    for (const [text, message] of [
      ['(non fermée', 'Chaîne non fermée (octet 0)'],
      ['<4a', 'Chaîne hexadécimale non fermée'],
      ['<4x>', 'Chaîne hexadécimale incorrecte'],
      ['<< /A 1', 'Dictionnaire non fermé'],
      ['<< 1 2 >>', 'Nom attendu dans un dictionnaire'],
      ['[1 2', 'Tableau non fermé'],
      [')', 'Valeur inattendue'],
      ['', 'Fin de fichier inattendue'],
    ]) {
      expect(() => parse(text!), text).toThrow(PdfSyntaxError);
      expect(() => parse(text!), text).toThrow(message);
    }
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses more, without exhausting the stack`, () => {
    expect(parse(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`).end).toBe(MAX_DEPTH * 2);
    expect(() => parse(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`)).toThrow(
      'Structure trop imbriquée',
    );
    expect(() => parse('<< /A '.repeat(1_000_000))).toThrow('Structure trop imbriquée');
  });
});

describe('serialize', () => {
  it('writes values back so that they parse to the same values', () => {
    const value = new Map<string, unknown>([
      ['Type', new PdfName('Sig')],
      ['Nom', new PdfName('A B/C')],
      ['T', new PdfString(Uint8Array.from(Buffer.from('a(b)\\c\r', 'latin1')))],
      ['H', new PdfString(Uint8Array.from([0, 255]), true)],
      ['R', [new PdfRef(3, 0), 1.23456, -2, true, null]],
    ]);
    const text = serialize(value as never);
    expect(text).toBe(
      '<< /Type /Sig /Nom /A#20B#2fC /T (a\\(b\\)\\\\c\\r) /H <00ff> /R [3 0 R 1.235 -2 true null] >>',
    );
    expect(serialize(parse(text).value)).toBe(text);
  });
});

describe('text strings', () => {
  it('writes ASCII as is and anything else as UTF-16BE with a BOM, and reads both back', () => {
    expect(serialize(textString('signature-1'))).toBe('(signature-1)');
    const accented = textString('Élodie – Maire');
    expect(Buffer.from(accented.bytes.subarray(0, 2)).toString('hex')).toBe('feff');
    expect(decodeText(accented)).toBe('Élodie – Maire');
    expect(decodeText(new PdfString(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa9])))).toBe('é');
    expect(decodeText(new PdfString(Uint8Array.from([0xe9])))).toBe('é');
    expect(decodeText(new PdfName('x'))).toBeUndefined();
  });
});
