/**
 * The SCDL « Délibérations » open-data file (schema v2.1.5): one row per délibération, columns in
 * the order of the schema, every required column filled or a located diagnostic saying which YAML
 * field to add, every value checked against its column's pattern.
 *
 * @example
 * const { rows, diagnostics } = scdlRows([{ seance, sources }]);
 * if (diagnostics.length === 0) writeFileSync('deliberations.csv', toCsv([SCDL_COLUMNS, ...rows]));
 */

import { isAct } from '../compose/moment.ts';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { pointDay } from '../facts/jours.ts';
import { pointFacts } from '../facts/point.ts';
import { locate, type SourceMap } from '../load/source-map.ts';
import type { Seance } from '../schema/seance.ts';
import { attendance } from '../template/context.ts';
import { oneLine } from '../tree/text.ts';
import { matiereNom } from './matieres.ts';

/** Columns of SCDL « Délibérations » v2.1.5, in order. */
export const SCDL_COLUMNS = [
  'COLL_NOM',
  'COLL_SIRET',
  'DELIB_ID',
  'DELIB_DATE',
  'DELIB_MATIERE_CODE',
  'DELIB_MATIERE_NOM',
  'DELIB_OBJET',
  'BUDGET_ANNEE',
  'BUDGET_NOM',
  'PREF_ID',
  'PREF_DATE',
  'VOTE_EFFECTIF',
  'VOTE_REEL',
  'VOTE_POUR',
  'VOTE_CONTRE',
  'VOTE_ABSTENTION',
  'DELIB_URL',
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];

/** Required columns, and the pattern each column's value must match when not empty. */
export const SCDL_RULES: Readonly<
  Record<ScdlColumn, { readonly required: boolean; readonly pattern?: RegExp }>
> = {
  COLL_NOM: { required: true },
  COLL_SIRET: { required: true, pattern: /^\d{14}$/ },
  DELIB_ID: { required: true },
  DELIB_DATE: { required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ },
  DELIB_MATIERE_CODE: { required: true, pattern: /^\d\.\d{1,2}$/ },
  DELIB_MATIERE_NOM: { required: true, pattern: /^[^/]+\/[^/]+$/ },
  DELIB_OBJET: { required: true, pattern: /^[^\r\n]+$/ },
  BUDGET_ANNEE: { required: false, pattern: /^[0-9]{4}(\/[0-9]{4})?$/ },
  BUDGET_NOM: { required: false },
  PREF_ID: { required: false },
  PREF_DATE: { required: false, pattern: /^\d{4}-\d{2}-\d{2}$/ },
  VOTE_EFFECTIF: { required: false, pattern: /^\d+$/ },
  VOTE_REEL: { required: false, pattern: /^\d+$/ },
  VOTE_POUR: { required: false, pattern: /^\d+$/ },
  VOTE_CONTRE: { required: false, pattern: /^\d+$/ },
  VOTE_ABSTENTION: { required: false, pattern: /^\d+$/ },
  DELIB_URL: { required: false, pattern: /^https?:\/\/\S+$/ },
};

export interface ScdlSource {
  readonly seance: Seance;
  readonly sources: SourceMap;
}

/** Where to add a missing field, as the clerk writes it. */
const MISSING_HINTS: Partial<Record<ScdlColumn, { pointer: (i: number) => string; hint: string }>> = {
  COLL_SIRET: {
    pointer: () => '/collectivite',
    hint: 'Ajoutez le SIRET de la collectivité sous « collectivite: », par exemple siret: "21920071000016".',
  },
  DELIB_MATIERE_CODE: {
    pointer: (i) => `/points/${i}`,
    hint: 'Ajoutez la matière du point, par exemple matiere: { code: "7.5" } (classification @ctes).',
  },
  DELIB_MATIERE_NOM: {
    pointer: (i) => `/points/${i}/matiere`,
    hint: 'Ajoutez le libellé « niveau 1/niveau 2 », par exemple libelle: Finances locales/Subventions.',
  },
};

