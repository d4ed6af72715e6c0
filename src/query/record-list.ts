// `Object.values` on a category (a null-prototype object of thousands of keys, kept in dictionary
// mode) is several times slower than `Object.keys` and a lookup per key. Served categories are
// frozen, so their list is also kept beside them.
const LISTS = new WeakMap<object, readonly unknown[]>();

/** The records of a category object as an array, in key order; cached for frozen objects. */
export function recordList<R>(records: Readonly<Record<string, R>>): readonly R[] {
  const cached = LISTS.get(records);
  if (cached) return cached as readonly R[];
  const names = Object.keys(records);
  const list = new Array<R>(names.length);
  for (let i = 0; i < names.length; i++) list[i] = records[names[i] as string] as R;
  if (Object.isFrozen(records)) LISTS.set(records, list);
  return list;
}
