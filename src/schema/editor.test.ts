import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../validate/ajv-compile.ts';
import { withEditorHints } from './editor.ts';
import { SeanceFileSchema } from './seance.ts';

type Node = { readonly [key: string]: unknown };

/** Every property schema of the published schema, with its name. */
function properties(node: unknown, out: [string, Node][] = []): [string, Node][] {
  if (typeof node !== 'object' || node === null) return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) out.push([name, child as Node]);
    }
    if (typeof value === 'object') properties(value, out);
  }
  return out;
}

describe('withEditorHints', () => {
  const published = withEditorHints(JSON.parse(JSON.stringify(SeanceFileSchema)));
  const all = properties(published);

  it('gives every documented property a French description with an example', () => {
    expect(all.length).toBeGreaterThan(50);
    for (const [name, node] of all) {
      if (typeof node.description !== 'string') continue;
      expect(node.markdownDescription, name).toContain(node.description);
      expect(node.markdownDescription, name).toContain(`Exemple :\n\n\`\`\`yaml\n${name}:`);
    }
  });

  it('shows for every value property an example that its own schema accepts', () => {
    // Lists and dictionaries show their shape with « … »; a value (text, number, boolean) must be
    // one a clerk can copy: the séance's `urgences: true` and the formula `urgences` (a text).
    const ajv = createAjv();
    const refused: string[] = [];
    let checked = 0;
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && typeof value === 'object' && value !== null) {
          for (const [name, child] of Object.entries(value as Record<string, Node>)) {
            const md = child.markdownDescription;
            const composite = child.type === 'object' || child.type === 'array' || 'anyOf' in child;
            if (typeof md === 'string' && !composite) {
              const yaml = /```yaml\n([\s\S]*)\n```/u.exec(md)?.[1] ?? '';
              const { $id: _id, ...own } = child;
              checked += 1;
              if (!ajv.validate(own, (parse(yaml) as Record<string, unknown>)[name])) {
                refused.push(`${path}.${name}: ${yaml}`);
              }
            }
          }
        }
        if (typeof value === 'object') walk(value, key === 'properties' ? path : `${path}/${key}`);
      }
    };
    walk(published, '');
    expect(checked).toBeGreaterThan(200);
    expect(refused).toEqual([]);
    const hint = (path: readonly string[]) =>
      String(
        path.reduce<Node>((n, k) => (n.properties as Record<string, Node>)[k] as Node, published)
          .markdownDescription,
      );
    expect(hint(['seance', 'urgences'])).toContain('```yaml\nurgences: true\n```');
    expect(hint(['seance', 'questions_diverses'])).toContain('```yaml\nquestions_diverses: true\n```');
    expect(hint(['seance'])).toContain('urgences: true\n  questions_diverses: true');
    expect(hint(['collectivite', 'formules', 'urgences'])).toContain('urgences: "Affaires urgentes"');
  });

  it('gives every typed property a French error message, and every pattern its own', () => {
    for (const [name, node] of all) {
      if (node.type !== undefined) expect(node.errorMessage, name).toMatch(new RegExp(`« ${name} »`));
      if (node.pattern !== undefined)
        expect(node.patternErrorMessage, name).toContain('n’a pas le format attendu');
    }
  });

  it('adds snippets for a point, a vote and a convention party', () => {
    const text = JSON.stringify(published);
    for (const label of [
      'Point de l’ordre du jour',
      'Vote : décompte',
      'Vote : unanimité',
      'Partie à la convention',
    ]) {
      expect(text).toContain(`"label":"${label}"`);
    }
  });

  it('leaves the validation keywords untouched', () => {
    const strip = (n: unknown): unknown =>
      typeof n !== 'object' || n === null
        ? n
        : Array.isArray(n)
          ? n.map(strip)
          : Object.fromEntries(
              Object.entries(n)
                .filter(
                  ([k]) =>
                    ![
                      'markdownDescription',
                      'errorMessage',
                      'patternErrorMessage',
                      'defaultSnippets',
                    ].includes(k),
                )
                .map(([k, v]) => [k, strip(v)]),
            );
    expect(strip(published)).toEqual(JSON.parse(JSON.stringify(SeanceFileSchema)));
  });
});
