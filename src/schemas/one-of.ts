// One of a few strings: what z.enum does for this SDK's data, as a check. zod's enum type is
// 1.5 kB minified (0.2 kB gzip) of the core bundle, for three short lists (legacy clip types,
// text backends, permission statuses).
import * as z from 'zod/mini';
import type { Schema } from './shared.js';

/**
 * Exactly one of `values` (compared with `===`); anything else is an issue with zod's default
 * message, as z.enum reports it.
 *
 * @example
 * ```ts
 * const backend = oneOf(['aphrodite', 'koboldcpp']);
 * backend.safeParse('vllm').success; // false
 * ```
 */
export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  // `params.values` lets a validation message name them (schemas/issue-message.ts).
  return z.custom<T[number]>((value) => (values as readonly unknown[]).includes(value), {
    params: { values },
  });
}
