/**
 * Patterns of the schema that code uses too, in a file of their own: importing them does not load
 * TypeBox (the schema is compiled at build time; see src/validate/ajv.ts).
 */

/** Pattern of an élu's key (`elus[].cle`): lower-case letters, digits, « _ » and « - ». */
export const CLE_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
