import type { Category } from '../categories.js';
import type { ModelReferenceError } from '../errors/model-reference-error.js';
import type { RequestOptions } from '../http/request-options.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';

/** One source of the chain: fetches one category and returns validated v2 records. */
export interface OriginReader {
  readonly id: NetworkOrigin;
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
   * @throws a {@link ModelReferenceError} when the origin gives no usable data; the caller's
   *   abort reason when it aborts.
   */
  fetch<C extends Category>(
    category: C,
    request: OriginRequest,
    known?: CategoryResult<C>,
  ): Promise<CategoryResult<C>>;
}

/** How one fetch of an origin is bounded: the caller's signal and deadline. */
export type OriginRequest = RequestOptions;
