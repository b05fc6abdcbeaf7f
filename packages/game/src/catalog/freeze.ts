/** Freezes a plain JSON-like value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Builds a frozen lookup map; a duplicate key means the data files are corrupt. */
export function indexBy<K, V>(
  items: readonly V[],
  keyOf: (item: V) => K,
  what: string,
): ReadonlyMap<K, V> {
  const map = new Map<K, V>();
  for (const item of items) {
    const key = keyOf(item);
    if (map.has(key)) throw new Error(`Duplicate ${what} ${String(key)} in game data`);
    map.set(key, item);
  }
  return map;
}
