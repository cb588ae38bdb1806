/**
 * The ajv validator of a resolved séance, compiled once per process (strict mode, all errors,
 * formats, verbose so that errors carry their schema for titles and allowed keys).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import localizeFr from 'ajv-i18n/localize/fr/index.js';
import { EDITOR_KEYWORDS } from '../schema/editor.ts';
import { type Seance, SeanceSchema } from '../schema/seance.ts';

/**
 * A fresh strict Ajv 2020 instance with formats, as used by delib and by the schema tests.
 *
 * @example
 * const validate = createAjv().compile(JSON.parse(schemaText));
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv, ['date']);
  // yaml-language-server's annotations in the published schema: known to ajv, never validated.
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv;
}

let compiled: ValidateFunction<Seance> | undefined;

/** The compiled validator of a resolved séance (`SeanceSchema`). */
export function seanceValidator(): ValidateFunction<Seance> {
  if (!compiled) {
    // The resolved view has no $id: it is an internal variant of the published format.
    compiled = createAjv().compile<Seance>(JSON.parse(JSON.stringify(SeanceSchema)));
  }
  return compiled;
}

/** Runs the validator and returns its errors with French messages (ajv-i18n). */
export function schemaErrors(data: unknown): readonly ErrorObject[] {
  const validate = seanceValidator();
  if (validate(data)) return [];
  const errors = [...(validate.errors ?? [])];
  localizeFr(errors);
  return errors;
}
