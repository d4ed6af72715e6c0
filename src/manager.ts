import { fromSnapshot, type ManagerSnapshot, toSnapshot } from './cache/snapshot.js';
import { memoryStorage } from './cache/storage.js';
import type { Category } from './categories.js';
import { assertCategory, CATEGORIES } from './categories.js';
import { ChangeDetector } from './changes/change-detector.js';
import type { CategoryChange } from './changes/diff-records.js';
import { type StopWatching, startWatch, type WatchOptions } from './changes/watch.js';
import { ModelNotFoundError } from './errors/model-not-found-error.js';
import { createHttpClient } from './http/http-client.js';
import { primaryUrls } from './http/primary-urls.js';
import { CategoryLoader } from './manager/category-loader.js';
import { Emitter, type ManagerEvents, type Unsubscribe } from './manager/events.js';
import {
  DEFAULT_PRIMARY_URL,
  type ModelReferenceManagerOptions,
  validateOptions,
} from './manager/options.js';
import { buildStatus, type ManagerStatus } from './manager/status.js';
import { createQuery, type QueryOf } from './query/category-queries.js';
import { type SearchPage, searchAcrossCategories, searchRecords } from './query/search.js';
import {
  type SearchAllParams,
  type SearchParams,
  validateSearchParams,
} from './query/search-params.js';
import { type CategoryStatistics, computeCategoryStatistics } from './query/statistics.js';
import type { CategoryRecords, ModelRecord, RecordOf } from './schemas/index.js';
import { CircuitBreaker } from './sources/circuit-breaker.js';
import { configuredSources } from './sources/configured-sources.js';
import { FallbackChain } from './sources/fallback-chain.js';

/** Per-call options of every async method. */
export interface CallOptions {
  /** Aborts the call; an abort never falls through to the next source. */
  readonly signal?: AbortSignal | undefined;
}

/** What `getAll()` returns: every category that could be read, and why the others could not. */
export interface AllCategories {
  readonly categories: Partial<{ [C in Category]: CategoryRecords<C> }>;
  readonly errors: Partial<Record<Category, Error>>;
}

/**
 * The model reference, cached and kept fresh: reads each category from the PRIMARY's v2 API,
 * falls back to its v1 API, then to the raw GitHub legacy files, then to the last-known-good
 * snapshot, and never throws away good data because a source failed.
 *
 * @example
 * ```ts
 * const refs = new ModelReferenceManager();
 * const sdxl = await refs.getModel('image_generation', 'AlbedoBase XL (SDXL)');
 * refs.on('stale', ({ category, error }) => console.warn(category, 'served stale:', error.message));
 * ```
 */
export class ModelReferenceManager implements AsyncDisposable {
  readonly #events = new Emitter<ManagerEvents>();
  readonly #closing = new AbortController();
  readonly #chain: FallbackChain;
  readonly #loader: CategoryLoader;
  readonly #ttlMs: number;
  readonly #detector: ChangeDetector;

