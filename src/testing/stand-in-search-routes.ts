// The search routes of the stand-in PRIMARY, `GET /model_references/v2/{category}/search` and
// `GET /model_references/v2/search`: the query read back into search parameters, and the
// project's own local search (the manager's) run over the stand-in's current records, parsed as
// the service parses them. Refusals are the service's (stand-in-search-refusals.ts).
import { type Category, isCategory } from '../categories.js';
import {
  type InvalidSearchParamsError,
  isInvalidSearchParamsError,
} from '../errors/invalid-search-params-error.js';
import {
  SEARCH_ALL_CATEGORIES,
  type SearchPage,
  searchAcrossCategories,
  searchRecords,
} from '../query/search.js';
import { validateSearchParams } from '../query/search-params.js';
import { readSearchQuery } from '../query/search-query.js';
import { parseCategoryRecords } from '../schemas/parse-records.js';
import type { CategoryRecords } from '../schemas/record-schemas.js';
import { publicCategory } from './stand-in-8x-routes.js';
import { detail, json, type StandInContext, type StandInRequest } from './stand-in-http.js';
import {
  handlerRefusal,
  internalError,
  sortFailure,
  sortFieldRefusal,
  unknownCategory,
  validationRefusal,
} from './stand-in-search-refusals.js';

type Json = Record<string, unknown>;

// Parameters a route does not take, or ignores: the text filters outside text_generation (the
// handler skips them), the licensing filters on a 7.6 server (added in 8.x), the source selector
// on cross-category search.
const TEXT_ONLY = ['backend', 'excludeBackendVariations', 'quantized'];
const LICENSING = ['licenseId', 'commercialUse', 'redistribution'];

/** The records of a category as the service parses them, or `null` when it cannot (its 500). */
function parsedRecords(context: StandInContext, category: Category): Json | null {
  // lora and ti have no v2 parse on the service: their search fails.
  if (category === 'lora' || category === 'ti') return null;
  const raw = context.data.category(category);
  const served = context.generation === '8.x' ? publicCategory(context, category, raw) : raw;
  const parsed = parseCategoryRecords(category, served);
  // All or nothing per category, as the service's parse.
  return parsed.issues.length === 0 ? (parsed.records as Json) : null;
}

/**
 * A record as the service serializes a search result (pydantic's `model_dump(exclude_none=True)`):
 * no `null` fields, and the text parameter count under its field name, `parameters_count`.
 */
function served(record: unknown): unknown {
  if (Array.isArray(record)) return record.map(served);
  if (typeof record !== 'object' || record === null) return record;
  const out: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null) continue;
    out[key === 'parameters' && 'record_type' in record ? 'parameters_count' : key] = served(value);
  }
  return out;
}

const page = ({ results, total, offset, limit, hasMore }: SearchPage<unknown>) =>
  json({ results: results.map(served), total, offset, limit, has_more: hasMore });

/**
 * The parameters of a search request, and the service's refusal when FastAPI or the handler
 * refuses them before any record is read.
 */
function readParams(
  context: StandInContext,
  scope: Category | 'all',
  query: URLSearchParams,
): Json | Response {
  const { params, unreadable } = readSearchQuery(scope, query);
  const taken: Json = { ...params };
  const ignored = [
    ...(scope === 'text_generation' ? [] : TEXT_ONLY),
    ...(context.generation === '8.x' ? [] : LICENSING),
    ...(scope === 'all' ? ['source'] : []),
  ];
  for (const param of ignored) delete taken[param];
  let issues: InvalidSearchParamsError['issues'] = [];
  try {
    validateSearchParams(scope, taken);
  } catch (error) {
    if (!isInvalidSearchParamsError(error)) throw error;
    issues = error.issues;
  }
  const refused = validationRefusal(unreadable, issues, taken);
  if (refused) return refused;
  // The service checks the field name it declares: text's parameter count is `parameters_count`.
  const sortBy = query.getAll('sort_by').at(-1);
  if (scope === 'text_generation' && sortBy?.split('__')[0] === 'parameters')
    return sortFieldRefusal(scope, 'parameters');
  return handlerRefusal(scope, issues, taken) ?? taken;
}

function categorySearch(context: StandInContext, name: string, query: URLSearchParams): Response {
  if (!isCategory(name)) return unknownCategory(name);
  const params = readParams(context, name, query);
  if (params instanceof Response) return params;
  const records = parsedRecords(context, name);
  if (records === null) return internalError();
  // The stand-in registers no provider: the canonical records are every source there is.
  const { source } = params;
  if (source !== undefined && source !== 'horde' && source !== 'any')
    return detail(
      400,
      `Unknown source: No provider registered under source id '${String(source)}'. Registered providers: []`,
    );
  try {
    return page(searchRecords(name, records as CategoryRecords<Category>, params));
  } catch (error) {
    if (!isInvalidSearchParamsError(error)) throw error;
    return sortFailure(String(query.getAll('sort_by').at(-1)), error.issues[0]);
  }
}

function crossSearch(context: StandInContext, query: URLSearchParams): Response {
  const params = readParams(context, 'all', query);
  if (params instanceof Response) return params;
  // Categories the service cannot parse are left out of cross-category search.
  const recordsByCategory: Json = {};
  for (const category of SEARCH_ALL_CATEGORIES) {
    const records = parsedRecords(context, category);
    if (records !== null) recordsByCategory[category] = records;
  }
  try {
    return page(searchAcrossCategories(recordsByCategory, params));
  } catch (error) {
    // /v2/search has no handler for a failed sort: a bare 500.
    if (isInvalidSearchParamsError(error)) return internalError();
    throw error;
  }
}

/**
 * Answers a search request of the stand-in (GET; 405 for another method, as the service), or
 * `null` when the path is not a search route.
 */
export function searchRoute(
  context: StandInContext,
  request: StandInRequest,
): (() => Response) | null {
  const [root, version, first, second, ...rest] = request.segments;
  if (root !== 'model_references' || version !== 'v2' || rest.length > 0) return null;
  const cross = first === 'search' && second === undefined;
  if (!cross && (second !== 'search' || first === undefined)) return null;
  return () => {
    if (request.method !== 'GET')
      return json({ detail: 'Method Not Allowed' }, 405, { allow: 'GET' });
    return cross
      ? crossSearch(context, request.query)
      : categorySearch(context, first as string, request.query);
  };
}
