/**
 * Generates benchmark séances of N points from the content of fixtures/conseil-2024-06-27.yaml:
 * varied lengths (one to four times the exposé's paragraphs), a convention every five points, a
 * table every ten, every point with its note and délibération.
 *
 * @example
 * writeFileSync('seance-100.yaml', generateSeance(100));
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

type Json = Record<string, unknown>;

const FIXTURE = new URL('../fixtures/conseil-2024-06-27.yaml', import.meta.url);
const INCLUDED = new URL('../fixtures/points/02-subventions.yaml', import.meta.url);

const clone = <T>(value: T): T => structuredClone(value);

/** The fixture's points with a délibération, the included one read in place. */
function templatePoints(root: Json): Json[] {
  const points = (root.points as Json[]).map((p) =>
    p.inclure ? (parse(readFileSync(INCLUDED, 'utf8')) as Json) : p,
  );
  return points.filter((p) => p.deliberation !== undefined);
}

const TABLE_PATTERN = /\n\n\|[^\n]*\|(\n\|[^\n]*\|)+/;

/** Paragraphs of an exposé without its table (the table is added back on every tenth point). */
function paragraphs(expose: string): string[] {
  return expose
    .replace(TABLE_PATTERN, '')
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A séance of `count` points, as YAML text.
 *
 * @example
 * generateSeance(10).includes('numero: 10') // true
 */
export function generateSeance(count: number): string {
  const root = parse(readFileSync(FIXTURE, 'utf8')) as Json;
  const templates = templatePoints(root);
  const table = TABLE_PATTERN.exec(readFileSync(INCLUDED, 'utf8').replace(/\n {4}/g, '\n'))?.[0] ?? '';
  const convention = templates.flatMap((p) => (p.annexes as Json[] | undefined) ?? [])[0];
  const pool = templates.flatMap((p) => paragraphs(String((p.note as Json).expose)));
  const points: Json[] = [];
  for (let i = 1; i <= count; i++) {
    const point = clone(templates[(i - 1) % templates.length]!);
    point.numero = i;
    point.objet = `${String(point.objet).replace(/\s+/g, ' ')} (point ${i})`;
    const note = point.note as Json;
    const own = paragraphs(String(note.expose));
    // Varied lengths: 1 to 4 rounds of paragraphs taken from the whole fixture.
    const extra = Array.from({ length: (i * 7) % 4 }, (_, k) => pool[(i + k) % pool.length]!);
    const body = [...own, ...extra];
    if (i % 10 === 0) body.splice(1, 0, table.trim());
    note.expose = `${body.join('\n\n')}\n`;
    const deliberation = point.deliberation as Json;
    deliberation.numero = `2024_06_${String(i).padStart(3, '0')}`;
    delete deliberation.transmission;
    delete point.annexes;
    if (i % 5 === 0 && convention) point.annexes = [clone(convention)];
    points.push(point);
  }
  return `# Séance générée pour le banc d’essai de delib (${count} points), depuis fixtures/conseil-2024-06-27.yaml.\n${stringify(
    { ...root, points },
    { lineWidth: 0 },
  )}`;
}
