/**
 * Validation of a loaded séance: JSON Schema, then business rules on the parts that passed it.
 */
import type { ErrorObject } from 'ajv';
import { type AnnexFile, inspectAnnexes } from '../annex/inspect.ts';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.ts';
import { type LoadOptions, loadSeance } from '../load/load-seance.ts';
import { NO_RESOURCES, type Resources } from '../load/resources.ts';
import type { SourceMap } from '../load/source-map.ts';
import type { Collectivite, DeroulementSeance, Elu, Point, Seance, SeanceDetails } from '../schema/seance.ts';
import { schemaErrors } from './ajv.ts';
import { RULES, type RuleContext } from './rules/index.ts';
import { schemaDiagnostics } from './schema-errors.ts';

export interface ValidationResult {
  /** The typed séance, present only when there is no error (warnings allowed). */
  readonly seance: Seance | undefined;
  /** Every problem found, sorted by file, line, column. */
  readonly diagnostics: readonly Diagnostic[];
}

function isClean(errors: readonly ErrorObject[], pointer: string): boolean {
  return !errors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ruleContext(
  data: Record<string, unknown>,
  errors: readonly ErrorObject[],
  sources: SourceMap,
  resources: Resources,
): RuleContext {
  const section = <T>(key: string): T | undefined =>
    isObject(data[key]) && isClean(errors, `/${key}`) ? (data[key] as T) : undefined;
  const points = Array.isArray(data.points) ? data.points : [];
  return {
    collectivite: section<Collectivite>('collectivite'),
    seance: section<SeanceDetails>('seance'),
    deroulement: section<DeroulementSeance>('deroulement'),
    elus: Array.isArray(data.elus) && isClean(errors, '/elus') ? (data.elus as Elu[]) : undefined,
    instance: typeof data.instance === 'string' && isClean(errors, '/instance') ? data.instance : undefined,
    points: points.flatMap((point: unknown, index) =>
      isObject(point) && isClean(errors, `/points/${index}`) ? [{ index, point: point as Point }] : [],
    ),
    pointsWritten: Array.isArray(data.points) ? data.points.length : undefined,
    sources,
    resources,
  };
}

/**
 * Validates loaded séance data (see `loadSeance`) against the schema and the business rules;
 * referenced files are checked in `resources` (what `loadSeance` read), never read again.
 *
 * @example
 * const loaded = await loadSeance('seance.yaml');
 * if (loaded.data && loaded.sources) {
 *   const { seance, diagnostics } = validate(loaded.data, loaded.sources, loaded.resources);
 * }
 */
export function validate(
  data: Record<string, unknown>,
  sources: SourceMap,
  resources: Resources = NO_RESOURCES,
): ValidationResult {
  const errors = schemaErrors(data);
  const diagnostics = [...schemaDiagnostics(errors, sources)];
  const context = ruleContext(data, errors, sources, resources);
  for (const rule of RULES) diagnostics.push(...rule(context));
  const sorted = sortDiagnostics(diagnostics);
  const valid = errors.length === 0 && sources.unresolvedPoints.length === 0 && !hasErrors(sorted);
  return { seance: valid ? (data as Seance) : undefined, diagnostics: sorted };
}

/**
 * Loads and validates a séance file; the typed séance (included points resolved in) is returned
 * only when no error was found.
 *
 * @example
 * const { seance, diagnostics } = await loadAndValidate('fixtures/sceaux-2023-03-23.yaml');
 * if (!seance) throw new DiagnosticError(diagnostics);
 */
export async function loadAndValidate(
  file: string,
  options: LoadOptions = {},
): Promise<LoadValidationResult> {
  const loaded = await loadSeance(file, options);
  const read = { resources: loaded.resources, ...(loaded.bytes ? { bytes: loaded.bytes } : {}) };
  if (!loaded.data || !loaded.sources) {
    return {
      seance: undefined,
      diagnostics: sortDiagnostics(loaded.diagnostics),
      sources: loaded.sources,
      ...read,
    };
  }
  const result = validate(loaded.data, loaded.sources, loaded.resources);
  const valid = hasErrors(loaded.diagnostics) ? undefined : result.seance;
  // Annexed files are read and checked only once the séance itself is valid.
  const annexes = valid ? await inspectAnnexes(valid, loaded.sources, loaded.resources) : undefined;
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics, ...(annexes?.diagnostics ?? [])];
  return {
    seance: annexes && annexes.diagnostics.length > 0 ? undefined : valid,
    diagnostics: sortDiagnostics(diagnostics),
    sources: loaded.sources,
    ...read,
    ...(annexes ? { annexes: annexes.files } : {}),
  };
}

/** What `loadAndValidate` returns: the validation result and where the data came from. */
export interface LoadValidationResult extends ValidationResult {
  /** Parsed files (texts for excerpts, positions); undefined if the séance file could not be read. */
  readonly sources: SourceMap | undefined;
  /** The séance file's bytes, as read and validated. */
  readonly bytes?: Uint8Array;
  /** The files the séance refers to, as read and validated. */
  readonly resources: Resources;
  /** The files annexed to points, read and checked (when the séance is valid). */
  readonly annexes?: ReadonlyMap<string, AnnexFile>;
}
