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

function refuse(param: string, message: string, allowed?: readonly string[]): never {
  throw new InvalidSearchParamsError([{ param, message, ...(allowed ? { allowed } : {}) }]);
}

/**
 * A field name (`baseline`, `config__download`, `parameters_count`) as the path `readPath` walks.
 *
 * @throws {InvalidSearchParamsError} for anything but a non-empty string with non-empty segments.
 */
export function fieldPath(field: unknown): readonly string[] {
  if (typeof field !== 'string' || field === '')
    return refuse('field', `expected a field name, got ${describeValue(field)}`);
  const segments = field.split('__');
  if (segments.some((segment) => segment === ''))
    return refuse('field', `${describeValue(field)} has an empty segment between "__"`);
  return segments.map((segment, i) => (i === 0 ? canonicalField(segment) : segment));
}

/**
 * Checks an operator of `where` and the operand it needs.
 *
 * @throws {InvalidSearchParamsError} for an unknown operator, an `in` without a list, or an
 * ordering operator without a number or a string.
 */
export function checkOperand(operator: unknown, value: unknown): void {
  if (typeof operator !== 'string' || !OPERATORS.includes(operator))
    refuse('operator', `${describeValue(operator)} is not an operator`, OPERATORS);
  if (operator === 'in' && !Array.isArray(value))
    refuse('value', `"in" takes a list of values, got ${describeValue(value)}`);
  if (
    (operator === 'lt' || operator === 'lte' || operator === 'gt' || operator === 'gte') &&
    !(typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)))
  )
    refuse(
      'value',
      `"${operator}" compares with a number or a string, got ${describeValue(value)}`,
    );
}

/**
 * `limit(count)` and `offset(count)`: a whole number >= 0 (`undefined` for `limit()` alone).
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkCount(param: 'limit' | 'offset', count: unknown): void {
  if (param === 'limit' && count === undefined) return;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    refuse(param, `expected a whole number >= 0, got ${describeValue(count)}`, ['an integer >= 0']);
}

/**
 * The options of `orderBy`.
 *
 * @throws {InvalidSearchParamsError} for options that are not an object, or unknown values.
 */
export function checkOrderOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    refuse('options', `expected { direction?, nulls? }, got ${describeValue(options)}`);
  const { direction, nulls } = options as { direction?: unknown; nulls?: unknown };
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc')
    refuse('direction', `${describeValue(direction)} is not a direction`, ['asc', 'desc']);
  if (nulls !== undefined && nulls !== 'first' && nulls !== 'last')
    refuse('nulls', `${describeValue(nulls)} is not a place for nulls`, ['first', 'last']);
}

/**
 * Tags, sources and other lists of names: strings only.
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkStrings(param: string, values: readonly unknown[]): void {
  const index = values.findIndex((value) => typeof value !== 'string');
  if (index >= 0) refuse(param, `expected strings, got ${describeValue(values[index])}`);
}

/**
 * A value that must be of one kind (`nsfw(true)`, `baseline('flux_1')`, ...).
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkKind(param: string, value: unknown, kind: 'boolean' | 'string'): void {
  if (typeof value !== kind) refuse(param, `expected a ${kind}, got ${describeValue(value)}`);
}

/**
 * One of a fixed list of strings (`backend('koboldcpp')`).
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkOneOf(param: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    refuse(param, `${describeValue(value)} is not allowed`, allowed);
}

/**
 * `filter(predicate)`: a function.
 *
 * @throws {InvalidSearchParamsError}
 */
export function checkPredicate(predicate: unknown): void {
  if (typeof predicate !== 'function')
    refuse('predicate', `expected a function, got ${describeValue(predicate)}`);
}
