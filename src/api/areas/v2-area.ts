import { assertCategory, type Category, isCategory } from '../../categories.js';
import { isApiError } from '../../errors/api-error.js';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import { ModelNotFoundError } from '../../errors/model-not-found-error.js';
import type { RequestOptions } from '../../http/request-options.js';
import { V2_ROUTES } from '../../http/routes.js';
import type { SearchPage } from '../../query/search.js';
import {
  type SearchAllParams,
  type SearchParams,
  toSearchQuery,
  validateSearchParams,
} from '../../query/search-params.js';
import { findRecordByName, modelNameCandidates } from '../../records/model-aliases.js';
import { dropNonModelPendingEntries } from '../../records/pending-resources.js';
import {
  frozenRecordSchema,
  type ParsedCategory,
  parseCategoryRecords,
  type RecordIssue,
} from '../../schemas/parse-records.js';
import type { ModelRecord, RecordOf } from '../../schemas/record-schemas.js';
import type { Call } from '../call.js';
import { type PageOptions, readPages } from '../pages.js';
import { crossSortRefusal, sortRefusal } from '../search-refusal.js';
import { type PendingChangeRecord, pendingChangeSchema } from '../types/pending.js';
import {
  type HeartbeatResponse,
  type MessageResponse,
  messageSchema,
  objectSchema,
  searchResponseSchema,
  stringListSchema,
} from '../types/service.js';
import { validateResults } from '../validated-results.js';
import { checkAddressable, checkRecordForWrite, checkWriteTarget } from '../write-checks.js';
import {
  type PopularCategory,
  type PopularModels,
  type PopularParams,
  popularModels,
} from './popular.js';

const routes = V2_ROUTES;

/** A page of the server's search: the valid records, and the ones that failed validation. */
export type ApiSearchPage<R> = SearchPage<R> & {
  /** Results whose record failed validation (left out of `results`; `total` is the server's). */
  readonly issues: readonly RecordIssue[];
};

