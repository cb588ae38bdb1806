/**
 * The one registry of document kinds. Everything that depends on a kind — whether a séance or a
 * point has such a document, its template, the data its template receives, its subject, whether
 * it goes into the dossier de séance and under which bookmark, its @ctes nature — is read from
 * here, so a kind added to `DocumentKind` fails the build until it is described, and a kind
 * described here cannot be forgotten elsewhere.
 *
 * @example
 * KINDS.note.template // 'note-de-presentation'
 * KINDS.convocation.scope // 'seance'
 */
import type { FormulaKey } from '../facts/formules.ts';
import type { Convention, Point, Seance, SeanceDetails } from '../schema/seance.ts';
import { convocationContext, ordreDuJourContext } from '../template/agenda-context.ts';
import { deliberationContext, listeContext, noteContext } from '../template/context.ts';
import { conventionContext } from '../template/convention-context.ts';
import type { TemplateName } from '../template/env.ts';
import { procesVerbalContext } from '../template/proces-verbal-context.ts';
import type { DocumentKind } from '../tree/types.ts';
import { agendaEntries, hasRecord } from './documents.ts';
import { isAct, isListed, isProjet } from './moment.ts';

/** What a kind's document is about: the whole séance, one point, or one annex of a point. */
export type KindScope = 'seance' | 'point' | 'annexe';

/** The @ctes nature of an act (1 Délibérations, 4 Contrats, conventions et avenants). */
export interface CtesNature {
  readonly nature: 1 | 4;
  readonly nature_code: 'DE' | 'CC';
  readonly nature_libelle: string;
}

/** What a document is made from: the séance, and the point and annex it belongs to. */
export interface KindTarget {
  /** The séance with members referred to by key printed by name. */
  readonly seance: Seance;
  /** The séance as written (keys of `elus` kept). */
  readonly written: Seance;
  readonly point: Point | undefined;
  readonly convention: Convention | undefined;
  /** Index of the convention among the point's annexes (conventions only). */
  readonly annex: number | null;
}

export interface KindSpec {
  readonly scope: KindScope;
  /**
   * Séance-wide kinds come before the points, unless `last` (after every point: the liste).
   * Point kinds come in registry order within each point.
   */
  readonly last?: boolean;
  /** Does the séance (séance-wide kinds) or the point have this document? */
  readonly present: (seance: Seance, point: Point | undefined) => boolean;
  /** Why this séance has no such document (séance-wide kinds that are not always made), in French. */
  readonly absent?: (seance: Seance) => string;
  readonly template: TemplateName;
  /** What the template receives. */
  readonly context: (target: KindTarget) => object;
  /** Kind of document in words (PDF Subject, footers, bookmarks of séance-wide documents). */
  readonly subject: string;
  /** File name of a séance-wide document, or suffix after `point-NN-` of a point's. */
  readonly file: string;
  /** Bookmark in the dossier de séance, or null when the document is not in the dossier. */
  readonly dossier: null | DossierFormula;
  /** The @ctes nature when the document is an act (its point adopted), else null. */
  readonly ctes: CtesNature | null;
  /** What `delib tree --doc` says of it. */
  readonly label: string;
}

/**
 * The formula that words a document's bookmark in the dossier de séance (`{titre}`: its title);
 * an annexed convention's is the formula `annexe`, with its number among the point's annexes.
 */
export type DossierFormula = Extract<FormulaKey, `signet_${string}`> | 'annexe';

const pointOf = (target: KindTarget): Point => {
  if (!target.point) throw new Error('a point document without its point');
  return target.point;
};

/** The délibération context of a point's projet or adopted act. */
const deliberationOf = (target: KindTarget) => {
  const point = pointOf(target);
  if (!point.deliberation) throw new Error(`point ${point.numero} has no délibération`);
  return deliberationContext(target.seance, point, point.deliberation);
};

/** Whether the séance declines one of its séance-wide documents (`documents: { liste: false }`). */
const declined = (seance: Seance, document: keyof NonNullable<SeanceDetails['documents']>): boolean =>
  seance.seance.documents?.[document] === false;

const hasNote = (point: Point | undefined) => Boolean(point?.note?.expose || point?.note?.proposition);

