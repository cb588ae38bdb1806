/**
 * The published schema as committed in `schema/seance.schema.json` (written by `npm run schema`
 * from src/schema/seance.ts; test/schema.test.ts checks they agree): read from the file, so that
 * `delib schema` and `delib init` do not load TypeBox.
 */
import { readFileSync } from 'node:fs';

const FILE = new URL('../../schema/seance.schema.json', import.meta.url);

/**
 * @example
 * io.stdout(publishedSchemaJson());
 */
export function publishedSchemaJson(): string {
  return readFileSync(FILE, 'utf8');
}
