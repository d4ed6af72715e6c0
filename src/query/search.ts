import { assertCategory, CATEGORIES, type Category } from '../categories.js';
import { backendPrefixOf } from '../legacy/text-model-name.js';
import type { CategoryRecords, ModelRecord, RecordOf } from '../schemas/record-schemas.js';
import { checkRecordsArgument, refuseRecord } from './check-records.js';
import { compareNullable } from './compare.js';
import { licensingFilters } from './licensing-filters.js';
import { recordList } from './record-list.js';
import {
  type SearchAllParams,
  type SearchParams,
  type ValidSearchParams,
  validateSearchParams,
} from './search-params.js';
import { sortKeys } from './sort-keys.js';
import { sortedPrefix } from './sorted-prefix.js';
import { isQuantizedRecord } from './text-traits.js';

/** One page of search results, as the server's `SearchResponse` (camelCase). */
export interface SearchPage<R> {
  readonly results: R[];
  /** Matches after de-duplication, before paging. */
  readonly total: number;
  /** The requested offset (echoed, not the number returned). */
  readonly offset: number;
  /** The requested limit (echoed). */
  readonly limit: number;
  /** `offset + limit < total`. */
  readonly hasMore: boolean;
}

type Fields = Record<string, unknown>;
type Filter = (record: Fields) => boolean;

const tagsOf = (record: Fields): readonly unknown[] =>
  Array.isArray(record.tags) ? record.tags : [];

/** The server's filters, in the server's order, for the parameters that are set. */
function filtersFor(params: SearchParams): Filter[] {
  const filters: Filter[] = [];
  const {
    nsfw,
    baseline,
    inpainting,
    tagsAny,
    tagsAll,
    tagsNone,
    nameContains,
    backend,
    excludeBackendVariations,
    quantized,
  } = params;
  if (nsfw !== undefined) filters.push((r) => r.nsfw === nsfw);
  if (baseline !== undefined) filters.push((r) => r.baseline === baseline);
  if (inpainting !== undefined) filters.push((r) => r.inpainting === inpainting);
  if (tagsAny) filters.push((r) => tagsOf(r).some((t) => tagsAny.includes(t as string)));
  if (tagsAll) filters.push((r) => tagsAll.every((t) => tagsOf(r).includes(t)));
  if (tagsNone) filters.push((r) => !tagsOf(r).some((t) => tagsNone.includes(t as string)));
  if (nameContains !== undefined) {
    const needle = nameContains.toLowerCase();
    filters.push((r) => String(r.name).toLowerCase().includes(needle));
  }
  filters.push(...(licensingFilters(params) as Filter[]));
  if (backend !== undefined) filters.push((r) => String(r.name).startsWith(`${backend}/`));
  if (excludeBackendVariations) filters.push((r) => backendPrefixOf(String(r.name)) === null);
  if (quantized !== undefined) filters.push((r) => isQuantizedRecord(r) === quantized);
  return filters;
}

/**
 * The server's order: Python sorts `(1, "")` for None after `(0, value)`, then reverses the whole
 * list when descending, so nulls go last ascending and first descending; ties keep input order.
 */
const ascending = compareNullable;
const descending = (a: unknown, b: unknown): number => compareNullable(b, a);

/**
 * The server's pipeline over records already in order: filter, keep the first record of each
 * name (skipped when the caller knows names are unique: one category keyed by name), sort (stable; nulls last ascending and first descending), then page.
 */
export function runSearch<R>(
  records: Iterable<R>,
  params: ValidSearchParams,
  uniqueNames = false,
): SearchPage<R> {
  const filters = filtersFor(params);
  const seen = new Set<string>();
  const matches: R[] = [];
  next: for (const record of records) {
    // Records the manager serves are always objects; a caller's own may not be.
    if (typeof record !== 'object' || record === null) refuseRecord(record);
    const fields = record as Fields;
    for (const filter of filters) if (!filter(fields)) continue next;
    if (!uniqueNames) {
      const name = String(fields.name);
      if (seen.has(name)) continue;
      seen.add(name);
    }
    matches.push(record);
  }
  const { sortBy, sortPath, sortDesc, offset, limit } = params;
  let page = matches;
  if (sortPath) {
    const keys = sortKeys(matches, String(sortBy), sortPath);
    page = sortedPrefix(
      matches,
      offset + limit,
      (_, index) => keys[index],
      sortDesc ? descending : ascending,
    );
  }
  return {
    results: page.slice(offset, offset + limit),
    total: matches.length,
    offset,
    limit,
    hasMore: offset + limit < matches.length,
  };
}

/**
 * Searches one category's records exactly as `GET /model_references/v2/{category}/search` does.
 *
 * @example
 * ```ts
 * searchRecords('image_generation', records, { baseline: 'stable_diffusion_xl', nsfw: false, sortBy: 'name' });
 * ```
 * @throws {InvalidSearchParamsError} before any work, for parameters the server would reject.
 * @throws {UnknownCategoryError} for a name that is not a category.
 * @throws {InvalidOptionsError} when `records` is not an object of records.
 */
export function searchRecords<C extends Category>(
  category: C,
  records: CategoryRecords<C>,
  params: SearchParams<C> = {},
): SearchPage<RecordOf<C>> {
  const valid = validateSearchParams(assertCategory(category), params);
  checkRecordsArgument(records);
  return runSearch(recordList(records), valid, true);
}

/** The categories cross-category search walks, in the server's order (lora and ti are absent). */
export const SEARCH_ALL_CATEGORIES: readonly Category[] = CATEGORIES.filter(
  (c) => c !== 'lora' && c !== 'ti',
);

/**
 * Searches every category as `GET /model_references/v2/search` does: categories in enum order,
 * and a name found in two categories is kept only from the first one that matches the filters.
 *
 * @throws {InvalidSearchParamsError} for parameters the server would reject.
 * @throws {InvalidOptionsError} when `recordsByCategory` or one of its categories is not an object.
 */
export function searchAcrossCategories(
  recordsByCategory: Partial<{ [C in Category]: CategoryRecords<C> }>,
  params: SearchAllParams = {},
): SearchPage<ModelRecord> {
  const valid = validateSearchParams('all', params);
  checkRecordsArgument(recordsByCategory, 'recordsByCategory');
  for (const category of SEARCH_ALL_CATEGORIES)
    if (recordsByCategory[category] !== undefined)
      checkRecordsArgument(recordsByCategory[category], `recordsByCategory.${category}`);
  function* all(): Generator<ModelRecord> {
    for (const category of SEARCH_ALL_CATEGORIES)
      yield* recordList<ModelRecord>(recordsByCategory[category] ?? {});
  }
  return runSearch(all(), valid);
}
