import { describeValue } from '../errors/describe-value.js';
import { InvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import { compareValues } from './compare.js';
import { modelFields } from './fields.js';

// The server sorts with Python: it reads `sort_by` on every record being sorted (after the filters
// and the de-duplication, before paging) and raises when a path cannot be followed, then sorts
// with `<`, which raises on values Python cannot compare. Both answer 400 (500 on /v2/search).

type Fields = Record<string, unknown>;

const isNumber = (value: unknown): boolean =>
  typeof value === 'number' || typeof value === 'boolean';

/** Python's `==` on JSON values: `1 == 1.0 == True`, dicts by content in any key order. */
function pythonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) return Number(a) === Number(b);
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    !a ||
    !b ||
    Array.isArray(a) !== Array.isArray(b) ||
    depth > 64
  )
    return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (k) => Object.hasOwn(b, k) && pythonEqual((a as Fields)[k], (b as Fields)[k], depth + 1),
    )
  );
}

/**
 * Python's order of two values as its sort reaches it (`==` first, then `<` on the first
 * difference), or a throw of the two values `<` refuses: a number and a string, two different
 * dicts, `None` and a value inside lists.
 */
function pythonOrder(a: unknown, b: unknown, depth = 0): number {
  if (pythonEqual(a, b)) return 0;
  if (Array.isArray(a) && Array.isArray(b) && depth < 64) {
    for (let i = 0; i < a.length && i < b.length; i++)
      if (!pythonEqual(a[i], b[i])) return pythonOrder(a[i], b[i], depth + 1);
    return a.length - b.length;
  }
  if ((isNumber(a) && isNumber(b)) || (typeof a === 'string' && typeof b === 'string'))
    return compareValues(a, b);
  throw [a, b];
}

const refuse = (sortBy: string, why: string): never => {
  throw new InvalidSearchParamsError([
    {
      param: 'sortBy',
      message: `${describeValue(sortBy)} ${why}; the server refuses such a sort (400), so narrow the search or sort by another field`,
    },
  ]);
};

/**
 * The sort key of each record, read as the server reads `sort_by`: a path through `null` or
 * through a key the object does not have fails, as does a field a model does not declare (a
 * declared one the record leaves out reads as `null`); a path that ends on `null` is fine.
 *
 * @throws {InvalidSearchParamsError} when the path cannot be followed on a record, or when two
 * records' values cannot be ordered against each other in Python (a number and a string, lists
 * whose first difference is between two objects, two different objects).
 */
export function sortKeys(
  records: readonly unknown[],
  sortBy: string,
  path: readonly string[],
): unknown[] {
  const keys: unknown[] = [];
  let failures = 0;
  let first = '';
  let kinds = 0;
  for (const record of records) {
    let value = Object.hasOwn(record as object, path[0] as string)
      ? (record as Fields)[path[0] as string]
      : null;
    let fields = modelFields(path[0] as string);
    let why = '';
    for (let i = 1; i < path.length && !why; i++) {
      const at = path.slice(0, i).join('__');
      const key = path[i] as string;
      if (value === null || value === undefined) why = `${at} is null`;
      else if (typeof value !== 'object' || Array.isArray(value))
        why = `${at} is ${describeValue(value)}, not an object`;
      else if (fields ? !fields.includes(key) : !Object.hasOwn(value, key))
        why = fields
          ? `${at} has no field ${describeValue(key)} (its fields: ${fields.join(', ')})`
          : `${at} has no key ${describeValue(key)}`;
      else value = Object.hasOwn(value, key) ? (value as Fields)[key] : null;
      fields = undefined;
    }
    if (why && !failures++) first = ` (on ${describeValue((record as Fields).name)}: ${why})`;
    if (value !== null && value !== undefined)
      kinds |= typeof value === 'string' ? 1 : isNumber(value) ? 2 : 4;
    keys.push(value);
  }
  if (failures)
    refuse(
      sortBy,
      `cannot be followed on ${failures} of the ${records.length} records being sorted${first}`,
    );
  // Strings alone or numbers alone always compare; anything else is sorted once as Python would.
  if (kinds > 2) {
    const present = keys.flatMap((key, i) => (key === null || key === undefined ? [] : [i]));
    let pair = [0, 0];
    try {
      present.sort((i, j) => {
        pair = [i, j];
        return pythonOrder(keys[i], keys[j]);
      });
    } catch (error) {
      if (!Array.isArray(error)) throw error;
      const [a, b] = pair.map((i) => describeValue((records[i as number] as Fields).name));
      refuse(
        sortBy,
        `has values Python cannot order: on ${a} and ${b} it would compare ${describeValue(error[0])} with ${describeValue(error[1])}`,
      );
    }
  }
  return keys;
}
