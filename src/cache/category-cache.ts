import type { Category } from '../categories.js';
import { type OriginAttempt, SourceUnavailableError } from '../errors/source-unavailable-error.js';
import { StorageError } from '../errors/storage-error.js';
import type { ManagerEvents } from '../events.js';
import type { ChainRequest, FallbackChain } from '../origins/fallback-chain.js';
import type { CategoryResult } from '../records/category-result.js';
import { type CategoryChange, diffCategoryRecords, isEmptyDiff } from '../records/diff-records.js';
import { CANONICAL_SOURCE, markSource } from '../records/provenance.js';
import { issueMessagesReady } from '../schemas/lazy-issues.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';
import { delay } from '../util/delay.js';
import type { Emitter } from '../util/emitter.js';
import { errorMessage, toError } from '../util/to-error.js';
import { CategoryStore, type StoredCategory } from './category-store.js';
import { SingleFlight } from './single-flight.js';
import { legacyStorageKey, parseStoredSnapshot, snapshotJson, storageKey } from './snapshot.js';
import type { SnapshotStorage } from './storage.js';
import { bounded } from './storage-calls.js';

/** What the cache needs from the manager that owns it. */
export interface CacheContext {
  readonly chain: FallbackChain;
  readonly storage: SnapshotStorage;
  readonly events: Emitter<ManagerEvents>;
  readonly ttlMs: number;
  readonly staleWhileRevalidate: boolean;
  /** Data older than this is not served before the network had its say. */
  readonly maxStalenessMs: number;
  /** The longest any storage call may take before it is reported and bypassed. */
  readonly storageTimeoutMs: number;
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

/** A category as a load left it: what is held now, and what changed (`null`: nothing). */
export interface LoadedCategory {
  readonly entry: StoredCategory;
  readonly change: CategoryChange | null;
}

/**
 * What a fleet link (`src/fleet/fleet-link.ts`) does for the cache. Types only: the core carries
 * none of the fleet's code, only these two calls.
 */
export interface CacheFleet {
  /**
   * Before the chain: takes `category` from the fleet (through the cache's `accept`) and
   * resolves to what is held then, or to `undefined` when this manager reads its own chain.
   */
  load(category: Category, signal: AbortSignal): Promise<LoadedCategory | undefined>;
  /** After every accepted result, with the one it replaced. */
  accepted(result: CategoryResult, change: CategoryChange | null, before?: CategoryResult): void;
}

/**
 * The canonical records of one manager: fresh cache → last-known-good (served at once, refreshed
 * in the background) → persisted snapshot (warm start) → the fallback chain, with one request in
 * flight per category however many readers wait. Every swap is announced as `change` on the
 * manager's events and returned to the caller that made it.
 *
 * Every result carries the order in which its request started; one older than what is held is
 * dropped, so no reader ever sees a record go back to an older version.
 */
export class CategoryCache {
  readonly #store: CategoryStore;
  readonly #context: CacheContext;
  readonly #flights = new SingleFlight<string, LoadedCategory>();
  readonly #storageChecked = new Set<Category>();
  /** Why a category's stored snapshot could not be read, until a good answer replaces it. */
  readonly #storageProblems = new Map<Category, StorageError>();
  readonly #writes = new Set<Promise<void>>();
  /** The hash of what storage holds per category: an unchanged refresh writes nothing. */
  readonly #persisted = new Map<Category, string>();
  /** Categories read back from 0.1's key, whose old copy goes once the new one is written. */
  readonly #legacyKeys = new Set<Category>();
  #sequence = 0;
  /** Set by a coordinated manager: the fleet is asked before the chain and told what is taken. */
  fleet: CacheFleet | undefined;

  constructor(context: CacheContext) {
    this.#context = context;
    this.#store = new CategoryStore(context.now);
    context.closed.addEventListener('abort', () => this.#flights.abortAll(context.closed.reason), {
      once: true,
    });
  }

  /** The order number of a request starting now (delta sync takes one before it asks). */
  begin(): number {
    return ++this.#sequence;
  }