/** The document kinds, in the order of the documents of a séance. */
export const KINDS = {
  convocation: {
    scope: 'seance',
    present: (seance) => !declined(seance, 'convocation'),
    absent: () => 'la séance ne la produit pas (« documents: { convocation: false } »)',
    template: 'convocation',
    context: ({ seance }) => convocationContext(seance),
    subject: 'Convocation',
    file: 'convocation',
    dossier: 'signet_convocation',
    ctes: null,
    label: 'convocation des membres (CGCT L. 2121-10)',
  },
  'ordre-du-jour': {
    scope: 'seance',
    // A séance whose points are not known yet, or without any (installation): nothing to list.
    present: (seance) => agendaEntries(seance) > 0 && !declined(seance, 'ordre_du_jour'),
    absent: (seance) =>
      declined(seance, 'ordre_du_jour')
        ? 'la séance ne le produit pas (« documents: { ordre_du_jour: false } »)'
        : 'son ordre du jour n’a aucune entrée (« points: [] », ni « urgences » ni « questions_diverses » dont la formule s’imprime)',
    template: 'ordre-du-jour',
    context: ({ seance }) => ordreDuJourContext(seance),
    subject: 'Ordre du jour',
    file: 'ordre-du-jour',
    dossier: 'signet_ordre_du_jour',
    ctes: null,
    label: 'ordre du jour',
  },
  note: {
    scope: 'point',
    present: (_seance, point) => hasNote(point),
    template: 'note-de-presentation',
    context: (target) => noteContext(target.seance, pointOf(target)),
    subject: 'Note de présentation',
    file: 'note',
    dossier: 'signet_note',
    ctes: null,
    label: 'note de présentation d’un point',
  },
  projet: {
    scope: 'point',
    present: (_seance, point) => point !== undefined && isProjet(point),
    template: 'deliberation',
    context: deliberationOf,
    subject: 'Projet de délibération',
    file: 'projet',
    dossier: 'signet_projet',
    ctes: null,
    label: 'projet de délibération d’un point, avant le vote',
  },
  deliberation: {
    scope: 'point',
    present: (_seance, point) => point !== undefined && isAct(point),
    template: 'deliberation',
    context: deliberationOf,
    subject: 'Délibération',
    file: 'deliberation',
    // The dossier goes to councillors before the séance: no adopted act in it.
    dossier: null,
    ctes: { nature: 1, nature_code: 'DE', nature_libelle: 'Délibérations' },
    label: 'délibération adoptée d’un point (extrait du registre)',
  },
  convention: {
    scope: 'annexe',
    present: () => true,
    template: 'convention',
    context: (target) => {
      if (!target.convention) throw new Error('a convention document without its convention');
      return conventionContext(target.seance, pointOf(target), target.convention, target.annex ?? 0);
    },
    subject: 'Convention',
    file: 'convention',
    dossier: 'annexe',
    ctes: { nature: 4, nature_code: 'CC', nature_libelle: 'Contrats, conventions et avenants' },
    label: 'convention annexée à un point (--annexe K)',
  },
  'liste-des-deliberations': {
    scope: 'seance',
    last: true,
    present: (seance) => seance.points.some(isListed) && !declined(seance, 'liste'),
    absent: (seance) =>
      declined(seance, 'liste')
        ? 'la séance ne la produit pas (« documents: { liste: false } »)'
        : 'aucun de ses points n’a de délibération adoptée ni d’examen noté',
    template: 'liste-des-deliberations',
    context: ({ seance }) => listeContext(seance),
    subject: 'Liste des délibérations',
    file: 'liste-des-deliberations',
    // Results of the votes: not in the dossier sent before the séance.
    dossier: null,
    ctes: null,
    label: 'liste des délibérations (CGCT L. 2121-25), après la séance',
  },
  'proces-verbal': {
    scope: 'seance',
    last: true,
    present: (seance) => hasRecord(seance),
    absent: () => 'son déroulement n’est pas noté (« deroulement », sous la séance ou sous un point)',
    template: 'proces-verbal',
    // The procès-verbal resolves members itself (it needs their keys for votes by name).
    context: ({ written }) => procesVerbalContext(written),
    subject: 'Procès-verbal',
    file: 'proces-verbal',
    dossier: null,
    ctes: null,
    label: 'procès-verbal de la séance, quand son déroulement est noté',
  },
} as const satisfies Record<DocumentKind, KindSpec>;

/** Every kind, in registry order. */
export const KIND_NAMES = Object.keys(KINDS) as DocumentKind[];

/** The spec of a kind, typed as the interface (not its literal). */
export function kindSpec(kind: DocumentKind): KindSpec {
  return KINDS[kind];
}

/** Every template is some kind's, and every kind's template exists: checked by `tsc`. */
type UnusedTemplate = Exclude<TemplateName, (typeof KINDS)[DocumentKind]['template']>;
const everyTemplateUsed: [UnusedTemplate] extends [never] ? true : UnusedTemplate = true;
void everyTemplateUsed;
