import * as z from 'zod/mini';
import { assertCategory, type Category } from '../categories.js';
import { describeValue } from '../errors/describe-value.js';
import {
  InvalidSearchParamsError,
  type SearchParamIssue,
} from '../errors/invalid-search-params-error.js';
import { integer } from '../schemas/integer.js';
import { PERMISSION_STATUSES } from '../schemas/licensing.js';
import { oneOf } from '../schemas/one-of.js';
import type { Schema } from '../schemas/shared.js';
import { TEXT_BACKENDS, type TextBackend } from '../schemas/text-generation-record.js';
import { canonicalField, fieldsOf } from './fields.js';
import { LICENSING_PARAM_SHAPE, type LicensingSearchParams } from './licensing-filters.js';
import type {
  BaselineOf,
  CategoryWith,
  ParamFor,
  SortField,
  SortFieldOfAll,
} from './search-param-types.js';

/**
 * Search parameters, the camelCase twins of the server's `/search` query parameters, typed for the
 * category `C` searched: `baseline` takes that category's baselines (autocompleted, any string
 * accepted), `sortBy` its fields, and a filter the category does not have (`inpainting` outside
 * image_generation, `backend` outside text_generation, `nsfw` on clip, ...) is a compile error.
 * Without `C` (a category only known at run time) every parameter is accepted, and checked when
 * the search runs. The semantics (exact, case-sensitive tags and baselines, ...) are the server's:
 * see the README.
 *
 * @example
 * ```ts
 * const params: SearchParams<'image_generation'> = { baseline: 'stable_diffusion_xl', nsfw: false, sortBy: 'name' };
 * ```
 */
export interface SearchParams<C extends Category = Category> extends LicensingSearchParams {
  /**
   * `false`: SFW models only; `true`: NSFW models only; left out: both (the server's exact match
   * on `nsfw`). Categories with an `nsfw` field only.
   */
  readonly nsfw?: ParamFor<C, CategoryWith<'nsfw'>, boolean> | undefined;
  /** Exact, case-sensitive match on `baseline`. Categories with a `baseline` field only. */
  readonly baseline?: ParamFor<C, CategoryWith<'baseline'>, BaselineOf<C>> | undefined;
  /** Exact match on `inpainting`; an explicit `null` matches neither `true` nor `false`. Image only. */
  readonly inpainting?: ParamFor<C, 'image_generation', boolean> | undefined;
  /** At least one of these tags (exact, case-sensitive). Categories with `tags` only. */
  readonly tagsAny?: ParamFor<C, CategoryWith<'tags'>, readonly string[]> | undefined;
  /** All of these tags. */
  readonly tagsAll?: ParamFor<C, CategoryWith<'tags'>, readonly string[]> | undefined;
  /** None of these tags (records without tags match). */
  readonly tagsNone?: ParamFor<C, CategoryWith<'tags'>, readonly string[]> | undefined;
  /** Case-insensitive substring of the name; `''` matches everything. */
  readonly nameContains?: string | undefined;
  /** Only `aphrodite/...` or `koboldcpp/...` names. Text only. */
  readonly backend?: ParamFor<C, 'text_generation', TextBackend> | undefined;
  /** Drop backend-prefixed duplicate names. Text only. @default false */
  readonly excludeBackendVariations?: ParamFor<C, 'text_generation', boolean> | undefined;
  /** Only names with (or without) a quantisation marker. Text only. */
  readonly quantized?: ParamFor<C, 'text_generation', boolean> | undefined;
  /**
   * A field of the category's records, one object key deep with `__` (`metadata__created_at`).
   * The server refuses (and so does local search) a path missing or null on a record being sorted
   * and values Python cannot compare: see the README's sort rule.
   */
  readonly sortBy?: SortField<C> | undefined;
  /** @default false */
  readonly sortDesc?: boolean | undefined;
  /** Page size, 1–500. @default 50 */
  readonly limit?: number | undefined;
  /** Records to skip, >= 0. @default 0 */
  readonly offset?: number | undefined;
  /**
   * Which sources to search: `horde` (canonical), `any` (canonical, then every provider in
   * registration order), a provider id, or an ordered list (local only: the server takes one id).
   * The first source listed wins a name collision, after the filters, as on the server.
   * @default 'horde'
   */
  readonly source?: string | readonly string[] | undefined;
}

/**
 * The parameters cross-category search takes (the server's `/v2/search`): the filters every
 * category shares, and a sort by a field every record has. Its results are records of any
 * category (`ModelRecord`, told apart by `record_type`).
 */
