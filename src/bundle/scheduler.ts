/**
 * Renders a list of documents in this thread or on a pool of worker threads, hands each one's files
 * to `onResult` as it arrives, and returns what `onResult` kept in the list's order whatever order
 * they finish in, so output is the same with 1 or N threads. Trees never leave the thread that
 * composed them.
 *
 * @example
 * const titles = await renderAll(job, refs, { jobs: 2, onResult: async (r) => r.title });
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentRef } from '../compose/documents.ts';
import { DiagnosticError } from '../diagnostics.ts';
import { type RenderedFiles, type RenderJob, renderDocument, renderedFiles } from './render-documents.ts';
import type { WorkerMessage, WorkerReply } from './worker.ts';
import { workerEntry } from './worker-entry.ts';

export interface ScheduleOptions<T> {
  /** At most this many threads (default: both cores for big séances); one below `parallelFrom`. */
  readonly jobs?: number;
  /** Fewest documents worth a worker (default PARALLEL_THRESHOLD; tests lower it to use threads). */
  readonly parallelFrom?: number;
  /**
   * Called with each document's files as soon as it is rendered (in any order with N threads);
   * what it returns is kept in its place (e.g. the title alone, once the files are written).
   */
  readonly onResult: (result: RenderedFiles, index: number) => Promise<T>;
  readonly onDone?: (done: number) => void;
  readonly signal?: AbortSignal;
  /** Workers started ahead (`warmUp`), taken before any new one is started. */
  readonly warm?: WarmWorkers;
  /**
   * Waited for before this thread takes its next document when workers render beside it (the
   * dossier assembled in this thread meanwhile, build.ts): the workers take its share meanwhile.
   */
  readonly beforeEach?: () => Promise<void>;
}

/** Below this many documents, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 40;

/**
 * How a worker starts. Compiled (dist/, this module is `scheduler.js`): the worker module itself.
 * From the TypeScript sources: tsx's loader is registered first, then the worker module is
 * imported (a worker does not inherit the loader of the main thread).
 */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_URL = new URL(COMPILED ? './worker.js' : './worker.ts', import.meta.url);

/**
 * Old-generation heap of a worker. A worker holds its fonts, templates, shaped-word cache and the
 * document in hand (≈ 60–150 MB at 500 points); the limit makes V8 collect before the process
 * grows, and a runaway document fails its build instead of taking the machine's memory.
 */
export const WORKER_HEAP_MB = 320;

/**
 * Young generation of a worker: 48 MB is two 16 MB semi-spaces and their large-object space, what
 * V8 11 and 12 (Node 20, 22) choose by themselves. V8 13 (Node 24) lets each semi-space grow to
 * 64 MB (`--scavenger-max-new-space-capacity-mb=32`, doubled without pointer compression): a
 * 128 MB new space per thread, most of Node 24's extra memory at 500 points (bench/results.md,
 * memory, session 8). At 16 MB the 100-point build takes the same CPU.
 */
export const WORKER_YOUNG_MB = 48;

/**
 * A worker that waits for its job (the first message it receives, see worker.ts): it can be
 * started before the séance is loaded and validated, and load its modules meanwhile.
 */
function startWorker(): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: WORKER_HEAP_MB,
    maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
  };
  // The bundled CLI (dist/bin/, see bin/build-dist.js) starts its own bundled worker.
  const bundled = workerEntry();
  if (bundled) return new Worker(bundled, { resourceLimits });
  if (COMPILED) return new Worker(WORKER_URL, { resourceLimits });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/**
 * A séance file at least this big is likely to have PARALLEL_THRESHOLD documents or more (a point
 * and its documents take 2–10 KB of YAML; the 100-point benchmark séance is 250 KB).
 */
export const WARM_UP_BYTES = 64 * 1024;

/** Workers started before their séance was loaded (`warmUp`), for one build to take. */
export class WarmWorkers {
  private readonly waiting: Worker[] = [];

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = startWorker();
      // Waiting does not keep the process alive; one that fails to start is dropped (the build
      // starts another, which reports the failure).
      worker.unref();
      worker.once('error', () => {
        const at = this.waiting.indexOf(worker);
        if (at >= 0) this.waiting.splice(at, 1);
      });
      this.waiting.push(worker);
    }
  }

  /** A waiting worker, or a new one, given its job. */
  take(job: RenderJob): Worker {
    const worker = this.waiting.shift() ?? startWorker();
    worker.ref();
    worker.postMessage({ job } satisfies WorkerMessage);
    return worker;
  }

  /** Stops the workers no build took (a séance that turned out small, or invalid). */
  async stop(): Promise<void> {
    await Promise.all(this.waiting.splice(0).map((w) => w.terminate()));
  }
}

/**
 * Starts the workers a big séance will render with before it is even loaded: each loads its
 * modules (≈ 0.4–0.7 s) while this thread parses and validates the séance. Judged from the file's
 * size; `parallelFrom` lowers the bar as it lowers PARALLEL_THRESHOLD (tests). The caller passes
 * them to `renderAll` and stops them in the end (`stop`: those not taken).
 */
export function warmUp(
  seanceBytes: number,
  jobs?: number,
  parallelFrom = PARALLEL_THRESHOLD,
): WarmWorkers | undefined {
  const threads = threadsForBytes(seanceBytes, jobs, parallelFrom);
  return threads > 1 ? new WarmWorkers(threads - 1) : undefined;
}

