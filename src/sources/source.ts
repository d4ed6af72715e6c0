import type { Category } from '../categories.js';
import type { CategoryResult, SourceId } from '../records/category-result.js';

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
