/**
 * Metadata of each document (PDF info dictionary, DOCX core properties, footer's short title).
 *
 * @example
 * documentMeta(seance, ref).shortTitle // 'Note de présentation – point n° 1'
 */

import { pointDay } from '../facts/jours.ts';
import type { Seance } from '../schema/seance.ts';
import { dateLongue } from '../template/helpers/date-longue.ts';
import { oneLine } from '../tree/text.ts';
import type { DocumentMeta } from '../tree/types.ts';
import { conventionAt } from './annexes.ts';
import type { DocumentRef } from './documents.ts';
import { kindSpec } from './kinds.ts';

export function documentMeta(seance: Seance, ref: DocumentRef): DocumentMeta {
  const point = seance.points.find((p) => p.numero === ref.point);
  const subject = kindSpec(ref.kind).subject;
  const convention = conventionAt(point, ref.annex);
  const seanceWide = ref.point === null;
  const title = seanceWide
    ? `${subject} – ${seance.instance} du ${dateLongue(seance.seance.date)}`
    : oneLine(convention?.titre ?? point?.objet ?? subject);
  const shortTitle = seanceWide
    ? `${subject} – ${seance.instance}`
    : ref.kind === 'projet'
      ? // « PROJET » on every page's footer, in both formats: a projet is never mistaken for an act.
        `PROJET DE DÉLIBÉRATION – point n°\u00A0${ref.point}`
      : ref.kind === 'deliberation' && point?.deliberation?.numero
        ? `Délibération n°\u00A0${point.deliberation.numero}`
        : `${subject} – point n°\u00A0${ref.point}`;
  const keywords = [subject, seance.instance, seance.collectivite.nom, seance.seance.date];
  if (point?.matiere) keywords.push(`matière ${point.matiere.code}`);
  return {
    kind: ref.kind,
    title,
    shortTitle,
    subject,
    author: seance.collectivite.nom,
    keywords,
    language: 'fr-FR',
    // An act voted on a later day of the séance is dated that day.
    date: point ? pointDay(seance, point.numero).date : seance.seance.date,
  };
}
