import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { ModelRecord } from '../schemas/record-schemas.js';

/**
 * The order models are given disk space in: `catalogue` (as given), `newest` (by
 * `metadata.created_at`, newest first; undated last), or by a usage map (most used first;
 * models not in it count 0), e.g. AI-Horde's monthly figures for a worker's `TOP n`.
 * Ties keep the catalogue order.
 */
export type PlanOrder =
  | 'catalogue'
  | 'newest'
  | {
      readonly usage: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
    };

function usageOf(usage: Readonly<Record<string, number>> | ReadonlyMap<string, number>) {
  if (usage instanceof Map)
    return (name: string) => (usage as ReadonlyMap<string, number>).get(name) ?? 0;
  const record = usage as Readonly<Record<string, number>>;
  return (name: string) => (Object.hasOwn(record, name) ? (record[name] ?? 0) : 0);
}

/**
 * `records` in the given order, cut to the first `limit`.
 *
 * @throws {InvalidOptionsError} for an unknown order or a `limit` that is not a whole number >= 0.
 */
export function orderRecords<R extends ModelRecord>(
  records: readonly R[],
  order: PlanOrder = 'catalogue',
  limit?: number,
): R[] {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))
    throw new InvalidOptionsError('limit', `expected a whole number >= 0, got ${limit}`);
  const indexed = records.map((record, index) => ({ record, index }));
  let key: ((record: R) => number) | null = null;
  if (order === 'newest') key = (r) => r.metadata.created_at ?? Number.NEGATIVE_INFINITY;
  else if (typeof order === 'object' && order !== null && 'usage' in order) {
    const usage = usageOf(order.usage);
    key = (r) => usage(r.name);
  } else if (order !== 'catalogue')
    throw new InvalidOptionsError(
      'order',
      `expected 'catalogue', 'newest' or { usage }, got ${JSON.stringify(order)}`,
    );
  if (key) {
    const keyOf = key;
    indexed.sort((a, b) => keyOf(b.record) - keyOf(a.record) || a.index - b.index);
  }
  const ordered = indexed.map((entry) => entry.record);
  return limit === undefined ? ordered : ordered.slice(0, limit);
}
