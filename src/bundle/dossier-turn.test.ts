import { describe, expect, it } from 'vitest';
import { DossierTurn, deferred } from './dossier-turn.ts';

/** Whether `promise` has settled once pending callbacks have run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('deferred', () => {
  it('says when it is settled, and a rejection nobody waits for is not unhandled', async () => {
    const a = deferred<string>();
    expect(a.settled()).toBe(false);
    a.resolve('x');
    expect(a.settled()).toBe(true);
    await expect(a.promise).resolves.toBe('x');
    const b = deferred<string>();
    b.reject(new Error('non'));
    expect(b.settled()).toBe(true);
    // vitest fails the run on an unhandled rejection: none here.
    await new Promise((resolve) => setImmediate(resolve));
  });
});

describe('DossierTurn', () => {
  it('holds the rendering while the dossier has a written document in hand, not while it waits', async () => {
    const titles = [deferred<string>(), deferred<string>()];
    const turn = new DossierTurn();
    // Nothing asked yet: the rendering goes on.
    expect(await isSettled(turn.whenIdle())).toBe(true);
    // The dossier waits for document 0: idle.
    const first = turn.title(titles[0]!);
    expect(await isSettled(turn.whenIdle())).toBe(true);
    // Document 0 written: the dossier copies it, the rendering waits.
    titles[0]!.resolve('Convocation');
    expect(await first).toBe('Convocation');
    const held = turn.whenIdle();
    expect(await isSettled(held)).toBe(false);
    // Document 1 already written when asked for: still busy.
    titles[1]!.resolve('Ordre du jour');
    await turn.title(titles[1]!);
    expect(await isSettled(held)).toBe(false);
    // The dossier is done: the rendering goes on, and is never held again.
    turn.end();
    expect(await isSettled(held)).toBe(true);
    expect(await isSettled(turn.whenIdle())).toBe(true);
  });

  it('releases the rendering when the dossier waits for the next document', async () => {
    const titles = [deferred<string>(), deferred<string>()];
    const turn = new DossierTurn();
    const first = turn.title(titles[0]!);
    titles[0]!.resolve('Note');
    await first;
    const held = turn.whenIdle();
    expect(await isSettled(held)).toBe(false);
    const second = turn.title(titles[1]!);
    expect(await isSettled(held)).toBe(true);
    titles[1]!.reject(new Error('rendu interrompu'));
    await expect(second).rejects.toThrow('rendu interrompu');
  });
});
