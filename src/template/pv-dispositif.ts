/**
 * The dispositif of an adopted act printed under its point in the procès-verbal or the compte
 * rendu (`dispositif_pv`, `deroulement.dispositif`): the act's own words (its formulas `vu`,
 * `considerant`, `decision`, article labels) after the PV's `pv_dispositif`; nothing for a point that
 * took no act, or when the collectivité does not ask for it.
 *
 * @example
 * pvDispositif(seance, point, f) // { intro: 'Après en avoir délibéré,', decision: 'DÉLIBÈRE', articles: [...], … }
 */
import { isAct, momentOf } from '../compose/moment.ts';
import { type Formules, fillFormula } from '../facts/formules.ts';
import type { Point, Seance } from '../schema/seance.ts';
import { actWording } from './context.ts';
import { instanceForms } from './grammar.ts';

export interface PvDispositif {
  readonly visas: readonly string[];
  readonly considerants: readonly string[];
  readonly avantDecision: string;
  readonly intro: readonly string[];
  readonly decision: string;
  readonly articles: readonly { readonly libelle: string; readonly texte: string }[];
}

/** What the PV prints of the act adopted on `point`, or undefined. */
export function pvDispositif(seance: Seance, point: Point, f: Formules): PvDispositif | undefined {
  const mode = seance.deroulement?.dispositif ?? seance.collectivite.dispositif_pv ?? 'aucun';
  const acte = point.deliberation;
  if (mode === 'aucun' || acte === undefined || !isAct(point)) return undefined;
  const full = mode === 'complet';
  const forms = instanceForms(seance.instance, seance.genre_instance);
  const intro = fillFormula(f.pv_dispositif, {
    apres_deliberation: f.apres_deliberation,
    le_conseil: fillFormula(f.le_conseil, { instance: seance.instance, ...forms }),
  });
  const wording = actWording(acte, f);
  return {
    visas: full ? wording.visas : [],
    considerants: full ? wording.considerants : [],
    avantDecision: full ? (acte.avant_decision ?? '') : '',
    // One paragraph a line of the formula (« Le Conseil municipal, » then « Après en avoir délibéré, »).
    intro: intro.split('\n').filter((line) => line.trim() !== ''),
    decision: momentOf(point) === 'prend_acte' ? f.decision_prend_acte : f.decision,
    articles: wording.articles.map(({ libelle, texte }) => ({ libelle, texte })),
  };
}
