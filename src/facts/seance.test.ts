import { describe, expect, it } from 'vitest';
import { announcedClosings, pvSigned } from './seance.ts';

describe('announcedClosings', () => {
  it('counts the affaires urgentes and the questions diverses the séance announces', () => {
    expect(announcedClosings({})).toBe(0);
    expect(announcedClosings({ urgences: false, questions_diverses: false })).toBe(0);
    expect(announcedClosings({ urgences: true })).toBe(1);
    expect(announcedClosings({ questions_diverses: true })).toBe(1);
    expect(announcedClosings({ urgences: true, questions_diverses: true })).toBe(2);
  });
});

describe('pvSigned', () => {
  it('reads the séance’s signatures, else the collectivité’s signatures_pv, else signs', () => {
    const cases = [
      [undefined, undefined, true],
      [undefined, true, true],
      [undefined, false, false],
      [true, false, true],
      [false, true, false],
      [false, undefined, false],
    ] as const;
    for (const [signatures, signatures_pv, signed] of cases) {
      const seance = {
        ...(signatures === undefined ? {} : { deroulement: { signatures } }),
        collectivite: signatures_pv === undefined ? {} : { signatures_pv },
      };
      expect(pvSigned(seance), JSON.stringify(seance)).toBe(signed);
    }
    expect(pvSigned({ deroulement: {}, collectivite: { signatures_pv: false } })).toBe(false);
  });
});
