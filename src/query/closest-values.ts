import { readPath } from './fields.js';

// For a warning when an exact-match filter (`baseline`, `tags*`) matched nothing: the search
// itself stays a valid, empty answer, as on the server. Only run when a filter matched nothing.

/**
 * The distinct text values of `field` (nested with `__`) among `records`, a list field's items one
 * by one, in the order first seen.
 *
 * @example
 * ```ts
 * fieldValues(Object.values(await refs.getCategory('image_generation')), 'baseline'); // ['stable_diffusion_1', ...]
 * ```
 */
export function fieldValues(records: Iterable<unknown>, field: string): string[] {
  const path = field.split('__');
  const values = new Set<string>();
  for (const record of records) {
    const value = readPath(record, path);
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string') values.add(item);
  }
  return [...values];
}

/** Case, spaces, `_`, `-` and `.` aside: `Stable_Diffusion_XL` ~ `stable-diffusion xl`. */
const loose = (text: string): string => text.toLowerCase().replace(/[\s_.-]+/g, '');

/**
 * The default ranking of {@link closestFieldValues}: the candidates equal to `input` but for case
 * and separators, and only those when there are any; else those containing it or contained in it
 * (three characters or more), shortest difference first. Ties keep the candidates' order.
 */
export function looselyMatching(input: string, candidates: readonly string[]): string[] {
  const wanted = loose(input);
  const same = candidates.filter((candidate) => loose(candidate) === wanted);
  if (same.length > 0 || wanted.length < 3) return same;
  return candidates
    .map((candidate) => ({ candidate, key: loose(candidate) }))
    .filter(({ key }) => key.length >= 3 && (key.includes(wanted) || wanted.includes(key)))
    .sort((a, b) => Math.abs(a.key.length - wanted.length) - Math.abs(b.key.length - wanted.length))
    .map(({ candidate }) => candidate);
}

/** Options of {@link closestFieldValues}. */
export interface ClosestValuesOptions {
  /** How many values at most. @default 3 */
  readonly limit?: number;
  /**
   * Ranks the existing values against the one asked for, best first (a "did you mean" matcher with
   * typo tolerance fits here).
   * @default {@link looselyMatching}
   */
  readonly rank?: (input: string, candidates: readonly string[]) => string[];
}

/**
 * For an exact-match filter value: `undefined` when some record has `value` in `field` (nothing to
 * warn about), else the existing values closest to it, best first (empty when none is close).
 *
 * @example
 * ```ts
 * const records = Object.values(await refs.getCategory('image_generation'));
 * closestFieldValues(records, 'baseline', 'Stable_Diffusion_XL'); // ['stable_diffusion_xl']
 * closestFieldValues(records, 'baseline', 'stable_diffusion_xl'); // undefined: it exists
 * ```
 */
export function closestFieldValues(
  records: Iterable<unknown>,
  field: string,
  value: string,
  options: ClosestValuesOptions = {},
): string[] | undefined {
  const values = fieldValues(records, field);
  if (values.includes(value)) return undefined;
  const { limit = 3, rank = looselyMatching } = options;
  return rank(value, values).slice(0, limit);
}
