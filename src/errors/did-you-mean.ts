import { describeValue } from './describe-value.js';

/**
 * ` Did you mean "a", "b"?`, or nothing for an empty list: the hint an error appends to its
 * message. Names are quoted as JSON strings (a control character shows escaped) and cut at 120
 * characters.
 *
 * @example
 * ```ts
 * didYouMean(['search']); // ' Did you mean "search"?'
 * didYouMean([]); // ''
 * ```
 */
export function didYouMean(names: readonly string[]): string {
  return names.length > 0 ? ` Did you mean ${names.map(describeValue).join(', ')}?` : '';
}
