/**
 * A map kept per font face and shared by every document of the thread (faces are parsed once per
 * process: fonts.ts), so that what one document computed for a face serves the next.
 *
 * @example
 * const widths = faceCache<object, string, number>(200_000);
 * widths(face).set('Conseil', 3120);
 */
export function faceCache<F extends object, K, V>(
  /** Entries a face's map may hold; past it the map starts over. */
  limit = Number.POSITIVE_INFINITY,
): (face: F) => Map<K, V> {
  const caches = new WeakMap<F, Map<K, V>>();
  return (face) => {
    let cache = caches.get(face);
    if (!cache || cache.size > limit) {
      cache = new Map();
      caches.set(face, cache);
    }
    return cache;
  };
}
