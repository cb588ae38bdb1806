/**
 * The documents of a séance, in the order of the registry of kinds (`kinds.ts`): the séance-wide
 * documents (convocation, ordre du jour), then for each point its documents (note, projet or
 * adopted délibération, each annexed convention), last the séance-wide documents that close it
 * (liste des délibérations, once an act is adopted).
 *
 * @example
 * listDocuments(seance).map((d) => d.id) // ['convocation', 'ordre-du-jour', 'point-01-note', 'point-01-projet', …]
 */
import { resolveFormules } from '../facts/formules.ts';
import { announcedClosings } from '../facts/seance.ts';
import type { Seance } from '../schema/seance.ts';
import type { DocumentKind } from '../tree/types.ts';
import { KIND_NAMES, kindSpec } from './kinds.ts';

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
  const seanceWide = (last: boolean): DocumentRef[] =>
    KIND_NAMES.filter((kind) => {
      const spec = kindSpec(kind);
      return spec.scope === 'seance' && (spec.last === true) === last && spec.present(seance, undefined);
    }).map((kind) => ({ kind, point: null, annex: null, id: kindSpec(kind).file }));
  const out = seanceWide(false);
  for (const point of seance.points) {
    const stem = `point-${pad(point.numero)}`;
    for (const kind of KIND_NAMES) {
      const spec = kindSpec(kind);
      if (spec.scope === 'point' && spec.present(seance, point)) {
        out.push({ kind, point: point.numero, annex: null, id: `${stem}-${spec.file}` });
      }
      if (spec.scope === 'annexe' && spec.present(seance, point)) {
        (point.annexes ?? []).forEach((annexe, index) => {
          // Annexes given as files are joined as they are (dossier), not rendered.
          if (!('convention' in annexe)) return;
          out.push({ kind, point: point.numero, annex: index, id: `${stem}-${spec.file}-${index + 1}` });
        });
      }
    }
  }
  out.push(...seanceWide(true));
  return out;
}

/** A séance with a record (`deroulement`, of the séance or of a point) gets its procès-verbal. */
export function hasRecord(seance: Seance): boolean {
  return seance.deroulement !== undefined || seance.points.some((p) => p.deroulement !== undefined);
}

/**
 * How many entries the séance's ordre du jour has: its points, and the affaires urgentes and
 * questions diverses it announces. None (`points: []`): no ordre du jour, and a convocation without one.
 */
export function agendaEntries(seance: Seance): number {
  return (
    seance.points.length +
    announcedClosings(seance.seance, resolveFormules(seance.collectivite.formules, seance.seance.date))
  );
}
