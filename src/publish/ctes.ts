/**
 * @ctes readiness: what the transmission of acts to the préfecture needs beyond the séance
 * format (which already requires act numbers of `^[A-Z0-9_]{1,15}$`, unique in the séance, and an
 * objet of at most 499 characters on one line): a SIRET, a matière for every délibération, and a
 * description of each act for the tool that transmits it.
 *
 * @example
 * ctesDiagnostics(seance, sources) // [] when the séance can go to @ctes
 * ctesAct(seance, ref) // { nature: 1, nature_code: 'DE', matiere: '8.4', numero: '2023_03_01', … }
 */

import { annexList, conventionAt } from '../compose/annexes.ts';
import type { DocumentRef } from '../compose/documents.ts';
import { type CtesNature, kindSpec } from '../compose/kinds.ts';
import { isAct } from '../compose/moment.ts';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { pointDay } from '../facts/jours.ts';
import { locate, type SourceMap } from '../load/source-map.ts';
import type { Point, Seance } from '../schema/seance.ts';
import { oneLine } from '../tree/text.ts';

export const CTES_NUMERO = /^[A-Z0-9_]{1,15}$/;
export const CTES_OBJET_MAX = 499;

/** The description of an act in the manifest, for a transmission tool. */
export interface CtesAct extends CtesNature {
  readonly matiere: string;
  /** The act number (for a convention: the number of the délibération it is annexed to). */
  readonly numero: string;
  /** Date of the séance (date of the decision). */
  readonly date: string;
  readonly objet: string;
  /**
   * Files annexed to the délibération, as copied into the bundle: what goes with the act as its
   * pièces jointes (PDF, PNG or JPEG, names without spaces or accents).
   */
  readonly pieces_jointes?: {
    readonly nombre: number;
    readonly fichiers: readonly {
      readonly fichier: string;
      readonly titre: string;
      readonly format: string;
    }[];
  };
}

/** Problems that prevent transmitting the séance's acts through @ctes. */
export function ctesDiagnostics(seance: Seance, sources: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (pointer: string, code: Diagnostic['code'], message: string, hint: string) =>
    diagnostic(code, 'erreur', message, { ...locate(sources, pointer), path: pointer, hint });
  if (!seance.collectivite.siret) {
    out.push(
      at(
        '/collectivite',
        'ctes.siret',
        'Le SIRET de la collectivité est nécessaire pour @ctes.',
        'Ajoutez sous « collectivite: » la ligne siret: "…" (14 chiffres).',
      ),
    );
  }
  seance.points.forEach((point, i) => {
    // Only acts go to the préfecture: not a projet, nor a point withdrawn or adjourned.
    if (!point.deliberation || !isAct(point)) return;
    if (!point.matiere) {
      out.push(
        at(
          `/points/${i}`,
          'ctes.matiere',
          `La délibération ${point.deliberation.numero ?? `du point ${point.numero}`} n’a pas de matière : @ctes la demande.`,
          'Ajoutez au point matiere: { code: "7.5" } (classification des actes, niveau 1.niveau 2).',
        ),
      );
    }
    const numero = point.deliberation.numero;
    const ctesNumber = numero === undefined ? '' : ctesNumero({ ...point.deliberation, numero });
    if (numero === undefined && point.deliberation.numero_ctes === undefined) {
      out.push(
        at(
          `/points/${i}/deliberation`,
          'ctes.numero',
          `La délibération du point ${point.numero} n’a pas de numéro d’acte : @ctes le demande.`,
          'Ajoutez sous « deliberation » numero: "…" (ou numero_ctes : 1 à 15 caractères parmi A-Z, 0-9 et « _ »).',
        ),
      );
    } else if (!CTES_NUMERO.test(point.deliberation.numero_ctes ?? ctesNumber)) {
      out.push(
        at(
          `/points/${i}/deliberation/${point.deliberation.numero_ctes === undefined ? 'numero' : 'numero_ctes'}`,
          'ctes.numero',
          `Le numéro « ${point.deliberation.numero ?? point.deliberation.numero_ctes} » ne convient pas à @ctes (« ${point.deliberation.numero_ctes ?? ctesNumber} »).`,
          'Donnez numero_ctes : 1 à 15 caractères parmi A-Z, 0-9 et « _ ».',
        ),
      );
    }
    if (/[\r\n]/.test(point.objet) || point.objet.length > CTES_OBJET_MAX) {
      out.push(
        at(
          `/points/${i}/objet`,
          'ctes.objet',
          `L’objet du point ${point.numero} doit tenir sur une ligne de ${CTES_OBJET_MAX} caractères au plus pour @ctes.`,
          'Raccourcissez l’objet et retirez les retours à la ligne.',
        ),
      );
    }
  });
  return out;
}

function piecesJointes(point: Point): Pick<CtesAct, 'pieces_jointes'> {
  const fichiers = annexList(point).flatMap((a) =>
    a.file
      ? [{ fichier: a.file.bundleName, titre: `Annexe ${a.numero} : ${a.titre}`, format: a.file.format }]
      : [],
  );
  return fichiers.length > 0 ? { pieces_jointes: { nombre: fichiers.length, fichiers } } : {};
}

/**
 * The act number sent to @ctes: `numero_ctes` when given, else the printed number in capitals with
 * every run of other characters than A-Z and 0-9 as « _ » (« DL.2015-306 » → « DL_2015_306 »).
 */
export function ctesNumero(deliberation: { readonly numero: string; readonly numero_ctes?: string }): string {
  if (deliberation.numero_ctes !== undefined) return deliberation.numero_ctes;
  return deliberation.numero
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The @ctes description of a document, or undefined when it is not an act: a kind without a @ctes
 * nature (note, ordre du jour, projet), or a point not adopted.
 */
export function ctesAct(seance: Seance, ref: DocumentRef): CtesAct | undefined {
  const nature = kindSpec(ref.kind).ctes;
  const point = seance.points.find((p) => p.numero === ref.point);
  const deliberation = point?.deliberation;
  if (!nature || !point || !deliberation || !isAct(point)) return undefined;
  if (deliberation.numero === undefined && deliberation.numero_ctes === undefined) return undefined;
  const convention = ref.annex === null ? undefined : conventionAt(point, ref.annex);
  if (ref.annex !== null && !convention) return undefined;
  return {
    ...nature,
    matiere: point.matiere?.code ?? '',
    numero: ctesNumero({ ...deliberation, numero: deliberation.numero ?? '' }),
    date: pointDay(seance, point.numero).date,
    objet: oneLine(convention?.titre ?? point.objet).slice(0, CTES_OBJET_MAX),
    // The act carries its annexes given as files.
    ...(ref.kind === 'deliberation' ? piecesJointes(point) : {}),
  };
}
