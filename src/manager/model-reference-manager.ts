import { type ManagerSnapshot, managerSnapshot } from '../cache/snapshot.js';
import type { Category } from '../categories.js';
import { assertCategory, CATEGORIES } from '../categories.js';
import { type ChangesOptions, changeStream } from '../changes/change-stream.js';
import { type StopWatching, startWatch, type WatchOptions } from '../changes/watch.js';
import { ManagerClosedError } from '../errors/manager-closed-error.js';
import { ModelNotFoundError } from '../errors/model-not-found-error.js';
import type { ManagerEvents } from '../events.js';
import type { RequestOptions } from '../http/request-options.js';
import type { ModelProvider, SourceSelector } from '../providers/model-provider.js';
import type { QueryOf } from '../query/category-queries.js';
import type { SearchPage } from '../query/search.js';
import type { SearchAllParams, SearchParams } from '../query/search-params.js';
import { type CategoryStatistics, computeCategoryStatistics } from '../query/statistics.js';
import type { CategoryChange } from '../records/diff-records.js';
import { findRecordByName } from '../records/model-aliases.js';
import type { CategoryRecords, ModelRecord, RecordOf } from '../schemas/record-schemas.js';
import { Emitter, type Unsubscribe } from '../util/emitter.js';
import { toError } from '../util/to-error.js';
import { assembleManager, type ManagerParts } from './assemble.js';
import type { BaselineCatalogRead } from './baseline-catalog.js';
import { type CheckedCallOptions, checkCallOptions, type RefreshOptions } from './call-options.js';
import { type ModelReferenceManagerOptions, resolveManagerOptions } from './options.js';
import { buildStatus, type ManagerStatus } from './status.js';

/** Per-call options of reads that can combine the canonical reference with providers. */
export interface ReadOptions extends RequestOptions {
  /**
   * `'horde'` (canonical), `'any'`, a provider id, or an ordered list; the first listed wins a
   * name collision.
   * @default 'horde'
   */
  readonly source?: SourceSelector | undefined;
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
export class ModelReferenceManager {
  readonly #events = new Emitter<ManagerEvents>();
  readonly #closing = new AbortController();
  readonly #parts: ManagerParts;

  /**
   * @throws {InvalidOptionsError} when an option is unknown or out of range.
   */
  constructor(options: ModelReferenceManagerOptions = {}) {
    this.#parts = assembleManager(
      resolveManagerOptions(options),
      this.#events,
      this.#closing.signal,
    );
  }

  /**
   * The records of a category, keyed by name (null prototype, frozen).
   *
   * @example
   * ```ts
   * const models = await refs.getCategory('image_generation');
   * const beta = await refs.getCategory('image_generation', { source: ['pending', 'horde'] });
   * ```
   * @throws {UnknownCategoryError} before any request, for a name that is not a category.
   * @throws {UnknownSourceError} before any request, for a `source` that is not registered.
   * @throws {SourceUnavailableError} when no origin answers and no last-known-good data exists.
   * @throws {ManagerClosedError} after `close()`; {InvalidOptionsError} for invalid `options`.
   */
  async getCategory<C extends Category>(
    category: C,
    options: ReadOptions = {},
  ): Promise<CategoryRecords<C>> {
    const checked = this.#open('getCategory', options, ['source']);
    return this.#parts.reads.get(category, checked.source as SourceSelector | undefined, checked);
  }

  /**
   * One model by name.
   *
   * @throws {ModelNotFoundError} naming the category, the model and its closest names.
   * @throws {UnknownCategoryError} | {SourceUnavailableError} as {@link getCategory}.
   */
  async getModel<C extends Category>(
    category: C,
    name: string,
    options: ReadOptions = {},
  ): Promise<RecordOf<C>> {
    this.#open('getModel', options, ['source']);
    const record = await this.findModel(category, name, options);
    if (record) return record;
    // Only on the way to an error, loaded on first use: a found model costs no comparison and
    // the core's bundle no bytes. The records are those findModel just read (cached).
    const { closestMatches } = await import('../util/closest-matches.js');
    const names = Object.keys(await this.getCategory(category, options));
    throw new ModelNotFoundError(
      category,
      name,
      typeof name === 'string' ? closestMatches(name, names) : [],
    );
  }

  /**
   * One model by name (or by a deprecated alias of it: `control_qr_sdxl` finds `control_qr_xl`),
   * or `undefined`.
   *
   * @throws {UnknownCategoryError} | {SourceUnavailableError} as {@link getCategory}.
   */
  async findModel<C extends Category>(
    category: C,
    name: string,
    options: ReadOptions = {},
  ): Promise<RecordOf<C> | undefined> {
    this.#open('findModel', options, ['source']);
    const records = await this.getCategory(category, options);
    // Only a string (or a number, as JavaScript callers pass) can name a record; anything else
    // would be converted to a key, and an object whose conversion throws would escape untyped.
    const key: unknown = name;
    if (typeof key === 'number') return Object.hasOwn(records, key) ? records[key] : undefined;
    // A deprecated alias (control_qr_sdxl) finds its canonical record (control_qr_xl).
    return typeof key === 'string' ? findRecordByName(records, category, key) : undefined;
  }

