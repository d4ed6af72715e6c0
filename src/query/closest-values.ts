import { closestMatches } from '../util/closest-matches.js';
import { readPath } from './fields.js';

// For a warning when an exact-match filter (`baseline`, `tags*`) matched nothing: the search
// itself stays a valid, empty answer, as on the server. Only run when a filter matched nothing.
// The ranking is the one "did you mean" matcher of the package (util/closest-matches.ts).

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

/** What {@link closestFieldValues} found for a value no record has. */
export interface ClosestFieldValues {
  /** The existing values closest to the one asked for, best first (empty when none is close). */
  readonly closest: readonly string[];
  /** Every distinct value the records have in the field, in the order first seen. */
  readonly existing: readonly string[];
}

/**
 * For an exact-match filter value: `undefined` when some record has `value` in `field` (nothing to
 * warn about), else the existing values closest to it (a few typing mistakes, case and separators
 * aside, or containment) and all the existing values.
 *
 * @param limit - how many close values at most. @default 3
 * @example
 * ```ts
 * const records = Object.values(await refs.getCategory('image_generation'));
 * closestFieldValues(records, 'baseline', 'Stable_Diffusion_XL')?.closest; // ['stable_diffusion_xl']
 * closestFieldValues(records, 'baseline', 'stable_diffusion_xl'); // undefined: it exists
 * ```
 */
export function closestFieldValues(
  records: Iterable<unknown>,
  field: string,
  value: string,
  limit = 3,
): ClosestFieldValues | undefined {
  const existing = fieldValues(records, field);
  if (existing.includes(value)) return undefined;
  return { closest: closestMatches(value, existing, limit), existing };
}
