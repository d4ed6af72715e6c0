import type { Category } from '../categories.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { CategoryResult, NetworkOrigin } from '../records/category-result.js';
import { lazyFieldIssue } from '../schemas/lazy-issues.js';
import { type RecordIssue, validateCategoryRecords } from '../schemas/record-validation.js';
import type { Payload } from './fetch-payload.js';

/**
 * Validates the v2 records a source produced from `payload` and wraps them with provenance.
 * "Not an object of records at all" becomes a failed origin.
 *
 * @throws {MalformedResponseError} when `data` is not an object of records.
 */
export function toCategoryResult<C extends Category>(
  category: C,
  origin: NetworkOrigin,
  payload: Payload,
  data: unknown,
  fetchedAt: number,
  earlierIssues: readonly RecordIssue[] = [],
): CategoryResult<C> {
  let parsed: ReturnType<typeof validateCategoryRecords<C>>;
  try {
    parsed = validateCategoryRecords(category, data, lazyFieldIssue);
  } catch (error) {
    const { method, url } = payload;
    throw new MalformedResponseError(
      { method, url, reason: (error as Error).message },
      { cause: error },
    );
  }
  return {
    category,
    records: parsed.records,
    issues: [...earlierIssues, ...parsed.issues],
    origin,
    url: payload.url,
    fetchedAt,
    hash: payload.hash,
    fetchedFrom: origin,
    sequence: 0,
  };
}

/**
 * `known` again, refetched now, when `origin` answered with the body it was made from. A worker
 * refreshing every minute from GitHub would otherwise convert and validate the same file each
 * time; this also keeps the records' identity, so caches kept beside them stay warm.
 */
export function unchangedResult<C extends Category>(
  origin: NetworkOrigin,
  payload: Payload,
  known: CategoryResult<C> | undefined,
  fetchedAt: number,
): CategoryResult<C> | undefined {
  if (known?.origin !== origin || known.hash !== payload.hash) return undefined;
  return { ...known, url: payload.url, fetchedAt };
}
