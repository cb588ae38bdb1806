import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourSuivant, SeanceDetails } from '../schema/seance.ts';
import { type PointDay, pointDay, statedDays } from './jours.ts';

type Details = Pick<SeanceDetails, 'date' | 'heure' | 'jours_suivants'>;

/** The definition, one walk per call (what pointDay did before it kept its days per séance). */
function walkedDay(seance: Details, points: readonly { numero: number }[], numero: number): PointDay {
  const starts = new Map<number, JourSuivant>();
  for (const day of statedDays(seance))
    if (day.premier_point !== undefined) starts.set(day.premier_point, day);
  let current: PointDay = { date: seance.date, heure: seance.heure };
  for (const point of points) {
    const day = starts.get(point.numero);
    if (day) current = { date: day.date, heure: day.heure };
    if (point.numero === numero) return current;
  }
  return current;
}

const day = fc.record(
  {
    date: fc.constantFrom('2025-03-12', '2025-03-13', '2025-03-14'),
    heure: fc.constantFrom('09:00', '18:30'),
    premier_point: fc.integer({ min: 0, max: 9 }),
  },
  { requiredKeys: ['date'] },
);

describe('pointDay', () => {
  it('gives every point, repeated or missing numbers included, the day the walk in order gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(day, fc.constant('2025-03-15')), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 12 }),
        fc.option(fc.constant('18:00'), { nil: undefined }),
        (jours, numbers, heure) => {
          const seance: Details = { date: '2025-03-11', heure, jours_suivants: jours as JourSuivant[] };
          const points = numbers.map((numero) => ({ numero }));
          for (let numero = 0; numero <= 9; numero++) {
            expect(pointDay({ seance, points }, numero)).toEqual(walkedDay(seance, points, numero));
          }
        },
      ),
    );
  });

  it('walks the points once for all the points of a séance, not once per point', () => {
    const count = 2_000;
    const list = Array.from({ length: count }, (_, i) => ({ numero: i + 1 }));
    let reads = 0;
    // Counts every element read: a walk per call reads count² / 2 of them.
    const points = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const seance: Details = {
      date: '2025-03-11',
      jours_suivants: [{ date: '2025-03-12', heure: '09:00', premier_point: 1_001 }],
    };
    for (const { numero } of list) {
      expect(pointDay({ seance, points }, numero).date).toBe(numero > 1_000 ? '2025-03-12' : '2025-03-11');
    }
    expect(reads).toBeLessThanOrEqual(count);
  });

  it('sees a séance changed in place: another day, another point', () => {
    const seance: Details = { date: '2025-03-11', jours_suivants: ['2025-03-12'] };
    const points = [{ numero: 1 }, { numero: 2 }];
    expect(pointDay({ seance, points }, 2)).toEqual({ date: '2025-03-11', heure: undefined });
    const changed = { ...seance, jours_suivants: [{ date: '2025-03-12', premier_point: 2 }] };
    expect(pointDay({ seance: changed, points }, 2)).toEqual({ date: '2025-03-12', heure: undefined });
    points.push({ numero: 3 });
    expect(pointDay({ seance: changed, points }, 3)).toEqual({ date: '2025-03-12', heure: undefined });
  });

  it('sees each change its cache checks for, alone: the details, their later days, a point added', () => {
    const days = [{ date: '2025-03-13', premier_point: 3 }];
    const first: Details = { date: '2025-03-11', jours_suivants: days };
    const points = [{ numero: 1 }, { numero: 2 }];
    expect(pointDay({ seance: first, points }, 1).date).toBe('2025-03-11');
    // Other details, the same later days and points.
    const other: Details = { date: '2025-03-10', jours_suivants: days };
    expect(pointDay({ seance: other, points }, 1).date).toBe('2025-03-10');
    // The same details given other later days.
    other.jours_suivants = [{ date: '2025-03-12', premier_point: 2 }];
    expect(pointDay({ seance: other, points }, 2).date).toBe('2025-03-12');
    // A point added to the same array: the day that starts with it.
    other.jours_suivants = days;
    expect(pointDay({ seance: other, points }, 3).date).toBe('2025-03-10');
    points.push({ numero: 3 });
    expect(pointDay({ seance: other, points }, 3).date).toBe('2025-03-13');
  });
});
