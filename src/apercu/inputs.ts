/**
 * What each document of the preview is made from, as one hash: the data of its point (or the
 * whole séance for a séance-wide document), the séance data every document shares, and the
 * templates, logo and fonts. A document whose hash did not change since the last rebuild is not
 * rendered again.
 *
 * @example
 * documentHash(seance, ref, sharedKey) // 'a3f…'
 */
import { createHash } from 'node:crypto';
import type { DocumentRef } from '../compose/documents.ts';
import type { Seance } from '../schema/seance.ts';

function hash(...parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(part);
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** The key of everything outside the séance data: templates, logo and font bytes, options. */
export function environmentKey(
  templates: unknown,
  files: ReadonlyMap<string, Uint8Array>,
  options: object = {},
): string {
  const parts: (string | Uint8Array)[] = [JSON.stringify(templates ?? null), JSON.stringify(options)];
  for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) parts.push(name, bytes);
  return hash(...parts);
}

/**
 * The hash of one document's inputs: a point's document reads its point and the shared séance
 * data (collectivité, séance, élus, déroulement); a séance-wide one reads every point.
 */
export function documentHash(seance: Seance, ref: DocumentRef, environment: string): string {
  const { points, ...shared } = seance;
  const own = ref.point === null ? points : points.find((p) => p.numero === ref.point);
  return hash(environment, ref.kind, String(ref.annex), JSON.stringify(shared), JSON.stringify(own ?? null));
}
