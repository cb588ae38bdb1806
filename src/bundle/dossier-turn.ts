/**
 * The dossier de séance is assembled in the main thread while the documents are rendered
 * (build.ts): each document's title, once its files are written, and whether the dossier has work
 * in hand, so that the main thread renders only when the dossier waits.
 *
 * @example
 * const titles = refs.map(() => deferred<string>());
 * const turn = new DossierTurn();
 * await turn.whenIdle(); // before the main thread takes a document
 */

export interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
  readonly settled: () => boolean;
}

/** A promise and its two ends; a rejection nobody waits for is not an unhandled one. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let settled = false;
  const promise = new Promise<T>((res, rej) => {
    resolve = (value) => {
      settled = true;
      res(value);
    };
    reject = (error) => {
      settled = true;
      rej(error);
    };
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject, settled: () => settled };
}

/**
 * Whether the dossier has work in hand (a document written that it has not copied yet): the
 * thread that assembles it then leaves the rendering to the workers until it waits again, so that
 * the dossier keeps up with the documents instead of finishing after them.
 */
export class DossierTurn {
  private waiting: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  private ended = false;

  /** A document's title, once it is written; the dossier is idle while it waits for it. */
  title(title: Deferred<string>): Promise<string> {
    if (title.settled()) return title.promise;
    this.idle();
    return title.promise.then((value) => {
      this.busy();
      return value;
    });
  }

  /** Resolves when the dossier waits for a document, or is done. */
  whenIdle(): Promise<void> {
    return this.waiting;
  }

  /** The dossier is done (or failed): it never holds the rendering back again. */
  end(): void {
    this.ended = true;
    this.idle();
  }

  private busy(): void {
    if (this.ended || this.release) return;
    this.waiting = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  private idle(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}
