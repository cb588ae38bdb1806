/**
 * Ajv itself, for what is not precompiled: the schema tests, the build step that writes the
 * standalone validator (bin/build-dist.js), and a development checkout, where that validator is
 * compiled at the first use instead.
 */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { EDITOR_KEYWORDS } from '../schema/editor.ts';
import { type Seance, SeanceSchema } from '../schema/seance.ts';

/** Options of every Ajv of delib: strict, all errors, verbose so that errors carry their schema. */
const OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

/**
 * A fresh strict Ajv 2020 instance with formats, as used by delib and by the schema tests.
 *
 * @example
 * const validate = createAjv().compile(JSON.parse(schemaText));
 */
export function createAjv(standalone = false): Ajv2020 {
  const ajv = new Ajv2020(standalone ? { ...OPTIONS, code: { source: true, esm: true } } : OPTIONS);
  addFormats(ajv, ['date']);
  // yaml-language-server's annotations in the published schema: known to ajv, never validated.
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv;
}

/** The resolved view of a séance has no $id: it is an internal variant of the published format. */
export function compileSeance(ajv: Ajv2020 = createAjv()): ValidateFunction<Seance> {
  return ajv.compile<Seance>(JSON.parse(JSON.stringify(SeanceSchema)));
}
