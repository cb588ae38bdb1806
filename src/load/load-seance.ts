/**
 * Loads a séance file: reads, parses, and substitutes `{inclure: …}` points with the point held
 * by the referenced file. No validation beyond what is needed to read (see src/validate/).
 */
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { describeProblem, lexicallyInside, problemCode, readContained } from './contained.ts';
import { parseYaml } from './parse-yaml.ts';
import { DEFAULT_MAX_BYTES, decodeUtf8, readText } from './read-text.ts';
import { loadResources, NO_RESOURCES, type Resources } from './resources.ts';
import type { SourceDoc, SourceMap } from './source-map.ts';

export interface LoadOptions {
  /** Largest accepted file, in bytes (default 2 Mio). */
  readonly maxBytes?: number;
  /** Folder a relative séance path is read from (default: the process's working directory). */
  readonly cwd?: string;
}

export interface LoadResult {
  /** The séance data with included points resolved in; undefined if the file cannot be used. */
  readonly data: Record<string, unknown> | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Positions of every part of `data`; undefined when the séance file itself could not be parsed. */
  readonly sources: SourceMap | undefined;
  /** The bytes of the séance file as read (hashed into the manifest, attached to PDF/A files). */
  readonly bytes?: Uint8Array;
  /** Every file the séance refers to, read once (see resources.ts). */
  readonly resources: Resources;
}

interface Included {
  readonly source?: SourceDoc;
  readonly data?: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

async function loadInclusion(
  root: SourceDoc,
  folder: string,
  pair: Pair,
  target: string,
  options: LoadOptions,
): Promise<Included> {
  const place = { file: root.file, ...linePos(root, pair.value) };
  const absolute = lexicallyInside(folder, target);
  const shown = join(dirname(root.file), target);
  const outside = () =>
    diagnostic(
      'file.outside-folder',
      'erreur',
      `Le fichier inclus « ${target} » est hors du dossier de la séance.`,
      {
        ...place,
        hint: 'Placez le fichier du point dans le dossier de la séance (ou un sous-dossier) et donnez un chemin relatif sans « .. ».',
      },
    );
  if (absolute === undefined) return { diagnostics: [outside()] };
  // Resolved inside the folder before anything is read: a link that leads out is refused
  // without looking at what it points to (nothing about the outside file reaches a message).
  const contained = readContained(folder, target, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  if ('problem' in contained) {
    const problem = contained.problem;
    if (problem.kind === 'outside') return { diagnostics: [outside()] };
    const code = problemCode(problem);
    return {
      diagnostics: [
        diagnostic(code, 'erreur', `${describeProblem(`Le fichier inclus « ${target} »`, problem)}.`, {
          ...place,
          hint:
            problem.kind === 'missing'
              ? 'Le chemin est relatif au fichier de la séance ; vérifiez-le.'
              : 'Un point inclus est un fichier YAML de quelques kilo-octets, dans le dossier de la séance.',
        }),
      ],
    };
  }
  const read = decodeUtf8(contained.bytes, shown);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const parsed = parseYaml(read.text, shown);
  return { source: parsed.source, data: parsed.data, diagnostics: parsed.diagnostics };
}

function linePos(source: SourceDoc, node: unknown): { line: number; column: number } {
  const offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  const p = source.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Reads and parses a séance file and the point files it includes.
 *
 * @example
 * const { data, diagnostics, sources } = await loadSeance('fixtures/conseil-2024-06-27.yaml');
 */
export async function loadSeance(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  const folder = dirname(path);
  const read = await readText(path, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if ('diagnostic' in read) {
    return { data: undefined, diagnostics: [read.diagnostic], sources: undefined, resources: NO_RESOURCES };
  }
  const { bytes } = read;
  const parsed = parseYaml(read.text, file);
  const root = parsed.source;
  if (!parsed.data)
    return {
      data: undefined,
      diagnostics: parsed.diagnostics,
      sources: { root, folder, points: [], unresolvedPoints: [] },
      bytes,
      resources: NO_RESOURCES,
    };

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const rootMap = root.doc.contents;
  const pointsNode = isMap(rootMap) ? rootMap.get('points', true) : undefined;
  const points = parsed.data.points;
  const pointSources: (SourceDoc | undefined)[] = [];
  if (!isSeq(pointsNode) || !Array.isArray(points)) {
    return {
      data: parsed.data,
      diagnostics,
      sources: { root, folder, points: pointSources, unresolvedPoints: [] },
      bytes,
      resources: loadResources(parsed.data, path),
    };
  }
  const resolved: unknown[] = [];
  for (const [index, item] of pointsNode.items.entries()) {
    const value = points[index];
    const pair = isMap(item)
      ? item.items.find((p) => isScalar(p.key) && p.key.value === 'inclure')
      : undefined;
    if (!pair || !isMap(item)) {
      resolved.push(value);
      pointSources.push(undefined);
      continue;
    }
    for (const other of item.items) {
      if (other === pair) continue;
      const name = isScalar(other.key) ? String(other.key.value) : '?';
      diagnostics.push(
        diagnostic('schema.unknown-key', 'erreur', `Propriété « ${name} » à côté de « inclure ».`, {
          file: root.file,
          ...linePos(root, other.key),
          path: `/points/${index}`,
          hint: 'Un point inclus s’écrit seul : « - inclure: points/fichier.yaml » ; mettez le reste dans ce fichier.',
        }),
      );
    }
    const target = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof target !== 'string' || target.trim() === '') {
      diagnostics.push(
        diagnostic('schema.type', 'erreur', '« inclure » doit être le chemin d’un fichier YAML.', {
          file: root.file,
          ...linePos(root, pair.value ?? pair.key),
          path: `/points/${index}/inclure`,
          hint: 'Écrivez par exemple « inclure: points/02-budget.yaml ».',
        }),
      );
      resolved.push(undefined);
      pointSources.push(undefined);
      continue;
    }
    const included = await loadInclusion(root, folder, pair, target, options);
    diagnostics.push(...included.diagnostics);
    resolved.push(included.data);
    pointSources.push(included.source);
  }
  const unresolvedPoints = resolved.flatMap((p, i) => (p === undefined ? [i] : []));
  const data = { ...parsed.data, points: resolved.map((p) => p ?? null) };
  return {
    data,
    diagnostics,
    sources: { root, folder, points: pointSources, unresolvedPoints },
    bytes,
    // With the included points: their annexes are resources too.
    resources: loadResources(data, path),
  };
}