export interface SearchAllParams
  extends Pick<
    SearchParams,
    | 'nsfw'
    | 'nameContains'
    | 'tagsAny'
    | 'tagsAll'
    | 'tagsNone'
    | 'sortDesc'
    | 'limit'
    | 'offset'
    | 'source'
    | keyof LicensingSearchParams
  > {
  /** A field every record has (`name`, `size_on_disk_bytes`, `metadata__updated_at`, ...). */
  readonly sortBy?: SortFieldOfAll | undefined;
}

/** Parameters after validation, with defaults filled. */
export type ValidSearchParams = SearchParams & {
  readonly limit: number;
  readonly offset: number;
  readonly sortDesc: boolean;
  readonly sortPath: readonly string[] | null;
};

const isSourceList = (value: unknown): boolean =>
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

const tags = z.optional(z.array(z.string()));
const shape = {
  nsfw: z.optional(z.boolean()),
  baseline: z.optional(z.string()),
  inpainting: z.optional(z.boolean()),
  tagsAny: tags,
  tagsAll: tags,
  tagsNone: tags,
  nameContains: z.optional(z.string()),
  backend: z.optional(oneOf(TEXT_BACKENDS)),
  excludeBackendVariations: z.optional(z.boolean()),
  quantized: z.optional(z.boolean()),
  sortBy: z.optional(z.string()),
  sortDesc: z.optional(z.boolean()),
  limit: z.optional(integer(1, 500)),
  offset: z.optional(integer(0)),
  // A check, not z.union: zod's union type is 1.7 kB of the core bundle for this one parameter.
  source: z.optional(z.custom<string | string[]>(isSourceList)),
  ...LICENSING_PARAM_SHAPE,
};
// Loose objects, the unknown keys found in validateSearchParams: a strict object would pull zod's
// never type into the core for this one check.
const categorySchema = z.looseObject(shape);
/**
 * The validator of each search parameter (camelCase), for code that reads parameters back from a
 * query string (the stand-in's search routes): the one list of parameters and their types.
 */
export const SEARCH_PARAM_SCHEMAS: Readonly<Record<string, Schema<unknown>>> = shape;
const ALL_PARAMS = [
  'nsfw',
  'nameContains',
  'tagsAny',
  'tagsAll',
  'tagsNone',
  'sortBy',
  'sortDesc',
  'limit',
  'offset',
  'source',
  ...Object.keys(LICENSING_PARAM_SHAPE),
];
/** The parameters cross-category search takes (camelCase), in the order they are checked. */
export const CROSS_CATEGORY_PARAMS: readonly string[] = ALL_PARAMS;
const allSchema = z.looseObject(
  Object.fromEntries(ALL_PARAMS.map((k) => [k, shape[k as keyof typeof shape]])),
);

/**
 * Which field each filter needs, in the order the server checks them; a filter on a category
 * without that field is refused (the server answers 400 for most of them, and silently ignores
 * the text-only ones: we refuse those too, since a filter that cannot apply is a mistake, not a
 * wish for everything).
 */
export const FILTER_FIELDS: Readonly<Record<string, string>> = {
  nsfw: 'nsfw',
  baseline: 'baseline',
  inpainting: 'inpainting',
  tagsAny: 'tags',
  tagsAll: 'tags',
  tagsNone: 'tags',
};
const TEXT_ONLY = ['backend', 'excludeBackendVariations', 'quantized'];

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  limit: ['an integer from 1 to 500'],
  offset: ['an integer >= 0'],
  backend: TEXT_BACKENDS,
  commercialUse: PERMISSION_STATUSES,
  redistribution: PERMISSION_STATUSES,
};

// The server checks only the first segment of `sort_by` before sorting; the rest (a key of an
// object, an object or a list as the value) is decided on the records sorted: see sort-keys.ts.
function sortIssue(scope: Category | 'all', sortBy: string): SearchParamIssue | null {
  const fields = fieldsOf(scope);
  const first = sortBy.split('__')[0] as string;
  if (Object.hasOwn(fields, scope === 'text_generation' ? canonicalField(first) : first))
    return null;
  return {
    param: 'sortBy',
    message: `${describeValue(sortBy)} is not a field of ${scope === 'all' ? 'every record' : `${scope} records`}`,
    allowed: Object.keys(fields).map((f) => (fields[f] ? `${f}__<key>` : f)),
  };
}

/**
 * The caller's parameters as a plain object of their own enumerable keys, read once (a getter that
 * throws, or a value that is not an object at all, is a typed error, not a TypeError later).
 */
function ownParams(params: unknown): SearchParams {
  const refuse = (message: string): never => {
    throw new InvalidSearchParamsError([{ param: '(params)', message }]);
  };
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    return refuse(`expected an object of search parameters, got ${describeValue(params)}`);
  try {
    return { ...params };
  } catch (error) {
    return refuse(
      `could not be read (${error instanceof Error ? error.message : describeValue(error)})`,
    );
  }
}

