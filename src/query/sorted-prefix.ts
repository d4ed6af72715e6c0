/**
 * The first `count` items of `items` in stable order of their keys, without sorting the rest: a
 * page of 50 out of 70,000 records costs one pass (one key read and mostly one comparison per
 * item) plus a few insertions, not n log n. Each key is read once, and only the kept items are
 * paired with theirs, so a large catalogue allocates nothing per record.
 */
export function sortedPrefix<T, K>(
  items: readonly T[],
  count: number,
  keyOf: (item: T, index: number) => K,
  compare: (a: K, b: K) => number,
): T[] {
  if (count <= 0) return [];
  // A large prefix gains nothing over the engine's (stable) sort.
  if (count * 8 >= items.length)
    return items
      .map((item, index) => ({ item, key: keyOf(item, index) }))
      .sort((a, b) => compare(a.key, b.key))
      .slice(0, count)
      .map((entry) => entry.item);
  const keys: K[] = [];
  const kept: T[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as T;
    const key = keyOf(item, index);
    if (kept.length === count && compare(key, keys[count - 1] as K) >= 0) continue;
    // After every equal item already kept: ties keep input order, as a stable sort would.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(key, keys[middle] as K) < 0) high = middle;
      else low = middle + 1;
    }
    keys.splice(low, 0, key);
    kept.splice(low, 0, item);
    if (kept.length > count) {
      keys.pop();
      kept.pop();
    }
  }
  return kept;
}
