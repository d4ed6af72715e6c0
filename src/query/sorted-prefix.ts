/**
 * The first `count` items of `items` in stable `compare` order, without sorting the rest: a page
 * of 50 out of 70,000 records costs a pass plus a few insertions, not n log n.
 */
export function sortedPrefix<T>(
  items: readonly T[],
  count: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (count <= 0) return [];
  // A large prefix gains nothing over the engine's (stable) sort.
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1] as T) >= 0) continue;
    // After every equal item already kept: ties keep input order, as a stable sort would.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle] as T) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
