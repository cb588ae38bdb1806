import { describe, expect, it } from 'vitest';
import { siretKeyValid } from './siret.ts';

describe('siretKeyValid', () => {
  it('accepts a SIRET whose Luhn key is right and refuses one digit changed or two swapped', () => {
    expect(siretKeyValid('21999099900019')).toBe(true);
    expect(siretKeyValid('21999099900017')).toBe(false);
    expect(siretKeyValid('21999099900091')).toBe(false);
    expect(siretKeyValid('12999099900019')).toBe(false);
  });
  it('applies La Poste’s own rule (digit sum divisible by 5)', () => {
    expect(siretKeyValid('35600000000010')).toBe(true);
    expect(siretKeyValid('35600000000011')).toBe(false);
  });
  it('refuses anything but 14 digits', () => {
    expect(siretKeyValid('2199909990001')).toBe(false);
    expect(siretKeyValid('2199909990001a')).toBe(false);
  });
});
