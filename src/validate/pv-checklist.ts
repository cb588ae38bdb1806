/**
 * `delib validate --pv`: what the procès-verbal must state (CGCT L. 2121-15) and the séance does
 * not record yet, as located warnings, before the procès-verbal is published. One check per
 * element of the law's list; each warning sits at the place where the missing field belongs.
 */
import { isWithdrawn } from '../compose/moment.ts';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { secretairesOf } from '../facts/elus.ts';
import { pvSigned } from '../facts/seance.ts';
import { locate, type SourceMap } from '../load/source-map.ts';
import type { Point, Seance, Vote } from '../schema/seance.ts';

type Warn = (pointer: string, message: string, hint: string) => void;

/** A public ballot whose voters are counted, not named. */
const unnamedPublic = (vote: Vote | undefined): boolean =>
  vote !== undefined && !('unanimite' in vote) && vote.scrutin === 'public' && typeof vote.pour === 'number';

function seanceChecks(seance: Seance, warn: Warn): void {
  const s = seance.seance;
  const r = seance.deroulement;
  const record = r ? '/deroulement' : '/seance';
  if (!s.presences) {
    warn(
      '/seance',
      'Le procès-verbal doit nommer les membres présents et représentés.',
      'Ajoutez « presences » sous « seance ».',
    );
  } else if (typeof s.presences.presents === 'number') {
    warn(
      '/seance/presences/presents',
      'Le procès-verbal doit nommer les membres présents, pas seulement les compter.',
      'Écrivez la liste des présents (clés déclarées sous « elus », ou noms).',
    );
  }
  if (secretairesOf(s).length === 0) {
    warn(
      '/seance',
      'Le procès-verbal doit nommer le ou les secrétaires de séance.',
      'Ajoutez « secretaire » (ou « secretaires ») sous « seance ».',
    );
  }
  if (!r?.ouverture) {
    warn(
      record,
      'Le procès-verbal doit donner l’heure d’ouverture de la séance.',
      'Ajoutez « deroulement: { ouverture: "HH:MM" } ».',
    );
  }
  // Signed by the président and the secretaries (L. 2121-15): a compte rendu may be printed unsigned.
  if (!pvSigned(seance)) {
    warn(
      r?.signatures === false ? '/deroulement/signatures' : '/collectivite/signatures_pv',
      'Le procès-verbal doit être signé par le président et le ou les secrétaires de séance.',
      'Retirez « signatures: false » (ou « signatures_pv: false ») pour imprimer le bloc des signatures.',
    );
  }
  if (!r?.pv_precedent) {
    warn(
      record,
      'Le procès-verbal doit dire si le procès-verbal de la séance précédente a été approuvé.',
      'Ajoutez sous « deroulement » pv_precedent: { date: AAAA-MM-JJ, vote: … } (sauf à la première séance).',
    );
  }
}

function pointChecks(point: Point, i: number, warn: Warn): void {
  if (isWithdrawn(point)) return;
  const here = `/points/${i}`;
  const d = point.deroulement;
  if (!d?.presentation && !d?.interventions?.length) {
    warn(
      here,
      `Point ${point.numero} : le procès-verbal doit rendre compte de la teneur des discussions.`,
      'Ajoutez sous « deroulement » du point une « presentation » ou des « interventions ».',
    );
  }
  (d?.amendements ?? []).forEach((a, j) => {
    if (!a.vote) {
      warn(
        `${here}/deroulement/amendements/${j}`,
        `Point ${point.numero} : le procès-verbal doit donner le résultat du vote de l’amendement n° ${a.numero}.`,
        'Ajoutez « vote » à l’amendement.',
      );
    } else if (unnamedPublic(a.vote)) {
      warn(
        `${here}/deroulement/amendements/${j}/vote`,
        `Scrutin public sur l’amendement n° ${a.numero} : le procès-verbal doit nommer chaque votant et le sens de son vote.`,
        'Écrivez les listes de votants sous pour, contre, abstentions.',
      );
    }
  });
  const deliberation = point.deliberation;
  if (!deliberation) return;
  if (!point.note) {
    warn(
      here,
      `Point ${point.numero} : le procès-verbal doit désigner le rapport sur lequel la délibération est adoptée.`,
      'Ajoutez « note » (exposé, proposition) au point.',
    );
  }
  const vote = deliberation.vote;
  // A point examined whose result the YAML states unknown (`statut: examine`) has no vote to ask for.
  if (!vote && point.statut !== 'prend_acte' && point.statut !== 'ajourne' && point.statut !== 'examine') {
    warn(
      `${here}/deliberation`,
      `Point ${point.numero} : le procès-verbal doit donner le résultat du vote.`,
      'Ajoutez « vote » sous « deliberation » (unanimite: true, ou pour, contre, abstentions).',
    );
  }
  if (unnamedPublic(vote)) {
    warn(
      `${here}/deliberation/vote`,
      `Scrutin public au point ${point.numero} : le procès-verbal doit nommer chaque votant et le sens de son vote.`,
      'Écrivez les listes de votants sous pour, contre, abstentions.',
    );
  }
  // A secret ballot may also be held without request, for a nomination (CGCT L. 2121-21).
  const scrutin = vote && !('unanimite' in vote) ? vote.scrutin : undefined;
  if (scrutin === 'public' && !d?.demandes_scrutin?.some((x) => x.scrutin === 'public')) {
    warn(
      `${here}/deliberation/vote/scrutin`,
      `Point ${point.numero} : le procès-verbal doit dire qui a demandé le scrutin public.`,
      'Ajoutez sous « deroulement » du point demandes_scrutin: [{ scrutin: public, par: […] }].',
    );
  }
}

export function pvDiagnostics(seance: Seance, sources: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn: Warn = (pointer, message, hint) =>
    out.push(
      diagnostic('pv.missing', 'avertissement', message, {
        ...locate(sources, pointer),
        path: pointer,
        hint,
      }),
    );
  seanceChecks(seance, warn);
  seance.points.forEach((point, i) => {
    pointChecks(point, i, warn);
  });
  return out;
}
