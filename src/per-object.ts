/**
 * A map kept per object and dropped with it: what is computed once for a font face (shared by
 * every document of the thread, faces being parsed once per process: render/fonts.ts), for a
 * séance (shared by all its documents) or for the formulas a collectivité wrote.
 *
 * @example
 * const widths = perObject<object, string, number>(200_000);
 * widths(face).set('Conseil', 3120);
 */
export function perObject<O extends object, K, V>(
  /** Entries an object's map may hold; past it the map starts over. */
  limit = Number.POSITIVE_INFINITY,
): (owner: O) => Map<K, V> {
  const maps = new WeakMap<O, Map<K, V>>();
  return (owner) => {
    let map = maps.get(owner);
    if (!map || map.size > limit) {
      map = new Map();
      maps.set(owner, map);
    }
    return map;
  };
}
