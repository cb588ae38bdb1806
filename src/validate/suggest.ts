/**
 * « Vouliez-vous dire … ? »: the closest known word to a misspelt one.
 */

/** Levenshtein distance, case- and accent-insensitive. */
export function editDistance(a: string, b: string): number {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const x = fold(a);
  const y = fold(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo (distance ≤ 1/3 of the
 * length, at least 1, at most 3), or if one contains the other (`rapporteur_nom`).
 *
 * @example
 * closest('raporteur', ['objet', 'rapporteur']) // → 'rapporteur'
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  if (bestDistance <= limit) return best;
  const lower = word.toLowerCase();
  return candidates.find((c) => c.length >= 4 && (lower.includes(c) || c.includes(lower)));
}
