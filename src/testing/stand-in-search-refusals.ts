// How the service refuses a search (peer-service-api.md §3.8), for the stand-in's search routes:
// FastAPI's 422 list for values it cannot read or that break a declared bound or enum, a 422
// string for an unknown category, 400 strings from the handler for filters and sorts the records
// cannot take, and a bare 500 where the service has no handler.
import { CATEGORIES } from '../categories.js';
import type { SearchParamIssue } from '../errors/invalid-search-params-error.js';
import { fieldsOf } from '../query/fields.js';
import { FILTER_FIELDS } from '../query/search-params.js';
import type { UnreadableSearchQueryValue } from '../query/search-query.js';
import { searchQueryName } from '../query/search-query.js';
import { PERMISSION_STATUSES } from '../schemas/licensing.js';
import { TEXT_BACKENDS } from '../schemas/text-generation-record.js';
import { detail, json } from './stand-in-http.js';

/** Python's `repr` of a list of strings: `['a', 'b']`. */
const pythonList = (items: readonly string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** The 422 string the search routes answer for a category that is not one. */
export function unknownCategory(name: string): Response {
  return detail(422, `Unknown category '${name}'. Valid: ${pythonList(CATEGORIES)}`);
}

/** The plain-text 500 of an unhandled exception in the service. */
export function internalError(): Response {
  return new Response('Internal Server Error', {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

interface ValidationEntry {
  type: string;
  loc: ['query', string];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const PARSING: Readonly<Record<'boolean' | 'integer', Omit<ValidationEntry, 'loc' | 'input'>>> = {
  boolean: {
    type: 'bool_parsing',
    msg: 'Input should be a valid boolean, unable to interpret input',
  },
  integer: {
    type: 'int_parsing',
    msg: 'Input should be a valid integer, unable to parse string as an integer',
  },
};

const quotedOr = (items: readonly string[]) =>
  `${items
    .slice(0, -1)
    .map((i) => `'${i}'`)
    .join(', ')} or '${items.at(-1)}'`;

/** FastAPI's entry for a value read but out of its bound or enum, or `null` for other issues. */
function boundEntry(param: string, value: unknown): ValidationEntry | null {
  const loc: ['query', string] = ['query', searchQueryName(param)];
  if (param === 'limit' || param === 'offset') {
    const low = param === 'limit' ? 1 : 0;
    return typeof value === 'number' && value < low
      ? {
          type: 'greater_than_equal',
          loc,
          msg: `Input should be greater than or equal to ${low}`,
          input: String(value),
          ctx: { ge: low },
        }
      : {
          type: 'less_than_equal',
          loc,
          msg: 'Input should be less than or equal to 500',
          input: String(value),
          ctx: { le: 500 },
        };
  }
  if (param === 'commercialUse' || param === 'redistribution') {
    const expected = quotedOr(PERMISSION_STATUSES);
    return {
      type: 'enum',
      loc,
      msg: `Input should be ${expected}`,
      input: value,
      ctx: { expected },
    };
  }
  return null;
}

/**
 * FastAPI's 422 for the values it could not read and the bounds and enums the parameters break,
 * or `null` when there are none (the handler then decides).
 */
export function validationRefusal(
  unreadable: readonly UnreadableSearchQueryValue[],
  issues: readonly SearchParamIssue[],
  params: Readonly<Record<string, unknown>>,
): Response | null {
  const entries: ValidationEntry[] = unreadable.map(({ name, expected, input }) => ({
    ...PARSING[expected],
    loc: ['query', name],
    input,
  }));
  for (const issue of issues) {
    const entry = boundEntry(issue.param, params[issue.param]);
    if (entry) entries.push(entry);
  }
  return entries.length > 0 ? json({ detail: entries }, 422) : null;
}

const recordType = (scope: string) =>
  scope === 'all'
    ? 'GenericModelRecord'
    : `${scope
        .split('_')
        .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
        .join('')}ModelRecord`;

const missingField = (scope: string, field: string) =>
  `Field '${field}' does not exist on ${recordType(scope)}. Valid fields: ${pythonList(
    Object.keys(fieldsOf(scope as 'all')).map((f) => (f === 'parameters' ? 'parameters_count' : f)),
  )}`;

// The handler's order: the equality and tag filters (FILTER_FIELDS), then `sort_by`, then the text
// filters (the backend is checked when the query runs, under the "Unknown source: " prefix the
// service's outer handler puts on every ValueError).

/**
 * The handler's 400 for the first problem it meets among `issues` (the ones FastAPI lets through),
 * or `null` when there is none.
 */
export function handlerRefusal(
  scope: string,
  issues: readonly SearchParamIssue[],
  params: Readonly<Record<string, unknown>>,
): Response | null {
  const has = (param: string) => issues.find((i) => i.param === param);
  const filter = Object.keys(FILTER_FIELDS).find(has);
  if (filter)
    return detail(
      400,
      `Filter not supported for this category: ${missingField(scope, FILTER_FIELDS[filter] as string)}`,
    );
  if (has('sortBy')) return sortFieldRefusal(scope, String(params.sortBy).split('__')[0] as string);
  if (has('backend'))
    return detail(
      400,
      `Unknown source: Unknown backend '${String(params.backend)}'. Valid backends: ${pythonList(TEXT_BACKENDS)}`,
    );
  const other = issues.find((i) => boundEntry(i.param, params[i.param]) === null);
  return other ? detail(400, `${searchQueryName(other.param)}: ${other.message}`) : null;
}

/** The 400 for a `sort_by` whose first segment is not a declared field. */
export function sortFieldRefusal(scope: string, field: string): Response {
  return detail(400, `Invalid sort_by field: ${missingField(scope, field)}`);
}

/**
 * The 400 a category's search answers when its sort fails on the records (the local sort's
 * `issue` says why), in the service's words after its misleading "Unknown source: " prefix.
 */
export function sortFailure(sortBy: string, issue: SearchParamIssue | undefined): Response {
  const why = issue?.message ?? '';
  return detail(
    400,
    why.includes('cannot be followed')
      ? `Unknown source: Field path '${sortBy}' is missing a segment: ${why}`
      : `Unknown source: Cannot order by field '${sortBy}' because values are not mutually comparable: ${why}`,
  );
}
