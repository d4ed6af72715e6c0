import type { Category } from '../categories.js';
import type { ManagerEvents } from '../events.js';
import type { RequestOptions } from '../http/request-options.js';
import type { FallbackChain } from '../origins/fallback-chain.js';
import type { CategoryResult } from '../records/category-result.js';
import { type CategoryChange, diffCategoryRecords, isEmptyDiff } from '../records/diff-records.js';
import { CANONICAL_SOURCE, markSource } from '../records/provenance.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';
import { delay } from '../util/delay.js';
import type { Emitter } from '../util/emitter.js';
import { CategoryStore, type StoredCategory } from './category-store.js';
import { SingleFlight } from './single-flight.js';
import { parseStoredSnapshot, storageKey, toSnapshot } from './snapshot.js';
import type { SnapshotStorage } from './storage.js';

/** What the cache needs from the manager that owns it. */
export interface CacheContext {
  readonly chain: FallbackChain;
  readonly storage: SnapshotStorage;
  readonly events: Emitter<ManagerEvents>;
  readonly ttlMs: number;
  readonly staleWhileRevalidate: boolean;
  /** Aborted on `close()`: stops background work. */
  readonly closed: AbortSignal;
  readonly now: () => number;
}

/** A loaded category as the rest of the manager sees it (status, change detection, providers). */
export interface CachedCategory extends StoredCategory {
  /** Within the TTL. */
  readonly fresh: boolean;
}

/** What a refresh brought: the records now served, and what changed (`null`: nothing). */
export interface Refreshed<C extends Category> {
  readonly records: CategoryRecords<C>;
  readonly change: CategoryChange | null;
}

interface Loaded {
  readonly entry: StoredCategory;
  readonly change: CategoryChange | null;
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The canonical records of one manager: fresh cache → last-known-good (served at once, refreshed
 * in the background) → persisted snapshot (warm start) → the fallback chain, with one request in
 * flight per category however many readers wait. Every swap is announced as `change` on the
 * manager's events and returned to the caller that made it.
 */
export class CategoryCache {
  readonly #store: CategoryStore;
  readonly #context: CacheContext;
  readonly #flights = new SingleFlight<Category, Loaded>();
  readonly #storageChecked = new Set<Category>();
  readonly #writes = new Set<Promise<void>>();
  /** The hash of what storage holds per category: an unchanged refresh writes nothing. */
  readonly #persisted = new Map<Category, string>();

  constructor(context: CacheContext) {
    this.#context = context;
    this.#store = new CategoryStore(context.now);
    context.closed.addEventListener('abort', () => this.#flights.abortAll(context.closed.reason), {
      once: true,
    });
  }

  /** Seeds last-known-good data (from the `snapshot` option); it is served until refreshed. */
  seed(result: CategoryResult): void {
    this.#accept(result);
  }

