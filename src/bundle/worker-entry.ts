/**
 * Where a rendering worker starts from, when not beside the scheduler: the bundled CLI
 * (src/cli/bundle-entry.ts) names its own bundled worker. Its own module, without imports, so that
 * naming it loads nothing of the renderers.
 */
let entry: URL | undefined;

export function setWorkerEntry(url: URL): void {
  entry = url;
}

/** The worker named by the bundled CLI, if any. */
export function workerEntry(): URL | undefined {
  return entry;
}
