import type { Category } from '../categories.js';
import type { CategoryRecords, RecordIssue } from '../schemas/index.js';

/** A network source of the fallback chain. */
export type SourceId = 'v2' | 'v1' | 'github';

/** Where a category's records came from: a network source, or the stored snapshot. */
export type Origin = SourceId | 'snapshot';

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

/** One source of the chain: fetches one category and returns validated v2 records. */
export interface CategorySource {
  readonly id: SourceId;
  /** Origin of the host it talks to; connection failures cool down every source on a host. */
  readonly host: string;
  /** Why this source cannot serve `category` at all (e.g. no legacy format), or `null`. */
  unsupported(category: Category): string | null;
  /** The URL it would read `category` from. */
  urlOf(category: Category): string;
  /**
   * Fetches and validates `category`. `known` is what the cache holds for it: when this source
   * answers with the very body `known` was made from, `known` is returned as is (refetched now).
   *
   * @throws {SourceFailure} when the source gives no usable data.
   */
  fetch<C extends Category>(
    category: C,
    signal: AbortSignal | undefined,
    known?: CategoryResult<C>,
  ): Promise<CategoryResult<C>>;
}
