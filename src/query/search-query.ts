// The inverse of `toSearchQuery`: a search query string read back into search parameters, as the
// server's FastAPI handler reads it. For code that answers as the server (the stand-in's search
// routes); the names and types come from search-params.ts, the one list of search parameters.
import type { Category } from '../categories.js';
import {
  CROSS_CATEGORY_PARAMS,
  SEARCH_PARAM_SCHEMAS,
  SEARCH_QUERY_NAMES,
  type SearchParams,
} from './search-params.js';

/** How the server reads one parameter's text. */
export type SearchQueryKind = 'boolean' | 'integer' | 'list' | 'text';

/** A query value the server cannot read as its parameter's type (FastAPI answers 422). */
export interface UnreadableSearchQueryValue {
  /** The parameter's query name (`sort_desc`). */
  readonly name: string;
  readonly expected: 'boolean' | 'integer';
  /** The text sent. */
  readonly input: string;
}

/** Parameters read from a query string, and the values that could not be read. */
export interface SearchQueryReading {
  /** The parameters, camelCase, only those the query names. */
  readonly params: SearchParams;
  readonly unreadable: readonly UnreadableSearchQueryValue[];
}

// The kind of each parameter, told by what its validator accepts: a boolean, an integer, a list
// of strings (and not a string), else one string (the source selector takes both: the server
// takes one). Worked out once, from the validators themselves, so a new parameter needs no entry.
let kinds: Readonly<Record<string, SearchQueryKind>> | undefined;
function kindOf(param: string): SearchQueryKind {
  if (!kinds) {
    const table: Record<string, SearchQueryKind> = Object.create(null);
    for (const [key, schema] of Object.entries(SEARCH_PARAM_SCHEMAS)) {
      const accepts = (value: unknown) => schema.safeParse(value).success;
      table[key] = accepts(true)
        ? 'boolean'
        : accepts(1)
          ? 'integer'
          : accepts([]) && !accepts('')
            ? 'list'
            : 'text';
    }
    kinds = table;
  }
  return kinds[param] ?? 'text';
}

// pydantic's lax boolean from text (case-insensitive, surrounding whitespace ignored).
const TRUE = ['1', 'on', 't', 'true', 'y', 'yes'];
const FALSE = ['0', 'off', 'f', 'false', 'n', 'no'];

/** The server's query name of a camelCase parameter. */
export function searchQueryName(param: string): string {
  return Object.hasOwn(SEARCH_QUERY_NAMES, param) ? (SEARCH_QUERY_NAMES[param] as string) : param;
}

/**
 * Reads the search parameters of one search route (a category's, or `'all'` for cross-category
 * search) back from a query string: snake_case names, repeated keys for lists (commas are not
 * split), the last value of a scalar sent twice (as Starlette reads it), booleans and integers as
 * pydantic reads them, and `parameters_count` (the server's name) back to `parameters` in
 * `sort_by`. Names the route does not take are ignored, as FastAPI ignores them. Nothing is
 * validated beyond the types: that is `validateSearchParams`' work.
 *
 * @example
 * ```ts
 * readSearchQuery('image_generation', new URLSearchParams('tags_any=anime&tags_any=furry&nsfw=false'));
 * // { params: { nsfw: false, tagsAny: ['anime', 'furry'] }, unreadable: [] }
 * ```
 */
export function readSearchQuery(
  scope: Category | 'all',
  query: URLSearchParams,
): SearchQueryReading {
  const params: Record<string, unknown> = {};
  const unreadable: UnreadableSearchQueryValue[] = [];
  const taken = scope === 'all' ? CROSS_CATEGORY_PARAMS : Object.keys(SEARCH_PARAM_SCHEMAS);
  for (const param of taken) {
    const name = searchQueryName(param);
    const values = query.getAll(name);
    const text = values.at(-1);
    if (text === undefined) continue;
    const kind = kindOf(param);
    if (kind === 'list') params[param] = values;
    else if (kind === 'text')
      params[param] =
        param === 'sortBy' ? text.replace(/^parameters_count(?=__|$)/, 'parameters') : text;
    else {
      const value = kind === 'boolean' ? readBoolean(text) : readInteger(text);
      if (value === undefined) unreadable.push({ name, expected: kind, input: text });
      else params[param] = value;
    }
  }
  return { params: params as SearchParams, unreadable };
}

function readBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return TRUE.includes(word) ? true : FALSE.includes(word) ? false : undefined;
}

function readInteger(text: string): number | undefined {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
