/**
 * `delib validate --pv`: what the procès-verbal must state (CGCT L. 2121-15) and the séance does
 * not record yet, as located warnings, before the procès-verbal is published.
 */

import { isWithdrawn } from '../compose/moment.ts';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { locate, type SourceMap } from '../load/source-map.ts';
import type { Seance } from '../schema/seance.ts';

export function pvDiagnostics(seance: Seance, sources: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (pointer: string, message: string, hint: string) =>
    out.push(
      diagnostic('pv.missing', 'avertissement', message, {
        ...locate(sources, pointer),
        path: pointer,
        hint,
      }),
    );
  if (!seance.seance.presences) {
    warn(
      '/seance',
      'Le procès-verbal doit nommer les membres présents et représentés.',
      'Ajoutez « presences » sous « seance ».',
    );
  }
  if (!seance.deroulement?.ouverture) {
    warn(
      '/seance',
      'Le procès-verbal doit donner l’heure d’ouverture de la séance.',
      'Ajoutez « deroulement: { ouverture: "HH:MM" } ».',
    );
  }
  seance.points.forEach((point, i) => {
    if (isWithdrawn(point) || !point.deliberation) return;
    const vote = point.deliberation.vote;
    if (vote && !('unanimite' in vote) && vote.scrutin === 'public' && typeof vote.pour === 'number') {
      warn(
        `/points/${i}/deliberation/vote`,
        `Scrutin public au point ${point.numero} : le procès-verbal doit nommer chaque votant et le sens de son vote.`,
        'Écrivez les listes de votants sous pour, contre, abstentions.',
      );
    }
    const d = point.deroulement;
    if (!d?.presentation && !d?.interventions?.length) {
      warn(
        `/points/${i}`,
        `Point ${point.numero} : le procès-verbal doit rendre compte de la teneur des discussions.`,
        'Ajoutez sous « deroulement » du point une « presentation » ou des « interventions ».',
      );
    }
  });
  return out;
}
