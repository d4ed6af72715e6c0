import type { CategoryCache } from '../cache/category-cache.js';
import { assertCategory, type Category } from '../categories.js';
import type { RequestOptions } from '../http/request-options.js';
import type { SourceSelector } from '../providers/model-provider.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import { resolveSources } from '../providers/source-selector.js';
import { readSources, type SourcedCategory } from '../providers/sourced-reader.js';
import { createQuery, type QueryOf } from '../query/category-queries.js';
import { recordList } from '../query/record-list.js';
import { runSearch, SEARCH_ALL_CATEGORIES, type SearchPage } from '../query/search.js';
import {
  type SearchAllParams,
  type SearchParams,
  validateSearchParams,
} from '../query/search-params.js';
import { CANONICAL_SOURCE } from '../records/provenance.js';
import type { CategoryRecords, ModelRecord, RecordOf } from '../schemas/record-schemas.js';

/**
 * The manager's reads that may combine the canonical reference with providers. With the default
 * source (`horde` alone) they go straight to the cache, so the common path copies nothing.
 */
export class SourcedReads {
  readonly #cache: CategoryCache;
  readonly #providers: ProviderRegistry;

  constructor(cache: CategoryCache, providers: ProviderRegistry) {
    this.#cache = cache;
    this.#providers = providers;
  }

  /** Validates the category and the selector before any work. */
  sources(category: Category, source: SourceSelector | undefined): string[] {
    assertCategory(category);
    return resolveSources(source, this.#providers.ids());
  }

  async get<C extends Category>(
    category: C,
    source: SourceSelector | undefined,
    request: RequestOptions,
  ): Promise<CategoryRecords<C>> {
    // The common read (no source named) goes straight to the cache.
    if (source === undefined) return this.#cache.get(assertCategory(category) as C, request);
    const ids = this.sources(category, source);
    if (ids.length === 1 && ids[0] === CANONICAL_SOURCE) return this.#cache.get(category, request);
    return (await this.read(category, ids, request)).records as CategoryRecords<C>;
  }

  read<C extends Category>(
    category: C,
    ids: readonly string[],
    request: RequestOptions,
  ): Promise<SourcedCategory<RecordOf<C>>> {
    const canonical = {
      read: (c: Category, r: RequestOptions) => this.#cache.get(c, r),
      entry: (c: Category) => this.#cache.entry(c),
    };
    return readSources(category, ids, canonical, this.#providers, request);
  }

  async search<C extends Category>(
    category: C,
    params: SearchParams,
    request: RequestOptions,
  ): Promise<SearchPage<RecordOf<C>>> {
    const valid = validateSearchParams(assertCategory(category), params);
    const { layers } = await this.read(category, this.sources(category, params.source), request);
    // Every source's records in order: the server filters first, then keeps each name's first.
    return runSearch(
      layers.length === 1
        ? recordList(layers[0]?.records ?? {})
        : layers.flatMap((layer) => recordList(layer.records)),
      valid,
      layers.length === 1,
    );
  }

  async searchAll(
    params: SearchAllParams,
    request: RequestOptions,
  ): Promise<SearchPage<ModelRecord>> {
    const valid = validateSearchParams('all', params);
    const ids = resolveSources(params.source, this.#providers.ids());
    const read = await Promise.allSettled(
      SEARCH_ALL_CATEGORIES.map((category) => this.read(category, ids, request)),
    );
    request.signal?.throwIfAborted();
    // Categories no source can provide are left out, as on the server.
    const records = read.flatMap((outcome) =>
      outcome.status === 'fulfilled'
        ? outcome.value.layers.flatMap((layer) => recordList(layer.records) as ModelRecord[])
        : [],
    );
    // A search of providers only that read nothing because they failed says why.
    const failed = read.find((outcome) => outcome.status === 'rejected');
    if (failed && records.length === 0 && !ids.includes(CANONICAL_SOURCE)) throw failed.reason;
    return runSearch(records, valid);
  }

  async query<C extends Category>(
    category: C,
    source: SourceSelector | undefined,
    request: RequestOptions,
  ): Promise<QueryOf<C>> {
    const read = await this.read(category, this.sources(category, source), request);
    return createQuery(category, read.records as CategoryRecords<C>, read.layers);
  }
}
