/**
 * Keeps only the relevant branch of each failed `anyOf`, so that a vote written `{pour: 12,
 * contre: 2}` reports « abstentions manquant » and not the errors of the unanimity branch.
 */
import type { ErrorObject } from 'ajv';

function under(error: ErrorObject, parent: ErrorObject): boolean {
  const schemaPrefix = `${parent.schemaPath}/`;
  const instanceOk =
    error.instancePath === parent.instancePath || error.instancePath.startsWith(`${parent.instancePath}/`);
  return instanceOk && error.schemaPath.startsWith(schemaPrefix);
}

function branchOf(error: ErrorObject, parent: ErrorObject): number {
  return Number(error.schemaPath.slice(parent.schemaPath.length + 1).split('/')[0]);
}

/**
 * Replaces every failed `anyOf` and its branch errors by the errors of the most plausible
 * branch: branches failing only on the type of the value itself are set aside; among the others
 * the one with the fewest errors wins, unknown keys counting most. If every branch fails on the type, one `type` error
 * listing the accepted types remains.
 *
 * @example
 * const errors = pruneAnyOf(validate.errors ?? []);
 */
export function pruneAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = [...errors];
  // Innermost first: deeper instance paths and longer schema paths.
  const anyOfs = result
    .filter((e) => e.keyword === 'anyOf')
    .sort(
      (a, b) => b.schemaPath.length - a.schemaPath.length || b.instancePath.length - a.instancePath.length,
    );
  for (const parent of anyOfs) {
    const children = result.filter((e) => e !== parent && under(e, parent));
    const branches = new Map<number, ErrorObject[]>();
    for (const child of children) {
      const index = branchOf(child, parent);
      branches.set(index, [...(branches.get(index) ?? []), child]);
    }
    const plausible = [...branches.values()].filter(
      (list) => !list.every((e) => e.keyword === 'type' && e.instancePath === parent.instancePath),
    );
    if (plausible.length === 0) {
      const types = [
        ...new Set([...branches.values()].flatMap((list) => list.map((e) => String(e.params.type)))),
      ];
      const merged: ErrorObject = {
        ...parent,
        keyword: 'type',
        params: { type: types.join(',') },
        message: `doit être de type ${types.join(' ou ')}`,
      };
      result = result.flatMap((e) => (e === parent ? [merged] : children.includes(e) ? [] : [e]));
    } else {
      // Unknown keys weigh most: a branch that knows the keys written is the one meant.
      const score = (list: readonly ErrorObject[]) =>
        list.length + 10 * list.filter((e) => e.keyword === 'additionalProperties').length;
      const kept = plausible.reduce((best, list) => (score(list) < score(best) ? list : best));
      result = result.filter((e) => e !== parent && (!children.includes(e) || kept.includes(e)));
    }
  }
  return result;
}
