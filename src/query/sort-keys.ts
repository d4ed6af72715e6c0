import { describeValue } from '../errors/describe-value.js';
import { InvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import { sortStrictly } from './compare.js';
import { optionalFields } from './fields.js';

// The server sorts with Python: it reads `sort_by` on every record being sorted (after the filters
// and the de-duplication, before paging), failing on a path it cannot follow, then sorts with `<`,
// which fails on values Python cannot compare. Either way it answers 400 (500 on /v2/search).

type Fields = Record<string, unknown>;

/**
 * The sort key of each record, read as the server reads `sort_by`: each step needs an object
 * holding the key (a model's optional field the record leaves out reads as `null`); a path that
 * ends on `null` is fine. Records keep fields a newer server declares, and sort by them.
 *
 * @throws {InvalidSearchParamsError} when the path cannot be followed on a record, or when two
 * values cannot be ordered in Python (a number and a string, two different objects, ...).
 */
export function sortKeys(
  records: readonly unknown[],
  sortBy: string,
  path: readonly string[],
): unknown[] {
  const refuse = (why: string): never => {
    throw new InvalidSearchParamsError([
      { param: 'sortBy', message: `"${sortBy}" ${why}; the server refuses such a sort (400)` },
    ]);
  };
  const optional = optionalFields(path[0] as string);
  let kinds = 0;
  const keys = records.map((record) => {
    let value = record;
    path.forEach((key, depth) => {
      const object = typeof value === 'object' && value && !Array.isArray(value);
      // The first segment is a declared field (validated), so a record without it reads null.
      value =
        object && Object.hasOwn(value as object, key)
          ? (value as Fields)[key]
          : object && (!depth || (depth < 2 && optional?.includes(key)))
            ? null
            : refuse(
                `cannot be followed on ${describeValue((record as Fields).name)}: no "${key}" in ${path.slice(0, depth).join('__')} (${describeValue(value)})`,
              );
    });
    if (value != null) kinds |= typeof value === 'string' ? 1 : typeof value === 'object' ? 4 : 2;
    return value;
  });
  // Strings alone or numbers alone always compare; anything else is sorted once, strictly.
  if (kinds > 2)
    sortStrictly(keys, (a, b) =>
      refuse(`has values Python cannot order (${describeValue(a)} and ${describeValue(b)})`),
    );
  return keys;
}
