/**
 * The running header and footer of a document, from the collectivité's formulas (`entete_page_…`,
 * `pied_page_…`) and a convention's own (`formules_page`): every value of the séance filled in,
 * `{page}` and `{pages}` left for the renderer. delib's own footer is left implicit in the tree
 * (no `pages`), so a séance without such formulas gives the trees it always gave.
 *
 * @example
 * documentFurniture(seance, ref, meta) // { header: { left: 'Conseil communautaire – 25 février 2021', center: '', right: 'Page {page} sur {pages}' }, footer: … }
 */
import { type FormulaKey, fillFormula, resolveFormules } from '../facts/formules.ts';
import type { Seance } from '../schema/seance.ts';
import { dateCourte } from '../template/helpers/date-courte.ts';
import { dateLongue } from '../template/helpers/date-longue.ts';
import { defaultFurniture, lineOrNothing } from '../tree/furniture.ts';
import type { DocumentMeta, PageFurniture, PageLine } from '../tree/types.ts';
import { conventionAt } from './annexes.ts';
import type { DocumentRef } from './documents.ts';

const upper = (text: string) => text.toLocaleUpperCase('fr-FR');

const LINES = {
  header: ['entete_page_gauche', 'entete_page_centre', 'entete_page_droite'],
  footer: ['pied_page_gauche', 'pied_page_centre', 'pied_page_droite'],
} as const satisfies Record<keyof PageFurniture, readonly [FormulaKey, FormulaKey, FormulaKey]>;

const sameLine = (a: PageLine | undefined, b: PageLine | undefined) =>
  a?.left === b?.left && a?.center === b?.center && a?.right === b?.right;

/**
 * The number of the document's first page when the YAML gives one (`premiere_page` of the
 * délibération or of the convention, `seance.premieres_pages` for a document of the whole
 * séance), else undefined (page 1).
 */
export function documentFirstPage(seance: Seance, ref: DocumentRef): number | undefined {
  const point = ref.point === null ? undefined : seance.points.find((p) => p.numero === ref.point);
  if (ref.kind === 'deliberation') return point?.deliberation?.premiere_page;
  if (ref.kind === 'convention') return conventionAt(point, ref.annex)?.premiere_page;
  const own = seance.seance.premieres_pages;
  if (ref.kind === 'convocation') return own?.convocation;
  if (ref.kind === 'ordre-du-jour') return own?.ordre_du_jour;
  if (ref.kind === 'liste-des-deliberations') return own?.liste;
  if (ref.kind === 'proces-verbal') return own?.proces_verbal;
  return undefined;
}

/** The document's page lines, or undefined when they are delib's own footer. */
export function documentFurniture(
  seance: Seance,
  ref: DocumentRef,
  meta: DocumentMeta,
): PageFurniture | undefined {
  const point = ref.point === null ? undefined : seance.points.find((p) => p.numero === ref.point);
  const own = conventionAt(point, ref.annex)?.formules_page;
  const formules = { ...resolveFormules(seance.collectivite.formules, seance.seance.date), ...own };
  const { date, lieu } = seance.seance;
  const values: Readonly<Record<string, string>> = {
    titre: meta.shortTitle,
    objet: meta.title,
    document: meta.subject,
    collectivite: seance.collectivite.nom,
    instance: seance.instance,
    instance_majuscules: upper(seance.instance),
    date: dateLongue(date),
    date_chiffres: dateCourte(date),
    date_majuscules: upper(dateLongue(date)),
    lieu: lieu ?? '',
    lieu_majuscules: upper(lieu ?? ''),
    numero: point?.deliberation?.numero ?? '',
    point: point === undefined ? '' : String(point.numero),
    // Kept as written for the renderer (and so that `[Page {page}]` keeps its words).
    page: '{page}',
    pages: '{pages}',
  };
  const line = (keys: readonly [FormulaKey, FormulaKey, FormulaKey]) => {
    const [left, center, right] = keys.map((key) => fillFormula(formules[key], values)) as [
      string,
      string,
      string,
    ];
    return lineOrNothing({ left, center, right });
  };
  const header = line(LINES.header);
  const footer = line(LINES.footer);
  const implicit = defaultFurniture(meta.shortTitle);
  if (header === undefined && sameLine(footer, implicit.footer)) return undefined;
  return { ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
}
