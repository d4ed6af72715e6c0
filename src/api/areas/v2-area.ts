import * as z from 'zod/mini';
import { assertCategory, type Category } from '../../categories.js';
import { isApiError } from '../../errors/api-error.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import { ModelNotFoundError } from '../../errors/model-not-found-error.js';
import type { SearchPage } from '../../query/search.js';
import {
  type SearchAllParams,
  type SearchParams,
  toSearchQuery,
  validateSearchParams,
} from '../../query/search-params.js';
import {
  type ModelRecord,
  type ParsedCategory,
  parseCategoryRecords,
  parseRecord,
  type RecordOf,
} from '../../schemas/index.js';
import type { ApiCallOptions } from '../call-options.js';
import { type ApiRoute, read, V2, write } from '../route.js';
import type { Call } from '../transport.js';
import { type PendingChangeRecord, pendingChangeSchema } from '../types/pending.js';
import {
  combinedStatisticsSchema,
  type HeartbeatResponse,
  type MessageResponse,
  messageSchema,
  objectSchema,
  type PopularModelResult,
  searchResponseSchema,
  stringListSchema,
} from '../types/service.js';
import { checkAddressable, checkRecordForWrite } from '../write-checks.js';

const routes = {
  info: read(`${V2}/info`),
  categories: read(`${V2}/model_categories`),
  getCategory: read(`${V2}/{category}`),
  getModel: read(`${V2}/{category}/model/{name}`),
  pending: read(`${V2}/{category}/pending`, 'reader'),
  create: write('POST', `${V2}/{category}`, 'requestor'),
  add: write('POST', `${V2}/{category}/add`, 'requestor'),
  update: write('PUT', `${V2}/{category}/model/{name}`, 'requestor'),
  delete: write('DELETE', `${V2}/{category}/model/{name}`, 'requestor'),
  search: read(`${V2}/{category}/search`),
  searchAll: read(`${V2}/search`),
  popular: read(`${V2}/{category}/popular`),
};
/** The v2 routes, by client method. */
export const V2_ROUTES: Readonly<Record<string, ApiRoute>> = routes;

/** Options of `v2.popular`. */
export interface PopularParams {
  /** 1–100. @default 10 */
  readonly limit?: number;
  /** @default 'worker_count' */
  readonly sortBy?: 'worker_count' | 'usage_day' | 'usage_month' | 'usage_total';
  /** @default false */
  readonly includeWorkers?: boolean;
}

/**
 * Popular models, or why there are none: the server answers 500 when AI-Horde is unreachable and
 * it has nothing cached, which an empty list would hide.
 */
export type PopularModels<R> =
  | { readonly available: true; readonly models: PopularModelResult<R>[] }
  | {
      readonly available: false;
      readonly models: PopularModelResult<R>[];
      /** The PRIMARY's `/heartbeat` says AI-Horde is degraded (`null`: it could not be asked). */
      readonly degraded: boolean | null;
      readonly reason: string;
    };

/** Categories with popularity figures. */
export type PopularCategory = 'image_generation' | 'text_generation';

/** `client.v2`: reads, writes (queued, 202), search and popular. */
export interface V2Area {
  /** The v2 API's banner. */
  info(options?: ApiCallOptions): Promise<MessageResponse>;
  /** Categories the v2 API lists (lora and ti are left out by the server). */
  categories(options?: ApiCallOptions): Promise<string[]>;
  /** A category, validated record by record (invalid records are in `issues`). */
  getCategory<C extends Category>(
    category: C,
    options?: ApiCallOptions,
  ): Promise<ParsedCategory<C>>;
  /**
   * One model. Names containing `/` cannot be addressed by the server's route: they are read from
   * the category instead.
   * @throws {ModelNotFoundError} when the category has no such model.
   */
  getModel<C extends Category>(
    category: C,
    name: string,
    options?: ApiCallOptions,
  ): Promise<RecordOf<C>>;
  /** Creates and updates waiting in the pending queue (reader role). */
  pending<C extends Category>(category: C, options?: ApiCallOptions): Promise<ParsedCategory<C>>;
  /** Queues a create (typed route). @throws {InvalidOptionsError} for an invalid record. */
  create<C extends Category>(
    category: C,
    record: unknown,
    options?: ApiCallOptions,
  ): Promise<PendingChangeRecord>;
  /** Queues a create through the generic `/add` route. */
  add<C extends Category>(
    category: C,
    record: unknown,
    options?: ApiCallOptions,
  ): Promise<PendingChangeRecord>;
  /** Queues an update. @throws {InvalidOptionsError} for a name with `/` or a name mismatch. */
  update<C extends Category>(
    category: C,
    name: string,
    record: unknown,
    options?: ApiCallOptions,
  ): Promise<PendingChangeRecord>;
  /** Queues a delete. @throws {InvalidOptionsError} for a name with `/`. */
  delete(category: Category, name: string, options?: ApiCallOptions): Promise<PendingChangeRecord>;
  /** The server's search; the same parameters as the local `manager.search`. */
  search<C extends Category>(
    category: C,
    params?: SearchParams,
    options?: ApiCallOptions,
  ): Promise<SearchPage<RecordOf<C>>>;
  /** The server's cross-category search; the same parameters as `manager.searchAll`. */
  searchAll(params?: SearchAllParams, options?: ApiCallOptions): Promise<SearchPage<ModelRecord>>;
  /** The most used models with their AI-Horde figures, or why there are none. @throws {InvalidOptionsError} for a category other than image_generation and text_generation. */
  popular<C extends PopularCategory>(
    category: C,
    params?: PopularParams,
    options?: ApiCallOptions,
  ): Promise<PopularModels<RecordOf<C>>>;
}

