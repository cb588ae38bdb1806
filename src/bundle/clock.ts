/**
 * The date stamped in documents: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when set, else the current time. Injected into renderers, never read by them.
 *
 * @example
 * buildDate({ SOURCE_DATE_EPOCH: '1679529600' }) // 2023-03-23T00:00:00.000Z
 */
import { DiagnosticError, diagnostic } from '../diagnostics.ts';

export function buildDate(
  env: Readonly<Record<string, string | undefined>>,
  now: () => Date = () => new Date(),
): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return now();
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new DiagnosticError([
      diagnostic('cli.usage', 'erreur', `SOURCE_DATE_EPOCH n’est pas un nombre de secondes : « ${raw} ».`, {
        hint: 'Exemple : SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)',
      }),
    ]);
  }
  return new Date(Number(raw.trim()) * 1000);
}
