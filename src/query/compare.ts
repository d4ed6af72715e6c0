import { deepEqualValues } from '../records/diff-values.js';

// Value order exactly as Python's `<` orders what the server sorts: numbers and booleans
// numerically, strings by code point, lists lexicographically.

/** Maps a UTF-16 code unit so that unit order equals code-point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * Compares strings by Unicode code point, like Python. JS `<` compares UTF-16 units, which puts
 * astral characters (emoji) before U+E000–U+FFFF; this does not.
 */
export function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const TYPE_RANK: Readonly<Record<string, number>> = { boolean: 0, number: 0, string: 1, object: 2 };
const MAX_LIST_DEPTH = 64;

// Set while search checks a sort (`strictly`): called where Python's `<` would raise instead of
// ordering: values of different kinds, two different objects, `None` against a value inside lists.
let incomparable: ((a: unknown, b: unknown) => void) | undefined;

/**
 * Sorts `keys` (a copy) as the server would, calling `onIncomparable` where Python would raise.
 * Equal objects (whatever their key order) compare fine, as in Python; different ones do not.
 */
export function sortStrictly(
  keys: readonly unknown[],
  onIncomparable: (a: unknown, b: unknown) => void,
): void {
  incomparable = onIncomparable;
  try {
    [...keys].sort(compareNullable);
  } finally {
    incomparable = undefined;
  }
}

/**
 * Orders two non-null values. Values of different types (which Python refuses to compare) are
 * ordered by type so a sort never fails halfway: numbers and booleans, then strings, then lists.
 */
export function compareValues(a: unknown, b: unknown, depth = 0): number {
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : compareStrings(a, b);
  if (
    (typeof a === 'number' || typeof a === 'boolean') &&
    (typeof b === 'number' || typeof b === 'boolean')
  ) {
    return Number(a) - Number(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists nested past any real record's depth (or circular ones a caller built) compare equal
    // below that level instead of recursing without end.
    if (depth >= MAX_LIST_DEPTH) return 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareNullable(a[i], b[i], depth + 1);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  // Python tries `==` first: equal dicts (whatever their key order) never reach `<`.
  if (!deepEqualValues(a, b)) incomparable?.(a, b);
  return (TYPE_RANK[typeof a] ?? 3) - (TYPE_RANK[typeof b] ?? 3);
}

/** Like {@link compareValues}, with `null`/`undefined` after every value. */
export function compareNullable(a: unknown, b: unknown, depth = 0): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    // At the top the server keys None apart; inside lists Python compares it, and refuses.
    if (depth && aNull !== bNull) incomparable?.(a, b);
    return aNull === bNull ? 0 : aNull ? 1 : -1;
  }
  return compareValues(a, b, depth);
}