const popularSchema = z.array(
  z.looseObject({ name: z.string(), record: z.unknown(), stats: combinedStatisticsSchema }),
);

/** Builds `client.v2`. */
export function v2Area(
  call: Call,
  heartbeat: (options?: ApiCallOptions) => Promise<HeartbeatResponse>,
): V2Area {
  const signal = (options?: ApiCallOptions) => options?.signal;
  const parsedCategory = async <C extends Category>(
    route: typeof routes.getCategory,
    category: C,
    options?: ApiCallOptions,
  ) =>
    parseCategoryRecords(
      category,
      await call(route, {
        params: { category: assertCategory(category) },
        schema: objectSchema,
        signal: signal(options),
      }),
    );
  const records = <C extends Category>(category: C, raw: readonly unknown[]): RecordOf<C>[] =>
    raw.flatMap((item) => {
      const parsed = parseRecord(category, item);
      return parsed.ok ? [parsed.record] : [];
    });
  const page = <R>(
    raw: { results: unknown[]; total: number; offset: number; limit: number; has_more: boolean },
    results: R[],
  ): SearchPage<R> => ({
    results,
    total: raw.total,
    offset: raw.offset,
    limit: raw.limit,
    hasMore: raw.has_more,
  });
  const queue = (
    route: typeof routes.create,
    params: Record<string, string>,
    body: unknown,
    options?: ApiCallOptions,
  ) => call(route, { params, body, schema: pendingChangeSchema, signal: signal(options) });

  return {
    info: (options) => call(routes.info, { schema: messageSchema, signal: signal(options) }),
    categories: (options) =>
      call(routes.categories, { schema: stringListSchema, signal: signal(options) }),
    getCategory: (category, options) => parsedCategory(routes.getCategory, category, options),
    pending: (category, options) => parsedCategory(routes.pending, category, options),
    async getModel(category, name, options) {
      assertCategory(category);
      if (name.includes('/')) {
        const { records: all } = await parsedCategory(routes.getCategory, category, options);
        if (!Object.hasOwn(all, name)) throw new ModelNotFoundError(category, name);
        return all[name] as RecordOf<typeof category>;
      }
      try {
        const raw = await call(routes.getModel, {
          params: { category, name },
          schema: z.unknown(),
          signal: signal(options),
        });
        const parsed = parseRecord(category, raw);
        if (!parsed.ok)
          throw new InvalidOptionsError(
            'name',
            `the server's record for "${name}" is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          );
        return parsed.record;
      } catch (error) {
        if (isApiError(error) && error.status === 404) throw new ModelNotFoundError(category, name);
        throw error;
      }
    },
    create: (category, record, options) =>
      queue(
        routes.create,
        { category: assertCategory(category) },
        checkRecordForWrite(category, record),
        options,
      ),
    add: (category, record, options) =>
      queue(
        routes.add,
        { category: assertCategory(category) },
        checkRecordForWrite(category, record),
        options,
      ),
    update(category, name, record, options) {
      checkAddressable(name, 'update');
      const body = checkRecordForWrite(category, record);
      if (body.name !== name)
        throw new InvalidOptionsError(
          'record.name',
          `"${body.name}" differs from the name in the path, "${name}" (the server answers 400)`,
        );
      return queue(routes.update, { category: assertCategory(category), name }, body, options);
    },
    delete(category, name, options) {
      checkAddressable(name, 'delete');
      return queue(routes.delete, { category: assertCategory(category), name }, undefined, options);
    },
    async search(category, params = {}, options) {
      validateSearchParams(assertCategory(category), params);
      const raw = await call(routes.search, {
        params: { category },
        query: toSearchQuery(params),
        schema: searchResponseSchema,
        signal: signal(options),
      });
      return page(raw, records(category, raw.results));
    },
    async searchAll(params = {}, options) {
      validateSearchParams('all', params);
      const raw = await call(routes.searchAll, {
        query: toSearchQuery(params),
        schema: searchResponseSchema,
        signal: signal(options),
      });
      const results = raw.results.flatMap((item) => {
        const type = (item as { record_type?: unknown } | null)?.record_type;
        const parsed = typeof type === 'string' ? parseRecord(type as Category, item) : null;
        return parsed?.ok ? [parsed.record as ModelRecord] : [];
      });
      return page(raw, results);
    },
    async popular(category, params = {}, options) {
      if (category !== 'image_generation' && category !== 'text_generation')
        throw new InvalidOptionsError(
          'category',
          `popular models exist for image_generation and text_generation only, not ${String(category)}`,
        );
      const query = {
        limit: params.limit,
        sort_by: params.sortBy,
        include_workers: params.includeWorkers,
      };
      try {
        const raw = await call(routes.popular, {
          params: { category },
          query,
          schema: popularSchema,
          signal: signal(options),
        });
        const models = raw.flatMap((item) => {
          const parsed = parseRecord(category, item.record);
          return parsed.ok ? [{ name: item.name, record: parsed.record, stats: item.stats }] : [];
        });
        return { available: true, models };
      } catch (error) {
        if (!isApiError(error) || error.status < 500) throw error;
        const degraded = await heartbeat(options).then(
          (h) => h.ai_horde.degraded,
          () => null,
        );
        return { available: false, models: [], degraded, reason: error.detail };
      }
    },
  };
}
