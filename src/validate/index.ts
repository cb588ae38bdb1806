/**
 * Validation of a séance: schema and business rules, as located French diagnostics.
 *
 * @example
 * import { loadAndValidate } from './validate/index.ts';
 * const { seance, diagnostics } = await loadAndValidate('seance.yaml');
 */
export { schemaErrors, seanceValidator } from './ajv.ts';
export { createAjv } from './ajv-compile.ts';
export { RULES } from './rules/index.ts';
export { schemaDiagnostics } from './schema-errors.ts';
export { closest, editDistance } from './suggest.ts';
export { type LoadValidationResult, loadAndValidate, type ValidationResult, validate } from './validate.ts';