  /**
   * @throws {InvalidOptionsError} when an option is unknown or out of range.
   */
  constructor(options: ModelReferenceManagerOptions = {}) {
    validateOptions(options);
    const now = () => Date.now();
    const primaryUrl = options.primaryUrl === undefined ? DEFAULT_PRIMARY_URL : options.primaryUrl;
    const http = createHttpClient({
      primaryUrl,
      apiKey: options.apiKey,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      clientAgent: options.clientAgent,
    });
    const sources = configuredSources(options, http, primaryUrl, now);
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#chain = new FallbackChain(sources, new CircuitBreaker(options.circuitBreaker, now), now);
    this.#loader = new CategoryLoader({
      chain: this.#chain,
      storage: options.storage ?? memoryStorage(),
      events: this.#events,
      ttlMs: this.#ttlMs,
      staleWhileRevalidate: options.staleWhileRevalidate ?? true,
      closed: this.#closing.signal,
      now,
    });
    this.#detector = new ChangeDetector({
      http,
      urls: primaryUrl ? primaryUrls(primaryUrl) : null,
      loader: this.#loader,
      events: this.#events,
      ttlMs: this.#ttlMs,
      now,
    });
    for (const snapshot of options.snapshot?.categories ?? []) {
      const result = fromSnapshot(snapshot);
      if (result) this.#loader.seed(result);
    }
  }

  /**
   * The records of a category, keyed by name (null prototype, frozen).
   *
   * @example
   * ```ts
   * const models = await refs.getCategory('image_generation');
   * Object.keys(models).length;
   * ```
   * @throws {UnknownCategoryError} before any request, for a name that is not a category.
   * @throws {SourceUnavailableError} when no source answers and no last-known-good data exists.
   */
  async getCategory<C extends Category>(
    category: C,
    options: CallOptions = {},
  ): Promise<CategoryRecords<C>> {
    return this.#loader.get(assertCategory(category) as C, options.signal);
  }

  /**
   * One model by name.
   *
   * @throws {ModelNotFoundError} naming the category and the model.
   * @throws {UnknownCategoryError} | {SourceUnavailableError} as {@link getCategory}.
   */
  async getModel<C extends Category>(
    category: C,
    name: string,
    options: CallOptions = {},
  ): Promise<RecordOf<C>> {
    const record = await this.findModel(category, name, options);
    if (!record) throw new ModelNotFoundError(category, name);
    return record;
  }

  /**
   * One model by name, or `undefined`.
   *
   * @throws {UnknownCategoryError} | {SourceUnavailableError} as {@link getCategory}.
   */
  async findModel<C extends Category>(
    category: C,
    name: string,
    options: CallOptions = {},
  ): Promise<RecordOf<C> | undefined> {
    const records = await this.getCategory(category, options);
    return Object.hasOwn(records, name) ? records[name] : undefined;
  }

  /**
   * Every category, read concurrently. A category no source could provide is reported in
   * `errors`; it never fails the others.
   */
  async getAll(options: CallOptions = {}): Promise<AllCategories> {
    const settled = await Promise.allSettled(CATEGORIES.map((c) => this.getCategory(c, options)));
    const categories: Record<string, unknown> = {};
    const errors: Partial<Record<Category, Error>> = {};
    settled.forEach((outcome, index) => {
      const category = CATEGORIES[index] as Category;
      if (outcome.status === 'fulfilled') categories[category] = outcome.value;
      else
        errors[category] =
          outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason));
    });
    options.signal?.throwIfAborted();
    return { categories: categories as AllCategories['categories'], errors };
  }

  /**
   * Fetches a category now, ignoring the TTL. On failure the last-known-good records are kept
   * (marked stale) and the error is thrown.
   *
   * @throws {UnknownCategoryError} | {SourceUnavailableError}
   */
  async refresh<C extends Category>(
    category: C,
    options: CallOptions = {},
  ): Promise<CategoryRecords<C>> {
    return this.#loader.refresh(assertCategory(category) as C, options.signal);
  }

  /**
   * Searches one category locally, with the same answers as the PRIMARY's
   * `GET /model_references/v2/{category}/search` (see the README's search semantics).
   *
   * @example
   * ```ts
   * const { results, total } = await refs.search('image_generation', { baseline: 'stable_diffusion_xl', nsfw: false, sortBy: 'name' });
   * ```
   * @throws {InvalidSearchParamsError} before any request, for parameters the server would reject.
   */
  async search<C extends Category>(
    category: C,
    params: SearchParams = {},
    options: CallOptions = {},
  ): Promise<SearchPage<RecordOf<C>>> {
    validateSearchParams(assertCategory(category), params);
    return searchRecords(category, await this.getCategory(category, options), params);
  }

  /**
   * Searches every category as `GET /model_references/v2/search` does (a name in two categories is
   * kept from the first one only). Categories no source can provide are left out, as on the server.
   *
   * @throws {InvalidSearchParamsError} before any request.
   */
  async searchAll(
    params: SearchAllParams = {},
    options: CallOptions = {},
  ): Promise<SearchPage<ModelRecord>> {
    validateSearchParams('all', params);
    return searchAcrossCategories((await this.getAll(options)).categories, params);
  }

  /**
   * A typed, immutable query builder over a category (`ImageQuery`, `TextQuery`,
   * `ControlnetQuery`, or `ModelQuery`).
   *
   * @example
   * ```ts
   * const q = await refs.query('text_generation');
   * q.quantized(false).where('parameters', 'gte', 7e9).orderBy('name').limit(5).toArray();
   * ```
   */
  async query<C extends Category>(category: C, options: CallOptions = {}): Promise<QueryOf<C>> {
    return createQuery(category, await this.getCategory(category, options));
  }

  /** The server's `CategoryStatistics` for a category, computed locally. */
  async statistics<C extends Category>(
    category: C,
    options: CallOptions = {},
  ): Promise<CategoryStatistics> {
    return computeCategoryStatistics(category, await this.getCategory(category, options));
  }

  /**
   * Listens to `fallback`, `stale`, `invalid-record`, `change` or `error`.
   *
   * @returns a function that removes the listener.
   * @example
   * ```ts
   * const off = refs.on('fallback', ({ category, origin }) => console.log(category, 'from', origin));
   * off();
   * ```
   */
  on<E extends keyof ManagerEvents>(
    event: E,
    listener: (payload: ManagerEvents[E]) => void,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  /** Where each loaded category came from and how old it is, and each source's counters. */
  status(): ManagerStatus {
    return buildStatus(this.#loader.store, this.#chain, Date.now());
  }

  /**
   * Asks the PRIMARY what changed since the last check and applies it to the loaded categories:
   * one tiny request when nothing changed, one model request for a single write, a category
   * download otherwise (see the README's change detection). Each change is also emitted as
   * `change`.
   *
   * @example
   * ```ts
   * for (const { category, added, removed, changed } of await refs.checkForUpdates()) {
   *   console.log(category, added, removed, changed.map((c) => c.name));
   * }
   * ```
   */
  async checkForUpdates(options: CallOptions = {}): Promise<CategoryChange[]> {
    return this.#detector.check(options.signal);
  }

  /**
   * Runs {@link checkForUpdates} every `intervalMs` (jittered) until the returned function is
   * called, `signal` aborts or the manager closes. Failures are emitted as `error`.
   *
   * @example
   * ```ts
   * refs.on('change', ({ category, added }) => console.log(category, 'added', added));
   * const stop = refs.watch({ intervalMs: 30_000 });
   * ```
   * @throws {InvalidOptionsError} when `intervalMs` is below 100.
   */
  watch(options: WatchOptions = {}): StopWatching {
    return startWatch(
      {
        check: (signal) => this.#detector.check(signal),
        onError: (error) =>
          this.#events.emit('error', {
            error: error instanceof Error ? error : new Error(String(error)),
          }),
        closed: this.#closing.signal,
      },
      options,
    );
  }

  /**
   * Every loaded category with its provenance, JSON-serialisable. Pass it as the `snapshot`
   * option to start another manager with no network at all.
   */
  async exportSnapshot(): Promise<ManagerSnapshot> {
    const categories = [...this.#loader.store.entries()].map(([, entry]) =>
      toSnapshot(entry.result),
    );
    return {
      format: 'horde-model-reference/snapshot',
      version: 1,
      createdAt: Date.now(),
      categories,
    };
  }

  /** Stops background work and timers, and aborts requests in flight. Idempotent. */
  async close(): Promise<void> {
    this.#closing.abort(new DOMException('The manager was closed', 'AbortError'));
  }

  /** `await using refs = new ModelReferenceManager()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
