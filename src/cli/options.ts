/**
 * Parsing of option values shared by commands (`--points 3,5-7`, `--formats pdf,docx`), and the
 * loading of the séance with its diagnostics reported the same way everywhere.
 *
 * @example
 * parsePoints('3,5-7') // Set {3, 5, 6, 7}
 */
import { resolve } from 'node:path';
import type { AnnexFile } from '../annex/inspect.ts';
import type { Format } from '../bundle/manifest.ts';
import { type Diagnostic, DiagnosticError, hasErrors } from '../diagnostics.ts';
import type { SourceMap } from '../load/source-map.ts';
import type { FontFiles } from '../render/font-files.ts';
import type { Seance } from '../schema/seance.ts';
import { loadAndValidate } from '../validate/validate.ts';
import { UsageError } from './command.ts';
import { type CliIo, useColour } from './io.ts';
import { formatReport, REPORTERS, type Reporter, relativeTo } from './reporters/reporter.ts';

export { REPORTERS, type Reporter } from './reporters/reporter.ts';

export function parseReporter(value: unknown): Reporter {
  const reporter = String(value ?? 'text');
  if (!REPORTERS.includes(reporter as Reporter)) {
    throw new UsageError(
      `Format de rapport inconnu « ${reporter} » : choisissez text, json, github ou gitlab.`,
    );
  }
  return reporter as Reporter;
}

/** Largest point number and number of points `--points` takes (a séance has tens of points). */
const MAX_POINT_NUMBER = 100_000;
const MAX_POINTS = 10_000;

/** `3,5-7` → {3, 5, 6, 7}. */
export function parsePoints(value: string): Set<number> {
  const out = new Set<number>();
  for (const part of value.split(',').map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) {
      throw new UsageError(`Liste de points incorrecte « ${value} » : écrivez par exemple --points 3,5-7.`);
    }
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    // 99999999999999999999 is no point number, and n++ would never pass it (float precision).
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to > MAX_POINT_NUMBER) {
      throw new UsageError(`Numéro de point trop grand dans « ${part} » : au plus ${MAX_POINT_NUMBER}.`);
    }
    if (to < from || to - from > 10_000) throw new UsageError(`Intervalle de points incorrect « ${part} ».`);
    for (let n = from; n <= to; n++) out.add(n);
    if (out.size > MAX_POINTS) throw new UsageError(`Trop de points demandés dans « ${value} ».`);
  }
  return out;
}

export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export function parseFormats(value: string): Format[] {
  const list = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  const unknown = list.filter((f) => !FORMATS.includes(f as Format));
  if (list.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `Format inconnu « ${unknown.join(', ') || value} » : choisissez pdf, docx ou pdf,docx.`,
    );
  }
  return FORMATS.filter((f) => list.includes(f));
}

/** Prints diagnostics with the chosen reporter (on stderr, so stdout stays for results). */
export function reportDiagnostics(
  io: CliIo,
  reporter: Reporter,
  file: string,
  all: readonly Diagnostic[],
  sources: ReadonlyMap<string, string> = new Map(),
): void {
  const diagnostics = relativeTo(io.cwd, all);
  if (diagnostics.length === 0) return;
  io.stderr(formatReport(reporter, [file], diagnostics, { colour: useColour(io), sources }));
}

export interface LoadedSeance {
  readonly seance: Seance;
  readonly bytes: Uint8Array;
  /** Logo bytes by the path written in the séance. */
  readonly assets: ReadonlyMap<string, Uint8Array>;
  readonly warnings: readonly Diagnostic[];
  readonly texts: ReadonlyMap<string, string>;
  readonly sources: SourceMap;
  /** The collectivité's own fonts, as absolute paths, when the séance names them. */
  readonly fonts?: FontFiles;
  /** Files annexed to points, read and checked, by the path written in the séance. */
  readonly annexes: ReadonlyMap<string, AnnexFile>;
}

/**
 * Loads and validates a séance for a command that renders it; throws DiagnosticError (exit 1)
 * with every problem when it is not valid.
 */
export async function loadForRendering(file: string, cwd: string): Promise<LoadedSeance> {
  const result = await loadAndValidate(file, { cwd });
  const texts = new Map<string, string>();
  if (result.sources) {
    texts.set(result.sources.root.file, result.sources.root.text);
    for (const point of result.sources.points) if (point) texts.set(point.file, point.text);
  }
  if (!result.seance || !result.sources || hasErrors(result.diagnostics)) {
    throw new DiagnosticError(result.diagnostics, texts);
  }
  // Everything comes from what loading read and validation checked: nothing is read again.
  const { resources } = result;
  const assets = new Map<string, Uint8Array>();
  const logo = result.seance.collectivite.logo;
  const logoBytes = logo === undefined ? undefined : resources.files.get(logo);
  if (logo !== undefined && logoBytes) assets.set(logo, logoBytes);
  const polices = result.seance.collectivite.polices;
  const folder = result.sources.folder;
  const face = (path: string) => resources.files.get(path) ?? new Uint8Array();
  const fonts: FontFiles | undefined = polices && {
    family: polices.nom,
    regular: resolve(folder, polices.normal),
    bold: resolve(folder, polices.gras),
    italic: resolve(folder, polices.italique),
    boldItalic: resolve(folder, polices.gras_italique),
    data: {
      regular: face(polices.normal),
      bold: face(polices.gras),
      italic: face(polices.italique),
      boldItalic: face(polices.gras_italique),
    },
  };
  const bytes = result.bytes ?? new Uint8Array();
  return {
    ...(fonts ? { fonts } : {}),
    seance: result.seance,
    bytes,
    assets,
    warnings: result.diagnostics,
    texts,
    sources: result.sources,
    annexes: result.annexes ?? new Map(),
  };
}
