// The published JSON Schema: generated from the TypeBox source, compiles in ajv strict mode, and
// accepts the valid fixtures as an editor would read them (raw YAML, `inclure` points unresolved).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seanceSchemaJson } from '../src/schema/json.ts';
import { createAjv } from '../src/validate/ajv-compile.ts';

const committed = readFileSync('schema/seance.schema.json', 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;

interface Node {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly additionalProperties?: boolean;
  readonly properties?: Record<string, Node>;
  readonly items?: Node;
  readonly anyOf?: readonly Node[];
}

function* walk(node: Node, path: string): Generator<[string, Node]> {
  yield [path, node];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* walk(child, `${path}/${key}`);
  if (node.items) yield* walk(node.items, `${path}[]`);
  for (const [i, branch] of (node.anyOf ?? []).entries()) yield* walk(branch, `${path}|${i}`);
}

describe('schema/seance.schema.json', () => {
  it('is the file `npm run schema` writes (regenerate it after changing src/schema/)', () => {
    expect(committed).toBe(seanceSchemaJson());
  });

  it('declares draft 2020-12 and an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema.$id)).toMatch(/^https:\/\//);
  });

  it('has a French title and description on every property and closes every object', () => {
    for (const [path, node] of walk(schema as Node, '')) {
      expect(node.title, path).toBeTruthy();
      expect(node.description, path).toBeTruthy();
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
    }
  });

  it('compiles in ajv strict mode and validates both valid fixtures', () => {
    const validate = createAjv().compile(schema);
    for (const file of ['fixtures/sceaux-2023-03-23.yaml', 'fixtures/conseil-2024-06-27.yaml']) {
      const data: unknown = parse(readFileSync(file, 'utf8'));
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects an unknown key and a number where a string is expected', () => {
    const validate = createAjv().compile(schema);
    const data = parse(readFileSync('fixtures/sceaux-2023-03-23.yaml', 'utf8')) as Record<string, unknown>;
    expect(validate({ ...data, annee: 2023 })).toBe(false);
    expect(
      validate({ ...data, collectivite: { ...(data.collectivite as object), siret: 21920071000016 } }),
    ).toBe(false);
  });
});
