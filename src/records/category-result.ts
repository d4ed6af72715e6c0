import type { Category } from '../categories.js';
import type { RecordIssue } from '../schemas/parse-records.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';

/** A network source of the fallback chain. */
export type NetworkOrigin = 'v2' | 'v1' | 'github';

/** Where a category's records came from: a network source, or the stored snapshot. */
export type Origin = NetworkOrigin | 'snapshot';

/** Validated v2 records of one category, with their provenance. */
export interface CategoryResult<C extends Category = Category> {
  readonly category: C;
  readonly records: CategoryRecords<C>;
  /** Records that failed validation and were skipped. */
  readonly issues: readonly RecordIssue[];
  readonly origin: Origin;
  /** The URL the data came from (no credentials in it). */
  readonly url: string;
  /** Epoch milliseconds when the data was fetched from its source. */
  readonly fetchedAt: number;
  /** Hash of the source's body, to tell whether anything changed between two fetches. */
  readonly hash: string;
}
