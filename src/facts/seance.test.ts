import { describe, expect, it } from 'vitest';
import { announcedClosings } from './seance.ts';

describe('announcedClosings', () => {
  it('counts the affaires urgentes and the questions diverses the séance announces', () => {
    expect(announcedClosings({})).toBe(0);
    expect(announcedClosings({ urgences: false, questions_diverses: false })).toBe(0);
    expect(announcedClosings({ urgences: true })).toBe(1);
    expect(announcedClosings({ questions_diverses: true })).toBe(1);
    expect(announcedClosings({ urgences: true, questions_diverses: true })).toBe(2);
  });
});
