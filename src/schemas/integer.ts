// An integer schema: what zod's `z.int()` with `z.gte`/`z.lte` checks does for this SDK's data, in
// one transform. zod's number-format and comparison check types were 2.4 kB minified (0.7 kB
// gzip) of the core bundle, for a handful of counts and bounds.
import * as z from 'zod/mini';
import type { Schema } from './shared.js';

type Issue = Parameters<typeof z.transform>[0] extends (input: never, context: infer C) => unknown
  ? C extends { issues: (infer I)[] }
    ? I
    : never
  : never;

const SAFE = 'Integers must be within the safe integer range.';

/**
 * A safe integer within `[min, max]`, with the issues `z.int().check(z.gte(min), z.lte(max))`
 * reports, field for field: `invalid_type` (expected `number`, with `received` for NaN and
 * infinities, or expected `int` for a fraction), `too_small`/`too_big` for an integer outside
 * the safe range and again for one outside `[min, max]`.
 *
 * @example
 * ```ts
 * integer(1, 500).safeParse(0).success; // false: too_small, minimum 1
 * ```
 */
export function integer(min?: number, max?: number): Schema<number> {
  return z.transform((input: unknown, context) => {
    const issue = (code: string, fields: Record<string, unknown>) =>
      context.issues.push({ code, input, ...fields } as Issue);
    if (typeof input !== 'number' || !Number.isFinite(input)) {
      // zod names NaN and the infinities it refuses: String() spells them as it does
      issue('invalid_type', {
        expected: 'number',
        ...(typeof input === 'number' ? { received: String(input) } : {}),
      });
    } else if (!Number.isInteger(input)) {
      issue('invalid_type', { expected: 'int', format: 'safeint' });
    } else {
      // the safe range first, then the bounds: zod reports each one crossed
      const bounds = [
        [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, { origin: 'int', note: SAFE }],
        [min, max, { origin: 'number' }],
      ] as const;
      for (const [low, high, fields] of bounds) {
        if (low !== undefined && input < low)
          issue('too_small', { minimum: low, inclusive: true, ...fields });
        if (high !== undefined && input > high)
          issue('too_big', { maximum: high, inclusive: true, ...fields });
      }
    }
    return input as number;
  });
}