/**
 * Validates search parameters for a category (or `'all'` for cross-category search) before any
 * work is done, and fills the defaults.
 *
 * @example
 * ```ts
 * validateSearchParams('image_generation', { nsfw: false, limit: 10 }); // { nsfw: false, limit: 10, offset: 0, ... }
 * validateSearchParams('clip', { nsfw: false }); // throws: nsfw does not apply to clip records
 * ```
 * @throws {InvalidSearchParamsError} listing every problem, each with what is allowed (also when
 * `params` is not an object, and for a `sortBy` that is not a declared field: names inherited from
 * `Object.prototype`, such as `constructor`, are never fields).
 * @throws {UnknownCategoryError} when `scope` is neither a category nor `'all'`.
 */
export function validateSearchParams(
  scope: Category | 'all',
  input: SearchParams = {},
): ValidSearchParams {
  if (scope !== 'all') assertCategory(scope);
  const params = ownParams(input);
  const result = (scope === 'all' ? allSchema : categorySchema).safeParse(params);
  const issues: SearchParamIssue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const param = String(issue.path[0] ?? '(params)');
      const allowed = Object.hasOwn(ALLOWED, param) ? ALLOWED[param] : undefined;
      issues.push({ param, message: issue.message, ...(allowed ? { allowed } : {}) });
    }
  }
  // After the values' issues, in the order the keys are listed, as a strict object reports them.
  const known = scope === 'all' ? ALL_PARAMS : Object.keys(shape);
  for (const param in params) {
    if (!known.includes(param))
      issues.push({
        param,
        message:
          scope === 'all'
            ? 'is not a cross-category search parameter'
            : 'is not a search parameter',
        allowed: known,
      });
  }
  if (scope !== 'all') {
    const fields = fieldsOf(scope);
    for (const [param, field] of Object.entries(FILTER_FIELDS)) {
      if (params[param as keyof SearchParams] !== undefined && fields[field] === undefined) {
        issues.push({
          param,
          message: `does not apply to ${scope} records, which have no ${field} field`,
        });
      }
    }
    if (scope !== 'text_generation') {
      for (const param of TEXT_ONLY) {
        if (params[param as keyof SearchParams] !== undefined)
          issues.push({ param, message: `applies to text_generation only, not ${scope}` });
      }
    }
  }
  if (typeof params.sortBy === 'string') {
    const issue = sortIssue(scope, params.sortBy);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) throw new InvalidSearchParamsError(issues);
  const sortPath =
    params.sortBy === undefined
      ? null
      : params.sortBy.split('__').map((s, i) => (i === 0 ? canonicalField(s) : s));
  return {
    ...params,
    limit: params.limit ?? 50,
    offset: params.offset ?? 0,
    sortDesc: params.sortDesc ?? false,
    sortPath,
  };
}

/**
 * The server's query name of each search parameter whose name is not the same in camelCase
 * (`tagsAny` is `tags_any`); the others are sent as they are named.
 */
export const SEARCH_QUERY_NAMES: Readonly<Record<string, string>> = {
  tagsAny: 'tags_any',
  tagsAll: 'tags_all',
  tagsNone: 'tags_none',
  nameContains: 'name_contains',
  excludeBackendVariations: 'exclude_backend_variations',
  sortBy: 'sort_by',
  sortDesc: 'sort_desc',
  licenseId: 'license_id',
  commercialUse: 'commercial_use',
};

/**
 * The server's query string for these parameters: snake_case names, repeated keys for tag lists,
 * `true`/`false` for booleans. `sortBy: 'parameters'` is sent as the server's `parameters_count`.
 *
 * @example
 * ```ts
 * toSearchQuery({ tagsAny: ['anime', 'furry'], nsfw: false }).toString(); // 'tags_any=anime&tags_any=furry&nsfw=false'
 * ```
 * @throws {InvalidSearchParamsError} when `params` is not an object (validate them first with
 * {@link validateSearchParams}).
 */
export function toSearchQuery(params: SearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(ownParams(params))) {
    if (value === undefined) continue;
    const name = Object.hasOwn(SEARCH_QUERY_NAMES, key) ? (SEARCH_QUERY_NAMES[key] as string) : key;
    if (Array.isArray(value)) for (const item of value) query.append(name, queryText(key, item));
    else if (key === 'sortBy' && typeof value === 'string')
      query.set(name, value.replace(/^parameters(?=__|$)/, 'parameters_count'));
    else query.set(name, queryText(key, value));
  }
  return query;
}

/** A parameter value as query text: strings, numbers and booleans only. */
function queryText(param: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new InvalidSearchParamsError([
    { param, message: 'expected a string, a number or a boolean (validate the parameters first)' },
  ]);
}