/** Rows of every délibération of the séances, in date order, with the problems found. */
export function scdlRows(seances: readonly ScdlSource[]): { rows: string[][]; diagnostics: Diagnostic[] } {
  const rows: string[][] = [];
  const diagnostics: Diagnostic[] = [];
  const ordered = [...seances].sort((a, b) => a.seance.seance.date.localeCompare(b.seance.seance.date));
  for (const { seance, sources } of ordered) {
    seance.points.forEach((point, i) => {
      const d = point.deliberation;
      // Open data lists voted délibérations: a projet has no row yet, an outcome without a vote none.
      if (!d?.vote || !isAct(point)) return;
      const facts = pointFacts(seance, point);
      if (facts.retire || !facts.vote) return;
      const presences = attendance(seance, facts.presences);
      // Unanimity counts every votant for: known only when the presences are stated.
      const votants = presences ? String(presences.votants) : '';
      const vote = facts.vote.unanimite
        ? { pour: votants, contre: '0', abstentions: '0' }
        : {
            pour: String(facts.vote.pour),
            contre: String(facts.vote.contre),
            abstentions: String(facts.vote.abstentions),
          };
      const code = point.matiere?.code ?? '';
      const values: Record<ScdlColumn, string> = {
        COLL_NOM: seance.collectivite.nom,
        COLL_SIRET: seance.collectivite.siret ?? '',
        DELIB_ID: d.numero ?? '',
        DELIB_DATE: pointDay(seance, point.numero).date,
        DELIB_MATIERE_CODE: code,
        DELIB_MATIERE_NOM: point.matiere?.libelle ?? (code ? (matiereNom(code) ?? '') : ''),
        DELIB_OBJET: oneLine(point.objet),
        BUDGET_ANNEE: '',
        BUDGET_NOM: '',
        PREF_ID: d.transmission?.identifiant ?? '',
        PREF_DATE: d.transmission?.prefecture ?? '',
        VOTE_EFFECTIF: String(seance.seance.membres_en_exercice),
        VOTE_REEL: votants,
        VOTE_POUR: vote.pour,
        VOTE_CONTRE: vote.contre,
        VOTE_ABSTENTION: vote.abstentions,
        DELIB_URL: '',
      };
      for (const column of SCDL_COLUMNS) {
        const value = values[column];
        const rule = SCDL_RULES[column];
        if (value === '' && rule.required) {
          // The SIRET is missing once per séance, not once per délibération.
          if (
            column === 'COLL_SIRET' &&
            diagnostics.some((x) => x.code === 'scdl.missing' && x.path === '/collectivite')
          )
            continue;
          // Without a matière code, its name cannot be looked up: one diagnostic is enough.
          if (column === 'DELIB_MATIERE_NOM' && code === '') continue;
          const where = MISSING_HINTS[column];
          const pointer = where?.pointer(i) ?? `/points/${i}/deliberation`;
          diagnostics.push(
            diagnostic(
              'scdl.missing',
              'erreur',
              `La colonne ${column} du SCDL est obligatoire et vide pour la délibération ${d.numero ?? `du point ${point.numero}`}.`,
              {
                ...locate(sources, pointer),
                path: pointer,
                hint: where?.hint ?? 'Complétez la délibération.',
              },
            ),
          );
        } else if (value !== '' && rule.pattern && !rule.pattern.test(value)) {
          const pointer = `/points/${i}/deliberation`;
          diagnostics.push(
            diagnostic(
              'scdl.pattern',
              'erreur',
              `La valeur « ${value} » ne convient pas à la colonne ${column} du SCDL.`,
              {
                ...locate(sources, pointer),
                path: pointer,
                hint: `Format attendu : ${rule.pattern.source}.`,
              },
            ),
          );
        }
      }
      rows.push(SCDL_COLUMNS.map((c) => values[c]));
    });
  }
  return { rows, diagnostics };
}
