import { describeValue } from './describe-value.js';

/**
 * ` Did you mean "a", "b" or "c"?`, or nothing for an empty list: the hint errors append to
 * their message. Names are quoted as JSON strings (a control character shows escaped) and cut at 120
 * characters.
 *
 * @example
 * ```ts
 * didYouMean(['search']); // ' Did you mean "search"?'
 * didYouMean([]); // ''
 * ```
 */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map(describeValue);
  const last = quoted.pop();
  return ` Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}