  /**
   * Every category, read concurrently. A category no source could provide is reported in
   * `errors`; it never fails the others.
   */
  async getAll(options: ReadOptions = {}): Promise<AllCategories> {
    this.#open('getAll', options, ['source']);
    const settled = await Promise.allSettled(CATEGORIES.map((c) => this.getCategory(c, options)));
    const categories: Record<string, unknown> = {};
    const errors: Partial<Record<Category, Error>> = {};
    settled.forEach((outcome, index) => {
      const category = CATEGORIES[index] as Category;
      if (outcome.status === 'fulfilled') categories[category] = outcome.value;
      else errors[category] = toError(outcome.reason);
    });
    options.signal?.throwIfAborted();
    return { categories: categories as AllCategories['categories'], errors };
  }

  /**
   * Fetches a category now, ignoring the TTL. On failure the last-known-good records are kept
   * (marked stale) and the error is thrown. An answer that would empty or gut the category is a
   * failure too (`SuspectAnswerError` in the attempts) unless `acceptSuspect` is set.
   *
   * @example
   * ```ts
   * await refs.refresh('clip', { acceptSuspect: true }); // after a deliberate mass deletion
   * ```
   * @throws {UnknownCategoryError} | {SourceUnavailableError} | {ManagerClosedError}
   */
  async refresh<C extends Category>(
    category: C,
    options: RefreshOptions = {},
  ): Promise<CategoryRecords<C>> {
    const checked = this.#open('refresh', options, ['acceptSuspect']);
    return (await this.#parts.cache.refresh(assertCategory(category) as C, checked)).records;
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
    params: SearchParams<C> = {},
    options: RequestOptions = {},
  ): Promise<SearchPage<RecordOf<C>>> {
    return this.#parts.reads.search(category, params, this.#open('search', options));
  }

  /**
   * Searches every category as `GET /model_references/v2/search` does (a name in two categories is
   * kept from the first one only). Categories no source can provide are left out, as on the server.
   *
   * @throws {InvalidSearchParamsError} before any request.
   */
  async searchAll(
    params: SearchAllParams = {},
    options: RequestOptions = {},
  ): Promise<SearchPage<ModelRecord>> {
    return this.#parts.reads.searchAll(params, this.#open('searchAll', options));
  }

  /**
   * A typed, immutable query builder over a category (`ImageQuery`, `TextQuery`,
   * `ControlnetQuery`, or `ModelQuery`), knowing which source each record came from.
   *
   * @example
   * ```ts
   * const q = await refs.query('text_generation');
   * q.quantized(false).where('parameters', 'gte', 7e9).orderBy('name').limit(5).toArray();
   * ```
   */
  async query<C extends Category>(category: C, options: ReadOptions = {}): Promise<QueryOf<C>> {
    const checked = this.#open('query', options, ['source']);
    return this.#parts.reads.query(category, checked.source as SourceSelector | undefined, checked);
  }

  /**
   * The server's `CategoryStatistics` for a category, computed locally from the records read
   * (see `computeCategoryStatistics`). A category with no records gives zeros (counts 0,
   * distributions empty) where the server answers 404.
   *
   * @example
   * ```ts
   * (await refs.statistics('image_generation')).nsfw_count;
   * ```
   */
  async statistics<C extends Category>(
    category: C,
    options: ReadOptions = {},
  ): Promise<CategoryStatistics> {
    this.#open('statistics', options, ['source']);
    return computeCategoryStatistics(category, await this.getCategory(category, options));
  }

  /**
   * Adds a source of extra records (`staticProvider`, `pendingProvider`, or your own), read when a
   * call's `source` names it or is `any`. A failing or slow provider never breaks canonical reads.
   *
   * @throws {InvalidOptionsError} for an empty, reserved (`horde`, `any`) or duplicate id
   * (unless `replace: true`).
   */
  registerProvider(provider: ModelProvider, options: { readonly replace?: boolean } = {}): void {
    this.#parts.providers.register(provider, options);
  }

  /** Removes a provider; `false` when none had that id. */
  unregisterProvider(id: string): boolean {
    return this.#parts.providers.unregister(id);
  }

  /** The registered providers, in registration order (the order `any` uses). */
  listProviders(): ModelProvider[] {
    return this.#parts.providers.list();
  }

  /**
   * Listens to `fallback`, `stale`, `invalid-record`, `change` or `error`. A listener may be
   * `async`: if its promise rejects, that is an `error` event, never an unhandled rejection.
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
    listener: (payload: ManagerEvents[E]) => unknown,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  /** Where each loaded category came from and how old it is, and each source's counters. */
  status(): ManagerStatus {
    const { cache, chain, link } = this.#parts;
    return buildStatus(cache, chain, Date.now(), link);
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
  async checkForUpdates(options: RequestOptions = {}): Promise<CategoryChange[]> {
    const checked = this.#open('checkForUpdates', options);
    return (await this.#parts.detector()).check(checked);
  }

  /**
   * Runs {@link checkForUpdates} every `intervalMs` (jittered) until the returned function is
   * called, `signal` aborts or the manager closes. Failures are emitted as `error`.
   *
   * A watch keeps the process alive (as `setInterval` does) until one of those stops it: a script
   * that only watches keeps running. Pass `unref: true` to let the process exit when nothing else
   * keeps it (Node and Bun).
   *
   * @example
   * ```ts
   * refs.on('change', ({ category, added }) => console.log(category, 'added', added));
   * const stop = refs.watch({ intervalMs: 30_000 });
   * refs.watch({ intervalMs: 30_000, unref: true }); // never holds the process open
   * ```
   * @throws {InvalidOptionsError} for an unknown option, an `intervalMs` outside 100 to 2^31−1,
   * a `signal` that is not an AbortSignal, or an `unref` that is not a boolean.
   */
  watch(options: WatchOptions = {}): StopWatching {
    this.#open('watch', undefined);
    return startWatch(
      {
        check: async (signal) => (await this.#parts.detector()).check({ signal }),
        onError: (error) => this.#events.emit('error', { error: toError(error) }),
        closed: this.#closing.signal,
      },
      options,
    );
  }

  /**
   * The `change` events as an async iterator, beside `on('change')`: it listens from this call on,
   * keeps every event until the loop reads it (up to `bufferSize`, 1,000 by default; one more ends
   * the loop with `ChangeBufferOverflowError` after the held ones, rather than drop one), and ends
   * when the loop leaves (`break`), `signal` aborts (at once), or the manager closes (after the
   * events already held). It never keeps a listener after it ends. Changes come from
   * {@link checkForUpdates}, {@link watch} and refreshes.
   *
   * @example
   * ```ts
   * refs.watch({ intervalMs: 60_000, signal });
   * for await (const { category, added, removed, changed } of refs.changes({ signal })) {
   *   console.log(category, added, removed, changed.map((c) => c.name));
   * }
   * ```
   * @throws {ManagerClosedError} after `close()`.
   * @throws {InvalidOptionsError} for an unknown option, a `bufferSize` outside 1 to 100,000 or a
   * `signal` that is not an AbortSignal.
   */
  changes(options: ChangesOptions = {}): AsyncIterableIterator<CategoryChange> {
    this.#open('changes', undefined);
    const subscribe = (listener: (change: CategoryChange) => void) =>
      this.#events.on('change', listener);
    return changeStream(subscribe, this.#closing.signal, options);
  }

  /**
   * Every loaded category with its provenance, JSON-serialisable. Pass it as the `snapshot`
   * option to start another manager with no network at all.
   */
  async exportSnapshot(): Promise<ManagerSnapshot> {
    const baselines = this.#parts.loadedBaselines()?.held() ?? undefined;
    return managerSnapshot(this.#parts.cache.results(), Date.now(), baselines);
  }

  /**
   * The image baseline catalog: which baselines exist, their native resolution, alternative names
   * and capabilities. The PRIMARY's catalog (8.x servers) is kept like a category (fresh for the
   * TTL, refreshed with `If-None-Match`, persisted to `storage`, in snapshots); the copy bundled
   * with this release stands in when the PRIMARY has none (a 7.6 server: the feature is simply not
   * there) or cannot be reached. `origin` and `reason` say which. Never throws for the network.
   *
   * @example
   * ```ts
   * const { catalog, origin } = await refs.baselineCatalog();
   * const picked = selectModels(await refs.getCategory('image_generation'), { baselineCatalog: catalog });
   * ```
   * @throws {ManagerClosedError} after `close()`; {InvalidOptionsError} for invalid `options`.
   */
  async baselineCatalog(options: RequestOptions = {}): Promise<BaselineCatalogRead> {
    const checked = this.#open('baselineCatalog', options);
    return (await this.#parts.baselines()).get(checked);
  }

  /**
   * Stops background work and timers, aborts requests in flight, and waits for snapshot writes
   * in progress to finish (so a script that closes and exits keeps its cache). Idempotent.
   */
  async close(): Promise<void> {
    this.#closing.abort(new DOMException('The manager was closed', 'AbortError'));
    await Promise.all([this.#parts.cache.flush(), this.#parts.link?.close()]);
  }

  /**
   * Checks that the manager is open and that `options` are per-call options of `method`.
   *
   * @throws {ManagerClosedError} after `close()`.
   * @throws {InvalidOptionsError} for options that are not an object of known, valid options.
   */
  #open(method: string, options: unknown, extra: readonly string[] = []): CheckedCallOptions {
    if (this.#closing.signal.aborted) throw new ManagerClosedError(method);
    return checkCallOptions(options, extra);
  }

  /** `await using refs = new ModelReferenceManager()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
