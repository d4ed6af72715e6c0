import { describeValue } from '../errors/describe-value.js';
import { InvalidSearchParamsError } from '../errors/invalid-search-params-error.js';
import { canonicalField } from './fields.js';

// Run-time checks of the query builder's arguments. The types already say what is allowed; these
// catch what a JavaScript caller, a cast or a deserialised value gets past them, at the call that
// is wrong, with a typed error, instead of a TypeError (or a silently wrong answer) when the query
// runs.

/** The operators of `where`. */
export const OPERATORS: readonly string[] = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'contains',
];

/**
 * Throws an {@link InvalidSearchParamsError} for `param` unless `ok`: "expected `expected`, got …".
 *
 * @throws {InvalidSearchParamsError}
 */
export function expectArgument(
  ok: boolean,
  param: string,
  value: unknown,
  expected: string,
  allowed?: readonly string[],
): void {
  if (!ok)
    throw new InvalidSearchParamsError([
      {
        param,
        message: `expected ${expected}, got ${describeValue(value)}`,
        ...(allowed ? { allowed } : {}),
      },
    ]);
}

/**
 * A field name (`baseline`, `config__download`, `parameters_count`) as the path `readPath` walks.
 *
 * @throws {InvalidSearchParamsError} for anything but a non-empty string with non-empty segments.
 */
export function fieldPath(field: unknown): readonly string[] {
  const segments = typeof field === 'string' ? field.split('__') : [''];
  expectArgument(
    !segments.includes(''),
    'field',
    field,
    'a field name (nested keys joined by "__", none empty)',
  );
  return segments.map((segment, i) => (i === 0 ? canonicalField(segment) : segment));
}

/**
 * Checks an operator of `where` and the operand it needs.
 *
 * @throws {InvalidSearchParamsError} for an unknown operator, an `in` without a list, or an
 * ordering operator without a number or a string.
 */
export function checkOperand(operator: unknown, value: unknown): void {
  expectArgument(
    OPERATORS.includes(operator as string),
    'operator',
    operator,
    'an operator',
    OPERATORS,
  );
  if (operator === 'in') expectArgument(Array.isArray(value), 'value', value, 'a list for "in"');
  else if (operator !== 'eq' && operator !== 'ne' && operator !== 'contains')
    expectArgument(
      typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)),
      'value',
      value,
      `a number or a string for "${operator}"`,
    );
}

/**
 * `limit(count)` and `offset(count)`: a whole number >= 0 (`undefined` for `limit()` alone).
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkCount(param: 'limit' | 'offset', count: unknown): void {
  expectArgument(
    (param === 'limit' && count === undefined) ||
      (Number.isSafeInteger(count) && (count as number) >= 0),
    param,
    count,
    'a whole number >= 0',
  );
}

/**
 * The options of `orderBy`.
 *
 * @throws {InvalidSearchParamsError} for options that are not an object, or unknown values.
 */
export function checkOrderOptions(options: unknown): void {
  const { direction, nulls } = (options ?? {}) as { direction?: unknown; nulls?: unknown };
  expectArgument(
    typeof options === 'object' && options !== null,
    'options',
    options,
    '{ direction?, nulls? }',
  );
  const directions = ['asc', 'desc'];
  const places = ['first', 'last'];
  expectArgument(
    direction === undefined || directions.includes(direction as string),
    'direction',
    direction,
    'a direction',
    directions,
  );
  expectArgument(
    nulls === undefined || places.includes(nulls as string),
    'nulls',
    nulls,
    'a place for nulls',
    places,
  );
}

/**
 * Tags, sources and other lists of names: strings only.
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkStrings(param: string, values: readonly unknown[]): void {
  for (const value of values) expectArgument(typeof value === 'string', param, value, 'strings');
}
