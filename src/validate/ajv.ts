/**
 * The ajv validator of a resolved séance. The compiled package ships it as standalone code,
 * generated at build time (dist/validate/seance-validator.js, see bin/build-dist.js): no schema
 * to compile, no ajv or TypeBox to load at start. From the sources it is compiled once per process.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr/index.js';
import type { Seance } from '../schema/seance.ts';

/** Written beside the compiled ajv.js by the build; absent from the sources. */
const STANDALONE = new URL('./seance-validator.js', import.meta.url);

async function load(): Promise<ValidateFunction<Seance>> {
  if (import.meta.url.endsWith('.js')) {
    try {
      return ((await import(STANDALONE.href)) as { default: ValidateFunction<Seance> }).default;
    } catch {
      // A dist/ built without it: compile as the sources do.
    }
  }
  return (await import('./ajv-compile.ts')).compileSeance();
}

const compiled = await load();

/** The compiled validator of a resolved séance (`SeanceSchema`). */
export function seanceValidator(): ValidateFunction<Seance> {
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
