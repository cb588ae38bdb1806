import { describe, expect, it } from 'vitest';
import { fillFormula } from './formules.ts';

describe('fillFormula', () => {
  it('keeps a part in brackets only when its values are known', () => {
    expect(fillFormula('le {jour}[, à {heure}]', { jour: '3 mars', heure: '' })).toBe('le 3 mars');
    expect(fillFormula('le {jour}[, à {heure}]', { jour: '3 mars', heure: '18 h' })).toBe(
      'le 3 mars, à 18 h',
    );
    expect(fillFormula('représenté{e}[, sis{e} {adresse}]', { e: '', adresse: 'à Melun' })).toBe(
      'représenté, sis à Melun',
    );
  });

  it('prints a bracket itself when it is doubled, even beside an optional part', () => {
    expect(
      fillFormula('Certifié exécutoire le {date} [[-{numero}-]]', { date: '04/07/2016', numero: 'II_3' }),
    ).toBe('Certifié exécutoire le 04/07/2016 [-II_3-]');
    expect(fillFormula('[[{numero}]][ du {date}]', { numero: '12', date: '' })).toBe('[12]');
    expect(fillFormula('[[{numero}]][ du {date}]', { numero: '12', date: '3 mars' })).toBe('[12] du 3 mars');
    // A value's own brackets are never read as a part.
    expect(fillFormula('{texte}', { texte: '[note]' })).toBe('[note]');
  });
});
