/**
 * The documents of a séance, in the order of the dossier: the ordre du jour, then for each point
 * its note de présentation, its délibération when it has one, and each convention annexed to it;
 * last, the liste des délibérations when the séance has any délibération.
 *
 * @example
 * listDocuments(seance).map((d) => d.id) // ['ordre-du-jour', 'point-01-note', 'point-01-deliberation', …]
 */
import type { Seance } from '../schema/seance.ts';
import type { DocumentKind } from '../tree/types.ts';

export interface DocumentRef {
  readonly kind: DocumentKind;
  /** Number of the point, or null for a document of the whole séance. */
  readonly point: number | null;
  /** Index of the annex in the point's `annexes` (conventions only). */
  readonly annex: number | null;
  /** File name without extension, unique in the séance (`point-01-convention-1`). */
  readonly id: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function listDocuments(seance: Seance): DocumentRef[] {
  const out: DocumentRef[] = [{ kind: 'ordre-du-jour', point: null, annex: null, id: 'ordre-du-jour' }];
  for (const point of seance.points) {
    const stem = `point-${pad(point.numero)}`;
    out.push({ kind: 'note', point: point.numero, annex: null, id: `${stem}-note` });
    // A withdrawn point keeps its note (it was sent) but has no act.
    if (point.deliberation && point.deroulement?.retire !== true) {
      out.push({ kind: 'deliberation', point: point.numero, annex: null, id: `${stem}-deliberation` });
    }
    (point.annexes ?? []).forEach((annexe, index) => {
      if ('convention' in annexe) {
        out.push({
          kind: 'convention',
          point: point.numero,
          annex: index,
          id: `${stem}-convention-${index + 1}`,
        });
      }
    });
  }
  if (seance.points.some((p) => p.deliberation)) {
    out.push({ kind: 'liste-des-deliberations', point: null, annex: null, id: 'liste-des-deliberations' });
  }
  if (hasRecord(seance)) out.push({ kind: 'proces-verbal', point: null, annex: null, id: 'proces-verbal' });
  return out;
}

/** A séance with a record (`deroulement`, of the séance or of a point) gets its procès-verbal. */
export function hasRecord(seance: Seance): boolean {
  return seance.deroulement !== undefined || seance.points.some((p) => p.deroulement !== undefined);
}
