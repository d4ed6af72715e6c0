/**
 * How many levels {@link diffValues} names in a path. Below that, a difference is reported at the
 * path of this level (the values there differ somewhere inside). Records are at most 64 levels
 * deep once validated; this bound is for values that were never validated.
 */
export const MAX_DIFF_PATH_DEPTH = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys or indices both sides have, in the order the recursive diff visited them. */
function childKeys(a: unknown, b: unknown): (string | number)[] | null {
  if (Array.isArray(a) && Array.isArray(b))
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i);
  if (isPlainObject(a) && isPlainObject(b))
    return [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return null;
}

const child = (value: unknown, key: string | number): unknown =>
  (value as Record<string | number, unknown>)[key];

/**
 * Whether `a` and `b` hold the same JSON-like content, however deep, without recursion; a pair
 * of objects already being compared counts as equal, so circular values end.
 */
export function deepEqualValues(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  const seen = new Map<object, Set<object>>();
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [x, y] = pair;
    if (Object.is(x, y)) continue;
    const keys = childKeys(x, y);
    if (keys === null) return false;
    const left = x as object;
    const right = y as object;
    const partners = seen.get(left) ?? new Set<object>();
    if (partners.has(right)) continue;
    partners.add(right);
    seen.set(left, partners);
    for (const key of keys) pending.push([child(x, key), child(y, key)]);
  }
  return true;
}

/**
 * The dotted paths where `a` and `b` differ (leaves, or whole values where the types differ),
 * in the order a depth-first walk meets them: `['description', 'config.download.0.sha256sum']`.
 * Iterative and depth-bounded: a value nested 100,000 levels deep (or a circular one) is compared
 * without overflowing the stack, and reported at {@link MAX_DIFF_PATH_DEPTH} levels at most. With
 * `onlyShared`, a field present on one side only is not reported.
 *
 * @example
 * ```ts
 * diffValues({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } }); // ['b.c.1']
 * diffValues(1, 2); // ['(record)']
 * ```
 */
export function diffValues(a: unknown, b: unknown, onlyShared = false): string[] {
  const out: string[] = [];
  // Frames are popped last-in first-out: children are pushed in reverse to keep their order.
  const pending: { a: unknown; b: unknown; path: string; depth: number }[] = [
    { a, b, path: '', depth: 0 },
  ];
  for (let frame = pending.pop(); frame; frame = pending.pop()) {
    if (Object.is(frame.a, frame.b)) continue;
    const keys = childKeys(frame.a, frame.b);
    if (keys === null) {
      // Across kinds of origin, a field one side cannot carry is not a difference.
      if (!(onlyShared && (frame.a === undefined || frame.b === undefined)))
        out.push(frame.path || '(record)');
      continue;
    }
    if (frame.depth >= MAX_DIFF_PATH_DEPTH) {
      if (!deepEqualValues(frame.a, frame.b)) out.push(frame.path || '(record)');
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string | number;
      pending.push({
        a: child(frame.a, key),
        b: child(frame.b, key),
        path: frame.path ? `${frame.path}.${key}` : String(key),
        depth: frame.depth + 1,
      });
    }
  }
  return out;
}
