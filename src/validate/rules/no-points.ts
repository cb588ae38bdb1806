/**
 * A séance without any point (`points: []`): allowed — a séance of installation whose procès-verbal
 * holds only its parts, a convocation sent before the points are known — but said, since the
 * documents made of points are then not made: the ordre du jour (unless it announces affaires
 * urgentes or questions diverses), the liste des délibérations, the points' own documents, and
 * the convocation announces no ordre du jour.
 */
import { resolveFormules } from '../../facts/formules.ts';
import { announcedClosings } from '../../facts/seance.ts';
import { at, type Rule } from './context.ts';

/** Warns at `points: []`. */
export const noPointsRule: Rule = (context) => {
  if (context.pointsWritten !== 0) return [];
  // Only the entries printed: a formula emptied by the collectivité removes its entry.
  const closing =
    context.seance !== undefined &&
    announcedClosings(context.seance, resolveFormules(context.collectivite?.formules, context.seance.date)) >
      0;
  return [
    at(
      context,
      '/points',
      'rule.no-points',
      'avertissement',
      closing
        ? 'La séance n’a aucun point : ni liste des délibérations ni documents de point ; l’ordre du jour ne donne que ses dernières entrées (affaires urgentes, questions diverses).'
        : 'La séance n’a aucun point : ni ordre du jour ni liste des délibérations ni documents de point ; la convocation n’annonce pas d’ordre du jour.',
      'Ajoutez les points quand ils sont connus ; une séance sans point (installation du conseil) garde son procès-verbal et ses parties (« deroulement.parties »).',
    ),
  ];
};
