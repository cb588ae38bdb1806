/**
 * The resources of a séance, like pandoc's MediaBag: every file the séance refers to (the logo,
 * the collectivité's fonts, the files annexed to points) is resolved once, inside the séance folder, checked and read with a
 * size limit (contained.ts) into one map, at loading time. Validation checks those bytes and
 * rendering draws them: nothing later reads a file the séance names, so the bytes validated are
 * the bytes hashed, attached and drawn.
 *
 * @example
 * const resources = loadResources(data, 'seance/seance.yaml');
 * resources.files.get('logo.png') // Uint8Array, or resources.problems.get('logo.png')
 */
import { dirname } from 'node:path';
import { type ContainedProblem, readContained } from './contained.ts';

/** Size limits of the files a séance refers to, in bytes. */
export const RESOURCE_LIMITS = {
  /** A letterhead logo weighs a few hundred kilobytes. */
  logo: 10 * 1024 * 1024,
  /** A TrueType face of a Latin font weighs well under 2 MB; CJK ones reach 20 MB. */
  font: 24 * 1024 * 1024,
  /** An annexed file: a scanned plan or a budget maquette weighs a few tens of megabytes. */
  annex: 64 * 1024 * 1024,
} as const;

export interface Resources {
  /** Bytes of each file the séance refers to, by the path written in the séance. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Why a file the séance refers to could not be read, by the path written in the séance. */
  readonly problems: ReadonlyMap<string, ContainedProblem>;
}

export const NO_RESOURCES: Resources = { files: new Map(), problems: new Map() };

export const FONT_FACES = ['normal', 'gras', 'italique', 'gras_italique'] as const;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The files `data` refers to, with the limit of each (whatever the schema will say of the rest). */
function references(data: unknown): { path: string; maxBytes: number }[] {
  const out: { path: string; maxBytes: number }[] = [];
  const collectivite = field(data, 'collectivite');
  const logo = field(collectivite, 'logo');
  if (typeof logo === 'string' && logo !== '') out.push({ path: logo, maxBytes: RESOURCE_LIMITS.logo });
  const polices = field(collectivite, 'polices');
  for (const face of FONT_FACES) {
    const path = field(polices, face);
    if (typeof path === 'string' && path !== '') out.push({ path, maxBytes: RESOURCE_LIMITS.font });
  }
  const points = field(data, 'points');
  for (const point of Array.isArray(points) ? points : []) {
    const annexes = field(point, 'annexes');
    for (const annexe of Array.isArray(annexes) ? annexes : []) {
      // A convention's own annexes are joined files too.
      const own = field(field(annexe, 'convention'), 'annexes');
      for (const file of [annexe, ...(Array.isArray(own) ? own : [])]) {
        const path = field(file, 'fichier');
        if (typeof path === 'string' && path !== '') out.push({ path, maxBytes: RESOURCE_LIMITS.annex });
      }
    }
  }
  return out;
}

/**
 * Reads every file `data` (a séance loaded from `seanceFile`, included points resolved in) refers
 * to, once. A path named twice is read once, with the larger of its limits.
 */
export function loadResources(data: unknown, seanceFile: string): Resources {
  const folder = dirname(seanceFile);
  const files = new Map<string, Uint8Array>();
  const problems = new Map<string, ContainedProblem>();
  const limits = new Map<string, number>();
  for (const { path, maxBytes } of references(data))
    limits.set(path, Math.max(maxBytes, limits.get(path) ?? 0));
  for (const [path, maxBytes] of limits) {
    const read = readContained(folder, path, { maxBytes });
    if ('bytes' in read) files.set(path, read.bytes);
    else problems.set(path, read.problem);
  }
  return { files, problems };
}
