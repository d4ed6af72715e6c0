import QuickLRU from 'quick-lru';
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
 * Two layers: a quick-lru cache whose `maxAge` is the TTL holds what is fresh; behind it, the
 * last-known-good entry of every category, kept whatever happens to the network. A read that
 * misses the fresh layer can still serve the last-known-good one at once.
 */
export class CategoryStore {
  readonly #fresh: QuickLRU<Category, StoredCategory>;
  readonly #lastKnownGood = new Map<Category, StoredCategory>();

  constructor(ttlMs: number) {
    // quick-lru rejects maxAge 0; a zero TTL means "never fresh", which an expiry of 1 ms gives.
    this.#fresh = new QuickLRU({ maxSize: 64, maxAge: Math.max(ttlMs, 1) });
  }

  /** The fresh entry, if the TTL has not run out since it was fetched. */
  fresh(category: Category): StoredCategory | undefined {
    return this.#fresh.get(category);
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
    const remaining = result.fetchedAt + ttlMs - now;
    if (remaining > 0) this.#fresh.set(result.category, entry, { maxAge: remaining });
    else this.#fresh.delete(result.category);
    return entry;
  }

  /**
   * Starts a new TTL for data known to be unchanged (a change check found nothing), so a
   * watched manager keeps serving from memory instead of re-downloading every TTL.
   */
  renew(category: Category, ttlMs: number): void {
    const entry = this.#lastKnownGood.get(category);
    if (entry && entry.staleSince === null)
      this.#fresh.set(category, entry, { maxAge: Math.max(ttlMs, 1) });
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
    this.#fresh.delete(category);
    return stale;
  }
}