  /** Seeds last-known-good data (from the `snapshot` option); it is served until refreshed. */
  seed(result: CategoryResult): void {
    this.#accept({ ...result, fetchedAt: Math.min(result.fetchedAt, this.#context.now()) });
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

  /** Whether `result` is older than the maximum staleness. */
  isOld(result: CategoryResult): boolean {
    return this.#context.now() - result.fetchedAt > this.#context.maxStalenessMs;
  }

  /**
   * Starts a new TTL for data known to be unchanged (a change check found nothing), so a watched
   * manager keeps serving from memory instead of re-downloading every TTL.
   */
  renew(category: Category): void {
    this.#store.renew(category, this.#context.ttlMs);
  }

  /**
   * The records of `category`, from the cheapest place that has them. Data older than the
   * maximum staleness (a snapshot stored days ago) is served only after the network had its say.
   *
   * @throws {SourceUnavailableError} when no origin answers and nothing is cached or stored.
   */
  async get<C extends Category>(
    category: C,
    request: ChainRequest = {},
  ): Promise<CategoryRecords<C>> {
    const fresh = this.#store.fresh(category);
    if (fresh) return fresh.result.records as CategoryRecords<C>;
    const known = this.#store.lastKnownGood(category) ?? (await this.#warmStart(category));
    if (known) {
      if (this.#context.staleWhileRevalidate && !this.isOld(known.result)) {
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
    request: ChainRequest = {},
  ): Promise<Refreshed<C>> {
    const { entry, change } = await this.#fetch(category, request);
    return { records: entry.result.records as CategoryRecords<C>, change };
  }

  /**
   * Swaps in records obtained elsewhere (delta sync, a fleet's leader), exactly as a fetch would,
   * unless a newer result was swapped in since `result.sequence` was taken. `given`: the change
   * already computed from the records held (a leader's diff), announced instead of a new one.
   */
  accept(
    result: CategoryResult,
    via: CategoryChange['via'] = 'download',
    given?: CategoryChange | null,
  ): CategoryChange | null {
    const loaded = this.#accept(result, via, given);
    if (loaded.entry.result === result) this.#persist(result);
    return loaded.change;
  }

  /** Every loaded category's result, for a snapshot. */
  results(): CategoryResult[] {
    return [...this.#store.entries()].map(([, entry]) => entry.result);
  }

  /**
   * Waits for snapshot writes in progress, so a short-lived process does not lose them; a store
   * that does not answer is given up on after its deadline.
   */
  async flush(): Promise<void> {
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
  }

  /** Like `refresh`, but a failure with last-known-good data returns that data instead of throwing. */
  async #load(category: Category, request: ChainRequest): Promise<StoredCategory> {
    try {
      return (await this.#fetch(category, request)).entry;
    } catch (error) {
      const known = this.#store.lastKnownGood(category);
      if (!known || request.signal?.aborted) throw error;
      return known;
    }
  }

  #fetch(category: Category, request: ChainRequest): Promise<LoadedCategory> {
    // An explicit acceptance never rides on a read that would refuse what it accepts.
    const key = request.acceptSuspect ? `${category} accept` : category;
    return this.#flights.run(
      key,
      async (signal) => {
        const sequence = this.begin();
        try {
          const shared = await this.fleet?.load(category, signal);
          if (shared) return shared;
          const known = this.#store.lastKnownGood(category)?.result;
          const { result, attempts } = await this.#context.chain
            .load(category, { ...request, signal }, known)
            .catch((error: unknown) => {
              throw this.#withStorageAttempt(category, error);
            });
          if (attempts.length > 0) {
            this.#context.events.emit('fallback', { category, origin: result.origin, attempts });
          }
          const tagged = { ...result, sequence };
          const loaded = this.#accept(tagged);
          if (loaded.entry.result === tagged) this.#persist(tagged);
          return loaded;
        } catch (error) {
          if (!signal.aborted) this.#markStale(category, toError(error));
          throw error;
        }
      },
      request.signal,
    );
  }

  /** A failed read of a category whose stored snapshot was unreadable says so in its attempts. */
  #withStorageAttempt(category: Category, error: unknown): unknown {
    const problem = this.#storageProblems.get(category);
    if (!problem || !(error instanceof SourceUnavailableError)) return error;
    const stored: OriginAttempt = {
      origin: 'storage',
      url: null,
      outcome: 'failed',
      reason: problem.message,
      cause: problem,
    };
    return new SourceUnavailableError(category, [...error.attempts, stored], error.source);
  }

  #accept(
    result: CategoryResult,
    via: CategoryChange['via'] = 'download',
    given?: CategoryChange | null,
  ): LoadedCategory {
    const held = this.#store.lastKnownGood(result.category);
    // A request that started before the one whose answer is held brings older data: drop it.
    if (held && result.sequence < held.result.sequence) return { entry: held, change: null };
    Object.freeze(result.records);
    markSource(result.records, CANONICAL_SOURCE);
    for (const issue of result.issues) this.#context.events.emit('invalid-record', issue);
    const before = held?.result;
    const entry = this.#store.put(result, this.#context.ttlMs, this.#context.now());
    let change: CategoryChange | null = null;
    // Announced after the swap, so a listener reading the manager sees the new records.
    if (before && before.hash !== result.hash) {
      // Across kinds of origin (the PRIMARY's v2 against converted legacy data), a field only one
      // kind can carry (v2's metadata stamps) is not a change.
      const sameKind = (before.fetchedFrom === 'v2') === (result.fetchedFrom === 'v2');
      const diff =
        given === undefined
          ? diffCategoryRecords(before.records, result.records, { sameKind })
          : given;
      if (diff && !isEmptyDiff(diff)) {
        change = { category: result.category, via, ...diff };
        this.#context.events.emit('change', change);
      }
    }
    this.fleet?.accepted(result, change, before);
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
    const key = storageKey(category);
    try {
      const { storage, storageTimeoutMs, now } = this.#context;
      // 0.1 kept the category under another key: read it when the current one has nothing (the
      // next good answer is then written under the current key, and the old one removed).
      let text = await bounded(storage, 'get', key, storageTimeoutMs);
      const legacy = text === null || text === undefined;
      if (legacy)
        text = await bounded(storage, 'get', legacyStorageKey(category), storageTimeoutMs);
      const stored = parseStoredSnapshot(text, now());
      if (stored.kind === 'unreadable')
        throw new StorageError('get', key, `the stored snapshot is unreadable: ${stored.reason}`);
      // Invalid records are reported once their messages can be worded (lazy-issues.ts).
      if (stored.kind === 'ok' && stored.result.issues.length > 0) await issueMessagesReady();
      if (
        stored.kind === 'ok' &&
        stored.result.category === category &&
        !this.#store.lastKnownGood(category)
      ) {
        // Only a copy read back whole counts as persisted: a damaged one is rewritten by the next
        // good answer, even when that answer's body is the same.
        if (stored.result.issues.length === 0 && !legacy)
          this.#persisted.set(category, stored.result.hash);
        if (legacy) this.#legacyKeys.add(category);
        return this.#accept(stored.result).entry;
      }
    } catch (error) {
      const problem =
        error instanceof StorageError
          ? error
          : new StorageError('get', key, errorMessage(error), { cause: error });
      this.#storageProblems.set(category, problem);
      this.#context.events.emit('error', { category, origin: 'storage', error: problem });
    }
    return this.#store.lastKnownGood(category);
  }

  #persist(result: CategoryResult): void {
    // A worker refreshing every minute would otherwise rewrite the same megabyte each time.
    if (this.#persisted.get(result.category) === result.hash) return;
    this.#persisted.set(result.category, result.hash);
    const key = storageKey(result.category);
    const write = (async () => {
      const { storage, storageTimeoutMs } = this.#context;
      await bounded(storage, 'set', key, storageTimeoutMs, snapshotJson(result));
      this.#storageProblems.delete(result.category);
      // Not waited for: a store stuck on this cleanup never holds close() up.
      if (this.#legacyKeys.delete(result.category))
        Promise.resolve(legacyStorageKey(result.category))
          .then((old) => storage.delete(old))
          .catch(() => {});
    })()
      .catch((error: unknown) => {
        this.#persisted.delete(result.category);
        const problem =
          error instanceof StorageError
            ? error
            : new StorageError('set', key, errorMessage(error), { cause: error });
        this.#context.events.emit('error', {
          category: result.category,
          origin: 'storage',
          error: problem,
        });
      })
      .finally(() => this.#writes.delete(write));
    this.#writes.add(write);
  }
}