/** `client.v2`: reads, writes (queued, 202), search and popular. */
export interface V2Area {
  /** The v2 API's banner. */
  info(options?: RequestOptions): Promise<MessageResponse>;
  /** Categories the v2 API lists (lora and ti are left out by the server). */
  categories(options?: RequestOptions): Promise<string[]>;
  /** A category, validated record by record (invalid records are in `issues`). */
  getCategory<C extends Category>(
    category: C,
    options?: RequestOptions,
  ): Promise<ParsedCategory<C>>;
  /**
   * One model, validated. The server decodes `%2F` before routing, so `/{category}/model/{name}`
   * cannot address a name containing `/` (most text models, `Org/Model`): such a name is read from
   * the whole category instead (one larger request), so every name works. The server also looks a
   * model up by its key in the category file, which can differ from the record's name
   * (`control_qr_sdxl` holds `control_qr_xl`): when the route answers 404 for the name and its
   * aliases, the category is read too, so the name the manager finds is found here as well (a
   * model that does not exist costs that extra request).
   *
   * @example
   * ```ts
   * await api.v2.getModel('text_generation', 'Sao10K/L3-8B-Stheno-v3.2'); // via GET /v2/text_generation
   * ```
   * @throws {ModelNotFoundError} when the category has no such model (404).
   * @throws {MalformedResponseError} when the server's record does not validate.
   */
  getModel<C extends Category>(
    category: C,
    name: string,
    options?: RequestOptions,
  ): Promise<RecordOf<C>>;
  /** Creates and updates waiting in the pending queue (reader role). */
  pending<C extends Category>(category: C, options?: RequestOptions): Promise<ParsedCategory<C>>;
  /**
   * Queues a create through the typed route; the server answers 202 with the queued change.
   * The record is validated first, as the server would: a text record is sent with `parameters`
   * (the key the server's apply step needs; `parameters_count` alone would queue a change that can
   * never be applied), and a backend-prefixed text name (`koboldcpp/...`, `aphrodite/...`) is
   * refused, since the server derives those variants itself.
   *
   * @example
   * ```ts
   * const change = await api.v2.create('text_generation', { name: 'Org/New-7B', parameters: 7e9 });
   * change.status; // 'pending'
   * ```
   * @throws {InvalidOptionsError} for an invalid record or a backend-prefixed text name, before any
   * request.
   * @throws {ApiError} 409 when the model exists; 401/403/503 as for every write.
   */
  create<C extends Category>(
    category: C,
    record: unknown,
    options?: RequestOptions,
  ): Promise<PendingChangeRecord>;
  /**
   * Queues a create through the generic `/add` route, with the same client-side checks as
   * {@link V2Area.create} (the server itself does not check that the record fits the category).
   * @throws {InvalidOptionsError} for an invalid record or a backend-prefixed text name.
   */
  add<C extends Category>(
    category: C,
    record: unknown,
    options?: RequestOptions,
  ): Promise<PendingChangeRecord>;
  /**
   * Queues an update (202), with the checks of {@link V2Area.create}. Unlike `getModel` there is no
   * fallback for a name containing `/`: the server cannot address it on this route.
   * @throws {InvalidOptionsError} for an invalid record, a name with `/`, or a record whose name
   * differs from `name`, before any request.
   * @throws {ApiError} 404 when the model does not exist.
   */
  update<C extends Category>(
    category: C,
    name: string,
    record: unknown,
    options?: RequestOptions,
  ): Promise<PendingChangeRecord>;
  /** Queues a delete. @throws {InvalidOptionsError} for a name with `/`. */
  delete(category: Category, name: string, options?: RequestOptions): Promise<PendingChangeRecord>;
  /**
   * The server's search; the same parameters as the local `manager.search`, typed per category.
   *
   * @example
   * ```ts
   * const { results } = await api.v2.search('image_generation', { baseline: 'flux_1', sortBy: 'name' });
   * ```
   * @throws {InvalidSearchParamsError} before any request for parameters the server would reject,
   * and when the server refuses the sort (a path missing or null on a record being sorted, values
   * Python cannot compare: its 400), with the server's answer as `cause`.
   */
  search<C extends Category>(
    category: C,
    params?: SearchParams<C>,
    options?: RequestOptions,
  ): Promise<ApiSearchPage<RecordOf<C>>>;
  /**
   * The server's cross-category search; the same parameters as `manager.searchAll`.
   *
   * @throws {InvalidSearchParamsError} before any request for parameters the server would reject,
   * and when the sort fails on the server: it answers a bare 500 then, so on a 500 with `sortBy`
   * the client asks for one record of the same search unsorted, and when that succeeds reports
   * the sort (the ApiError as `cause`); otherwise the 500 `ApiError` stands.
   */
  searchAll(
    params?: SearchAllParams,
    options?: RequestOptions,
  ): Promise<ApiSearchPage<ModelRecord>>;
  /**
   * Every page of {@link search}, from `params.offset`, in pages of `params.limit` (default 500,
   * the most the server gives), requested one at a time as the loop asks. The parameters are
   * checked at once.
   *
   * @example
   * ```ts
   * for await (const page of api.v2.searchPages('image_generation', { baseline: 'flux_1' }))
   *   for (const record of page.results) console.log(record.name);
   * ```
   * @throws {InvalidSearchParamsError} | {InvalidOptionsError} (a `maxPages` outside 1 to 1,000,000).
   */
  searchPages<C extends Category>(
    category: C,
    params?: SearchParams<C>,
    options?: RequestOptions & PageOptions,
  ): AsyncGenerator<ApiSearchPage<RecordOf<C>>, void, undefined>;
  /** Every page of {@link searchAll}, as {@link searchPages} reads them. */
  searchAllPages(
    params?: SearchAllParams,
    options?: RequestOptions & PageOptions,
  ): AsyncGenerator<ApiSearchPage<ModelRecord>, void, undefined>;
  /** The most used models with their AI-Horde figures, or why there are none. @throws {InvalidOptionsError} for a category other than image_generation and text_generation. */
  popular<C extends PopularCategory>(
    category: C,
    params?: PopularParams,
    options?: RequestOptions,
  ): Promise<PopularModels<RecordOf<C>>>;
}

