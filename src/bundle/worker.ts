/**
 * A rendering thread: receives its job first (it may start before the séance is loaded), then
 * document references, and answers with their bytes and titles (the trees stay here: cloning them
 * to the main thread cost time and held them there to the end), one document at a time. Fonts and
 * templates are loaded once, at the first document.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentRef } from '../compose/documents.ts';
import { DiagnosticError } from '../diagnostics.ts';
import { type RenderedFiles, type RenderJob, renderDocument, renderedFiles } from './render-documents.ts';

export interface WorkerRequest {
  readonly index: number;
  readonly ref: DocumentRef;
}

/** The job comes first (a worker may be started before the séance is loaded), then requests. */
export type WorkerMessage = { readonly job: RenderJob } | WorkerRequest;

export type WorkerReply =
  | { readonly index: number; readonly ok: true; readonly result: RenderedFiles }
  | {
      readonly index: number;
      readonly ok: false;
      readonly diagnostics?: DiagnosticError['diagnostics'];
      readonly message: string;
      readonly stack?: string;
    };

let job: RenderJob | undefined;
if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;

/** Requests are rendered one after the other, in the order they came (the next may be queued). */
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: WorkerMessage) => {
  if ('job' in message) job = message.job;
  else queue = queue.then(() => handle(message));
});

async function handle(request: WorkerRequest): Promise<void> {
  try {
    if (!job) throw new Error('worker: a request came before its job');
    const result = renderedFiles(await renderDocument(job, request.ref));
    const transfer = [result.pdf?.bytes.buffer, result.docx?.buffer].filter(
      (b): b is ArrayBuffer => b instanceof ArrayBuffer,
    );
    port.postMessage({ index: request.index, ok: true, result } satisfies WorkerReply, transfer);
  } catch (error) {
    const reply: WorkerReply =
      error instanceof DiagnosticError
        ? { index: request.index, ok: false, diagnostics: error.diagnostics, message: error.message }
        : {
            index: request.index,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
            ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
          };
    port.postMessage(reply);
  }
}
