// `Object.values` on a category (a null-prototype object of thousands of keys, kept in dictionary
// mode) sorts its keys every time. Served categories are frozen, so their list is kept beside them.
const LISTS = new WeakMap<object, readonly unknown[]>();

/** The records of a category object as an array, in key order; cached for frozen objects. */
export function recordList<R>(records: Readonly<Record<string, R>>): readonly R[] {
  const cached = LISTS.get(records);
  if (cached) return cached as readonly R[];
  const list = Object.values(records);
  if (Object.isFrozen(records)) LISTS.set(records, list);
  return list;
}