  /** The categories holding data, in the order they were first loaded. */
  loaded(): Category[] {
    return [...this.#store.entries()].map(([category]) => category);
  }

  /** What is held for `category`, fresh or not. */
  entry(category: Category): CachedCategory | undefined {
    const entry = this.#store.lastKnownGood(category);
    return entry && { ...entry, fresh: this.#store.fresh(category) !== undefined };
  }

  /**
   * Starts a new TTL for data known to be unchanged (a change check found nothing), so a watched
   * manager keeps serving from memory instead of re-downloading every TTL.
   */
  renew(category: Category): void {
    this.#store.renew(category, this.#context.ttlMs);
  }

  /**
   * The records of `category`, from the cheapest place that has them.
   *
   * @throws {SourceUnavailableError} when no origin answers and nothing is cached or stored.
   */
  async get<C extends Category>(
    category: C,
    request: RequestOptions = {},
  ): Promise<CategoryRecords<C>> {
    const fresh = this.#store.fresh(category);
    if (fresh) return fresh.result.records as CategoryRecords<C>;
    const known = this.#store.lastKnownGood(category) ?? (await this.#warmStart(category));
    if (known) {
      if (this.#context.staleWhileRevalidate) {
        this.#refreshInBackground(category);
        return known.result.records as CategoryRecords<C>;
      }
      return (await this.#load(category, request)).result.records as CategoryRecords<C>;
    }
    return (await this.#fetch(category, request)).entry.result.records as CategoryRecords<C>;
  }

  /**
   * Fetches `category` now, whatever the TTL says. On failure the last-known-good records stay
   * (marked stale) and the error is thrown to the caller.
   *
   * @throws {SourceUnavailableError} when no origin answers.
   */
  async refresh<C extends Category>(
    category: C,
    request: RequestOptions = {},
  ): Promise<Refreshed<C>> {
    const { entry, change } = await this.#fetch(category, request);
    return { records: entry.result.records as CategoryRecords<C>, change };
  }

  /** Swaps in records obtained elsewhere (delta sync), exactly as a fetch would. */
  accept(result: CategoryResult, via: CategoryChange['via'] = 'download'): CategoryChange | null {
    const { change } = this.#accept(result, via);
    this.#persist(result);
    return change;
  }

  /** Every loaded category's result, for a snapshot. */
  results(): CategoryResult[] {
    return [...this.#store.entries()].map(([, entry]) => entry.result);
  }

  /** Waits for snapshot writes in progress, so a short-lived process does not lose them. */
  async flush(): Promise<void> {
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
  }

  /** Like `refresh`, but a failure with last-known-good data returns that data instead of throwing. */
  async #load(category: Category, request: RequestOptions): Promise<StoredCategory> {
    try {
      return (await this.#fetch(category, request)).entry;
    } catch (error) {
      const known = this.#store.lastKnownGood(category);
      if (!known || request.signal?.aborted) throw error;
      return known;
    }
  }

  #fetch(category: Category, request: RequestOptions): Promise<Loaded> {
    return this.#flights.run(
      category,
      async (signal) => {
        try {
          const known = this.#store.lastKnownGood(category)?.result;
          const { result, attempts } = await this.#context.chain.load(
            category,
            { signal, timeoutMs: request.timeoutMs },
            known,
          );
          if (attempts.length > 0) {
            this.#context.events.emit('fallback', { category, origin: result.origin, attempts });
          }
          const loaded = this.#accept(result);
          this.#persist(result);
          return loaded;
        } catch (error) {
          if (!signal.aborted) this.#markStale(category, toError(error));
          throw error;
        }
      },
      request.signal,
    );
  }

  #accept(result: CategoryResult, via: CategoryChange['via'] = 'download'): Loaded {
    Object.freeze(result.records);
    markSource(result.records, CANONICAL_SOURCE);
    for (const issue of result.issues) this.#context.events.emit('invalid-record', issue);
    const before = this.#store.lastKnownGood(result.category)?.result;
    const entry = this.#store.put(result, this.#context.ttlMs, this.#context.now());
    let change: CategoryChange | null = null;
    // Announced after the swap, so a listener reading the manager sees the new records.
    if (before && before.hash !== result.hash) {
      const diff = diffCategoryRecords(before.records, result.records);
      if (!isEmptyDiff(diff)) {
        change = { category: result.category, via, ...diff };
        this.#context.events.emit('change', change);
      }
    }
    return { entry, change };
  }

  #markStale(category: Category, error: Error): void {
    const before = this.#store.lastKnownGood(category);
    const entry = this.#store.markStale(category, error.message, this.#context.now());
    if (entry && before?.staleSince === null) {
      this.#context.events.emit('stale', {
        category,
        since: entry.staleSince ?? this.#context.now(),
        error,
      });
    }
  }

  #refreshInBackground(category: Category): void {
    const { closed, events } = this.#context;
    if (this.#flights.has(category) || closed.aborted) return;
    // Every origin failing is retried as a whole, after about 1 s and then 4 s; origins in
    // cool-down are skipped inside each attempt, so this costs no extra timeouts. The waits never
    // keep a process alive.
    const attempt = async (): Promise<void> => {
      for (let retry = 0; ; retry++) {
        try {
          await this.#fetch(category, { signal: closed });
          return;
        } catch (error) {
          if (retry === 2 || closed.aborted) throw error;
          await delay(1_000 * 4 ** retry * (0.5 + Math.random()), closed, true);
        }
      }
    };
    attempt().catch((error: unknown) => {
      if (!closed.aborted) events.emit('error', { category, error: toError(error) });
    });
  }

  async #warmStart(category: Category): Promise<StoredCategory | undefined> {
    if (this.#storageChecked.has(category)) return undefined;
    this.#storageChecked.add(category);
    try {
      const result = parseStoredSnapshot(await this.#context.storage.get(storageKey(category)));
      if (result && result.category === category && !this.#store.lastKnownGood(category)) {
        this.#persisted.set(category, result.hash);
        return this.#accept(result).entry;
      }
    } catch (error) {
      this.#context.events.emit('error', { category, error: toError(error) });
    }
    return this.#store.lastKnownGood(category);
  }

  #persist(result: CategoryResult): void {
    // A worker refreshing every minute would otherwise rewrite the same megabyte each time.
    if (this.#persisted.get(result.category) === result.hash) return;
    this.#persisted.set(result.category, result.hash);
    const write = this.#context.storage
      .set(storageKey(result.category), JSON.stringify(toSnapshot(result)))
      .catch((error: unknown) => {
        this.#persisted.delete(result.category);
        this.#context.events.emit('error', { category: result.category, error: toError(error) });
      })
      .finally(() => this.#writes.delete(write));
    this.#writes.add(write);
  }
}
