// A string-keyed dictionary schema: what zod's `record(string(), value)` does for this SDK's data,
// in a few lines. zod's general record type (4.7 kB minified, most of it for enum, numeric and
// exhaustive keys the data never has) was the largest single piece of the core bundle.
import * as z from 'zod/mini';
import type { Schema } from './shared.js';

/** zod's plain-object test: an object literal from any realm, or a null-prototype object. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const maker: unknown = (value as { constructor?: unknown }).constructor;
  if (typeof maker !== 'function') return true;
  const prototype: unknown = maker.prototype;
  return (
    typeof prototype === 'object' && prototype !== null && Object.hasOwn(prototype, 'isPrototypeOf')
  );
}

/**
 * A plain object whose every value `value` validates, as zod's `record(z.string(), value)`
 * parses it: anything else is an `invalid_type` issue (expected `record`); each value's issues
 * are reported under its key; a `__proto__` key is dropped; the output is a new object of the
 * validated values, in the input's key order.
 *
 * @example
 * ```ts
 * const hashes = dictionary(z.string());
 * hashes.parse({ vae: 'abc' }); // { vae: 'abc' }
 * ```
 */
export function dictionary<T>(value: Schema<T>): Schema<Record<string, T>> {
  return z.transform((input: unknown, context) => {
    const output: Record<string, T> = {};
    if (!isPlainObject(input)) {
      context.issues.push({ code: 'invalid_type', expected: 'record', input });
      return output;
    }
    for (const key of Object.keys(input)) {
      if (key === '__proto__') continue;
      const result = z.safeParse(value, input[key]);
      if (result.success) output[key] = result.data;
      // Already finalised (their messages set): only the path gains the key.
      else
        for (const issue of result.error.issues)
          context.issues.push({
            ...issue,
            path: [key, ...issue.path],
          } as (typeof context.issues)[0]);
    }
    return output;
  });
}
