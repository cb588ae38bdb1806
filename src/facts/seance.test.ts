import { describe, expect, it } from 'vitest';
import { announcedClosings, closingEntries, pvSigned } from './seance.ts';

describe('announcedClosings', () => {
  const f = { urgences: 'Affaires urgentes', questions_diverses: 'Questions diverses' };
  it('counts the affaires urgentes and the questions diverses the séance announces', () => {
    expect(announcedClosings({}, f)).toBe(0);
    expect(announcedClosings({ urgences: false, questions_diverses: false }, f)).toBe(0);
    expect(announcedClosings({ urgences: true }, f)).toBe(1);
    expect(announcedClosings({ questions_diverses: true }, f)).toBe(1);
    expect(announcedClosings({ urgences: true, questions_diverses: true }, f)).toBe(2);
  });

  it('leaves out an entry whose formula is empty, as the ordre du jour prints it', () => {
    const both = { urgences: true, questions_diverses: true };
    expect(closingEntries(both, f)).toEqual(['Affaires urgentes', 'Questions diverses']);
    expect(closingEntries(both, { ...f, urgences: '' })).toEqual(['Questions diverses']);
    expect(announcedClosings(both, { urgences: '', questions_diverses: '' })).toBe(0);
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