/**
 * The threads a séance file of this size will likely render on, judged before it is loaded (see
 * WARM_UP_BYTES): 1 for a small file.
 */
export function threadsForBytes(
  seanceBytes: number,
  jobs?: number,
  parallelFrom = PARALLEL_THRESHOLD,
): number {
  if (seanceBytes < (WARM_UP_BYTES * parallelFrom) / PARALLEL_THRESHOLD) return 1;
  return jobs ?? defaultJobs(PARALLEL_THRESHOLD);
}

export function defaultJobs(documents: number): number {
  return documents >= PARALLEL_THRESHOLD ? Math.min(4, availableParallelism()) : 1;
}

/**
 * Threads to render `documents` with. A small séance stays on this thread even with `--jobs 2`:
 * a worker re-pays the whole start-up (≈ 0.5–0.7 s of loading and cold code) for the few
 * documents it would take (Sceaux, 13 files: 1.5–1.8 s with one thread, 1.85–2.16 s with two).
 */
export function threadsFor(documents: number, jobs?: number, parallelFrom = PARALLEL_THRESHOLD): number {
  if (documents < parallelFrom) return 1;
  return Math.max(1, Math.min(jobs ?? defaultJobs(documents), documents));
}

export async function renderAll<T>(
  job: RenderJob,
  refs: readonly DocumentRef[],
  options: ScheduleOptions<T>,
): Promise<T[]> {
  const jobs = threadsFor(refs.length, options.jobs, options.parallelFrom);
  if (jobs === 1) {
    const out: T[] = [];
    for (const [index, ref] of refs.entries()) {
      options.signal?.throwIfAborted();
      out.push(await options.onResult(renderedFiles(await renderDocument(job, ref)), index));
      options.onDone?.(out.length);
    }
    return out;
  }
  return renderOnThreads(job, refs, jobs, options);
}

/** Requests in flight per worker: the next one waits in its queue while it replies. */
const IN_FLIGHT = 2;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The documents left to render, in two lines: the séance-wide ones (convocation, ordre du jour,
 * liste: each costs 5–20 times a point's document) and the points' ones, each in the séance's
 * order. Workers take the séance-wide ones first: the liste, last in the séance, would otherwise be
 * rendered by one thread at the end while the others have nothing left. This thread takes the
 * points' first: a big document rendered early in it makes V8 size its heap for the whole build
 * (m13, session 5: mean RSS 319 → 397 MiB at 500 points).
 */
export class HandOut {
  private readonly lines: [number[], number[]];
  private readonly at = [0, 0];

  constructor(refs: readonly DocumentRef[]) {
    const indices = refs.map((_, i) => i);
    this.lines = [
      indices.filter((i) => refs[i]!.point === null),
      indices.filter((i) => refs[i]!.point !== null),
    ];
  }

  /** The next document for a worker (`big` first) or for this thread; undefined when all are out. */
  next(big: boolean): number | undefined {
    const first = big ? 0 : 1;
    for (const line of [first, 1 - first]) {
      const index = this.lines[line]![this.at[line]!];
      if (index !== undefined) {
        this.at[line]!++;
        return index;
      }
    }
    return undefined;
  }
}

/**
 * `jobs - 1` workers and this thread take documents from one `HandOut`. This thread renders
 * between the replies it handles (a worker started costs ≈ 0.7 s of loading and its own memory).
 */
function renderOnThreads<T>(
  job: RenderJob,
  refs: readonly DocumentRef[],
  jobs: number,
  options: ScheduleOptions<T>,
): Promise<T[]> {
  const results: T[] = new Array(refs.length);
  const warm = options.warm ?? new WarmWorkers(0);
  const workers = Array.from({ length: jobs - 1 }, () => warm.take(job));
  const handOut = new HandOut(refs);
  let done = 0;
  const pending: Promise<void>[] = [];
  return new Promise<T[]>((resolve, reject) => {
    let failed = false;
    const stop = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const onAbort = () => stop(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finished = (index: number, result: RenderedFiles) => {
      const kept = options.onResult(result, index).then((r) => {
        results[index] = r;
      });
      kept.catch(stop);
      pending.push(kept);
      done++;
      options.onDone?.(done);
      if (done === refs.length) {
        options.signal?.removeEventListener('abort', onAbort);
        // The workers' heaps are released before the caller goes on (the dossier is assembled
        // next, in this thread): the two would otherwise add up to the build's peak memory.
        Promise.all([...pending, ...workers.map((w) => w.terminate())]).then(() => resolve(results), stop);
      }
    };
    const feed = (worker: Worker) => {
      const index = failed ? undefined : handOut.next(true);
      if (index === undefined) return;
      worker.postMessage({ index, ref: refs[index]! } satisfies WorkerMessage);
    };
    for (const worker of workers) {
      worker.on('error', stop);
      worker.on('message', (reply: WorkerReply) => {
        if (!reply.ok) {
          if (reply.diagnostics) stop(new DiagnosticError(reply.diagnostics));
          else stop(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
          return;
        }
        finished(reply.index, reply.result);
        feed(worker);
      });
      for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
    }
    const renderHere = async () => {
      for (;;) {
        // Replies that arrived while this thread rendered are handled (and their workers fed) first.
        await turn();
        await options.beforeEach?.();
        const index = failed ? undefined : handOut.next(false);
        if (index === undefined) return;
        finished(index, renderedFiles(await renderDocument(job, refs[index]!)));
      }
    };
    renderHere().catch(stop);
  });
}
