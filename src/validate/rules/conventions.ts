/**
 * Conventions: at least two parties, each with a named signatory (and a qualité that is not blank when stated).
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** Checks parties and signatories of every annexed convention. */
export const conventionRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const { index, point } of context.points) {
    (point.annexes ?? []).forEach((annexe, j) => {
      if (!('convention' in annexe)) return;
      const base = `/points/${index}/annexes/${j}/convention`;
      const parties = annexe.convention.parties;
      if (parties.length < 2) {
        out.push(
          at(
            context,
            `${base}/parties`,
            'rule.convention-parties',
            'erreur',
            `La convention « ${annexe.convention.titre.slice(0, 60)} » n’a que ${parties.length} partie(s).`,
            'Une convention lie au moins deux parties : ajoutez chacune sous « parties ».',
          ),
        );
      }
      parties.forEach((partie, k) => {
        for (const key of ['representant', 'qualite'] as const) {
          if (partie[key]?.trim() === '') {
            out.push(
              at(
                context,
                `${base}/parties/${k}/${key}`,
                'rule.signatory',
                'erreur',
                `Le signataire de « ${partie.nom} » n’a pas de ${key === 'representant' ? 'nom' : 'qualité'}.`,
                'Chaque partie signe par son représentant : indiquez son nom et sa qualité (« Maire »).',
              ),
            );
          }
        }
      });
    });
  }
  return out;
};
