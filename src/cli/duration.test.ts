import { describe, expect, it } from 'vitest';
import { frenchNumber, frenchSeconds } from './duration.ts';

describe('frenchSeconds', () => {
  it('writes what toLocaleString("fr-FR", one decimal at most) writes', () => {
    const values = [0, 0.04, 0.05, 0.3, 1.25, 2.345, 59.99, 999.96, 1000, 1234.5, 12345.67, 1e6 + 0.1];
    for (let v = 0; v < 3000; v += 0.737) values.push(v);
    for (const v of values) {
      expect(frenchNumber(v), String(v)).toBe(v.toLocaleString('fr-FR', { maximumFractionDigits: 1 }));
    }
    expect(frenchSeconds(2345)).toBe('2,3\u00A0s');
  });
});