/** Builds `client.v2`. */
export function v2Area(
  call: Call,
  heartbeat: (options?: RequestOptions) => Promise<HeartbeatResponse>,
): V2Area {
  const parsedCategory = async <C extends Category>(
    route: typeof routes.getCategory,
    category: C,
    options?: RequestOptions,
    keep: (raw: unknown) => unknown = (raw) => raw,
  ) =>
    parseCategoryRecords(
      category,
      keep(
        await call(route, {
          params: { category: assertCategory(category) },
          schema: objectSchema,
          options,
        }),
      ),
    );
  const page = <R>(
    raw: { results: unknown[]; total: number; offset: number; limit: number; has_more: boolean },
    categoryOf: (item: unknown) => Category | null,
  ): ApiSearchPage<R> => {
    const { records, issues } = validateResults<R>(raw.results, categoryOf);
    const { total, offset, limit, has_more: hasMore } = raw;
    return { results: records, total, offset, limit, hasMore, issues };
  };
  const queue = (
    route: typeof routes.create,
    params: Record<string, string>,
    body: unknown,
    options?: RequestOptions,
  ) => call(route, { params, body, schema: pendingChangeSchema, options });
  const queueCreate = (
    route: typeof routes.create,
    category: Category,
    record: unknown,
    options?: RequestOptions,
  ) =>
    queue(
      route,
      { category: assertCategory(category) },
      checkRecordForWrite(category, record),
      options,
    );

  const area: V2Area = {
    info: (options) => call(routes.info, { schema: messageSchema, options }),
    categories: (options) => call(routes.categories, { schema: stringListSchema, options }),
    getCategory: (category, options) => parsedCategory(routes.getCategory, category, options),
    // Guidance and baseline change sets are queue entries too, never beta models.
    pending: (category, options) =>
      parsedCategory(routes.pending, category, options, dropNonModelPendingEntries),
    async getModel(category, name, options) {
      assertCategory(category);
      // The category comes keyed by each record's name, whatever the file's keys are.
      // (A category without data answers 404: no model there either.)
      const fromCategory = async () => {
        const all = await parsedCategory(routes.getCategory, category, options).then(
          (parsed) => parsed.records,
          (error: unknown) => {
            if (isApiError(error) && error.status === 404) return {};
            throw error;
          },
        );
        const found = findRecordByName(all, category, name);
        if (!found) throw new ModelNotFoundError(category, name);
        return found;
      };
      if (name.includes('/')) return fromCategory();
      // An alias finds the canonical record; a server being migrated may store either key.
      for (const candidate of modelNameCandidates(category, name)) {
        try {
          // A record that fails its schema is a MalformedResponseError (with the URL) from the call.
          return await call(routes.getModel, {
            params: { category, name: candidate },
            schema: frozenRecordSchema(category),
            options,
          });
        } catch (error) {
          if (!isApiError(error) || error.status !== 404) throw error;
        }
      }
      // The server looks a model up by its key in the file, which may differ from its name
      // (`control_qr_sdxl` holds `control_qr_xl`): the whole category finds it by name.
      return fromCategory();
    },
    create: (category, record, options) => queueCreate(routes.create, category, record, options),
    add: (category, record, options) => queueCreate(routes.add, category, record, options),
    update(category, name, record, options) {
      // The record first, so a backend-prefixed text name is named as such, not as "contains /".
      checkWriteTarget(category, name);
      const body = checkRecordForWrite(category, record);
      checkAddressable(name, 'update');
      if (body.name !== name)
        throw new InvalidOptionsError(
          'record.name',
          `"${body.name}" differs from the name in the path, "${name}" (the server answers 400)`,
        );
      return queue(routes.update, { category: assertCategory(category), name }, body, options);
    },
    delete(category, name, options) {
      checkWriteTarget(category, name);
      checkAddressable(name, 'delete');
      return queue(routes.delete, { category: assertCategory(category), name }, undefined, options);
    },
    async search(category, params = {}, options) {
      validateSearchParams(assertCategory(category), params);
      const raw = await call(routes.search, {
        params: { category },
        query: toSearchQuery(params),
        schema: searchResponseSchema,
        options,
      }).catch((error: unknown) => {
        throw sortRefusal(error, params.sortBy) ?? error;
      });
      return page(raw, () => category);
    },
    async searchAll(params = {}, options) {
      validateSearchParams('all', params);
      const search = (query: SearchAllParams) =>
        call(routes.searchAll, {
          query: toSearchQuery(query),
          schema: searchResponseSchema,
          options,
        });
      const raw = await search(params).catch(async (error: unknown) => {
        const { sortBy, sortDesc, ...unsorted } = params;
        throw (
          sortRefusal(error, sortBy) ??
          (await crossSortRefusal(error, sortBy, () => search({ ...unsorted, limit: 1 }))) ??
          error
        );
      });
      return page(raw, (item) => {
        const type = (item as { record_type?: unknown } | null)?.record_type;
        return isCategory(type) ? type : null;
      });
    },
    popular: (category, params = {}, options) =>
      popularModels(call, routes.popular, heartbeat, category, params, options),
    searchPages(category, params = {}, options) {
      validateSearchParams(assertCategory(category), params);
      return searchPages(routes.search, params, options, (p) => area.search(category, p, options));
    },
    searchAllPages(params = {}, options) {
      validateSearchParams('all', params);
      return searchPages(routes.searchAll, params, options, (p) => area.searchAll(p, options));
    },
  };
  return area;
}

/** The pages of a search from `params.offset`, each `params.limit` (default 500) long. */
function searchPages<
  Q extends { readonly offset?: number | undefined; readonly limit?: number | undefined },
  P extends { hasMore: boolean; limit: number },
>(
  route: typeof routes.search,
  params: Q,
  options: PageOptions | undefined,
  search: (params: Q) => Promise<P>,
): AsyncGenerator<P, void, undefined> {
  return readPages(
    {
      route,
      first: params.offset ?? 0,
      page: (offset) => search({ ...params, offset, limit: params.limit ?? 500 }),
      // The server's own limit: `results` can be shorter, without the records that failed validation.
      next: (page, offset) => (page.hasMore ? offset + page.limit : null),
    },
    options,
  );
}
