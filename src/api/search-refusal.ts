import { type ApiError, isApiError } from '../errors/api-error.js';
import { InvalidSearchParamsError } from '../errors/invalid-search-params-error.js';

// How the server says it cannot carry out a sort (query.py): a path it cannot follow on a record
// being sorted, or values Python cannot compare. Per category it answers 400 with the reason after
// a misleading "Unknown source: " prefix; /v2/search has no handler and answers a plain 500.
const SORT_FAILURE = /Field path '.*' is missing|not mutually comparable/;

/**
 * The {@link InvalidSearchParamsError} for the server's refusal of `sortBy` (its 400, whose detail
 * names the reason), or `undefined` when `error` is something else.
 */
export function sortRefusal(error: unknown, sortBy: unknown): InvalidSearchParamsError | undefined {
  if (!isApiError(error) || error.status !== 400 || !SORT_FAILURE.test(error.detail)) return;
  return refusal(
    error,
    sortBy,
    `the server cannot sort by it: ${error.detail.replace(/^Unknown source: /, '')}`,
  );
}

/**
 * `/v2/search` answers a bare 500 when its sort fails. When the same search without `sortBy`
 * succeeds (`unsorted`, one record), the sort was the cause: the same error as a 400 refusal.
 * Otherwise the 500 stands.
 */
export async function crossSortRefusal(
  error: unknown,
  sortBy: unknown,
  unsorted: () => Promise<unknown>,
): Promise<InvalidSearchParamsError | undefined> {
  if (!isApiError(error) || error.status !== 500 || sortBy === undefined) return;
  try {
    await unsorted();
  } catch {
    return;
  }
  return refusal(
    error,
    sortBy,
    'the server failed (500) sorting by it, and answers the same search unsorted: a path missing or null on a record being sorted, or values Python cannot compare (the server answers 500 for these on /v2/search)',
  );
}

const refusal = (cause: ApiError, sortBy: unknown, why: string) =>
  new InvalidSearchParamsError([{ param: 'sortBy', message: `"${String(sortBy)}": ${why}` }], {
    cause,
  });
