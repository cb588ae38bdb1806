/**
 * Referenced files (the logo): inside the séance folder, regular files, PNG or JPEG images that
 * the renderers can draw. The bytes come from the resources read at loading (load/resources.ts):
 * this rule reads nothing.
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { type ContainedProblem, describeProblem, problemCode } from '../../load/contained.ts';
import { at, type Rule, type RuleContext } from './context.ts';
import { imageInfo } from './image-header.ts';

/**
 * The diagnostic of a referenced file that could not be read, placed on its path in the séance.
 *
 * @example
 * resourceProblem(context, '/collectivite/logo', 'Le logo « logo.png »', { kind: 'outside' }, '…')
 */
export function resourceProblem(
  context: RuleContext,
  pointer: string,
  subject: string,
  problem: ContainedProblem,
  hint: string,
): Diagnostic {
  const code = problemCode(problem, 'rule.file-missing');
  const fix =
    problem.kind === 'outside'
      ? 'Copiez le fichier lui-même dans le dossier de la séance et donnez un chemin relatif sans « .. ».'
      : hint;
  return at(context, pointer, code, 'erreur', `${describeProblem(subject, problem)}.`, fix);
}

/** Checks `collectivite.logo`. */
export const filesRule: Rule = (context) => {
  const logo = context.collectivite?.logo;
  if (logo === undefined) return [];
  const pointer = '/collectivite/logo';
  const problem = context.resources.problems.get(logo);
  if (problem) {
    return [
      resourceProblem(
        context,
        pointer,
        `Le logo « ${logo} »`,
        problem,
        'Le chemin est relatif au fichier de la séance : vérifiez le nom et l’emplacement de l’image.',
      ),
    ];
  }
  const bytes = context.resources.files.get(logo);
  if (!bytes) return [];
  const info = imageInfo(bytes);
  if (!('problem' in info)) return [];
  return [
    at(
      context,
      pointer,
      'rule.image',
      'erreur',
      `Le logo « ${logo} » n’est pas une image PNG ou JPEG utilisable : ${info.problem}.`,
      'Exportez le logo en PNG (de préférence) ou en JPEG, en quelques centaines de pixels de large.',
    ),
  ];
};
