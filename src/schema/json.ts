/**
 * The JSON text of the published schema, as written to `schema/seance.schema.json`.
 */
import { withEditorHints } from './editor.ts';
import { SeanceFileSchema } from './seance.ts';

/**
 * Returns the séance file schema as plain JSON (TypeBox's symbol keys dropped) with its editor
 * annotations, `$schema` and `$id` first, with a trailing newline.
 *
 * @example
 * writeFileSync('schema/seance.schema.json', seanceSchemaJson());
 */
export function seanceSchemaJson(): string {
  const { $schema, $id, ...rest } = withEditorHints(JSON.parse(JSON.stringify(SeanceFileSchema))) as Record<
    string,
    unknown
  >;
  return `${JSON.stringify({ $schema, $id, ...rest }, null, 2)}\n`;
}
