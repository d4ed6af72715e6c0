import type { Category } from '../categories.js';
import type { CategoryResult } from '../records/category-result.js';

/** What the store holds for one category. */
export interface StoredCategory {
  /** The records (frozen, null prototype) with their provenance. */
  readonly result: CategoryResult;
  /** Set when a refresh failed and these are the last-known-good records. */
  readonly staleSince: number | null;
  readonly lastError: string | null;
}

/**
 * Two layers: the last-known-good entry of every category, kept whatever happens to the network,
 * and for each the time until which it counts as fresh. A read that finds it no longer fresh can
 * still serve the last-known-good entry at once. (Fifteen categories at most: a map, no LRU.)
 */
export class CategoryStore {
  /** Until when (epoch ms) each category's entry is fresh. */
  readonly #freshUntil = new Map<Category, number>();
  readonly #lastKnownGood = new Map<Category, StoredCategory>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** The fresh entry, if the TTL has not run out since it was fetched. */
  fresh(category: Category): StoredCategory | undefined {
    const until = this.#freshUntil.get(category);
    return until !== undefined && this.#now() < until
      ? this.#lastKnownGood.get(category)
      : undefined;
  }

  /** The last-known-good entry, fresh or not. */
  lastKnownGood(category: Category): StoredCategory | undefined {
    return this.#lastKnownGood.get(category);
  }

  /** Every category with last-known-good data. */
  entries(): IterableIterator<[Category, StoredCategory]> {
    return this.#lastKnownGood.entries();
  }

  /**
   * Swaps in new records. Readers holding the previous object keep a consistent view: nothing is
   * mutated in place. The fresh layer gets what is left of the TTL since `fetchedAt`.
   */
  put(result: CategoryResult, ttlMs: number, now: number): StoredCategory {
    const entry: StoredCategory = { result, staleSince: null, lastError: null };
    this.#lastKnownGood.set(result.category, entry);
    if (result.fetchedAt + ttlMs > now)
      this.#freshUntil.set(result.category, result.fetchedAt + ttlMs);
    else this.#freshUntil.delete(result.category);
    return entry;
  }

  /**
   * Starts a new TTL for data known to be unchanged (a change check found nothing), so a
   * watched manager keeps serving from memory instead of re-downloading every TTL.
   */
  renew(category: Category, ttlMs: number): void {
    const entry = this.#lastKnownGood.get(category);
    if (entry && entry.staleSince === null) this.#freshUntil.set(category, this.#now() + ttlMs);
  }

  /** Marks the last-known-good records as stale after a failed refresh; they are kept. */
  markStale(category: Category, error: string, now: number): StoredCategory | undefined {
    const entry = this.#lastKnownGood.get(category);
    if (!entry) return undefined;
    const stale: StoredCategory = {
      ...entry,
      staleSince: entry.staleSince ?? now,
      lastError: error,
    };
    this.#lastKnownGood.set(category, stale);
    this.#freshUntil.delete(category);
    return stale;
  }
}
