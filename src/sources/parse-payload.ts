import type { Category } from '../categories.js';
import type { CategoryResult, SourceId } from '../records/category-result.js';
import { parseCategoryRecords, type RecordIssue } from '../schemas/parse-records.js';
import type { Payload } from './fetch-payload.js';
import { SourceFailure } from './source-failure.js';

/**
 * Validates the v2 records a source produced from `payload` and wraps them with provenance.
 * "Not an object of records at all" becomes a failed source.
 *
 * @throws {SourceFailure} of kind `malformed`.
 */
export function toCategoryResult<C extends Category>(
  category: C,
  origin: SourceId,
  payload: Payload,
  data: unknown,
  fetchedAt: number,
  earlierIssues: readonly RecordIssue[] = [],
): CategoryResult<C> {
  let parsed: ReturnType<typeof parseCategoryRecords<C>>;
  try {
    parsed = parseCategoryRecords(category, data);
  } catch (error) {
    throw new SourceFailure('malformed', payload.url, (error as Error).message, { cause: error });
  }
  return {
    category,
    records: parsed.records,
    issues: [...earlierIssues, ...parsed.issues],
    origin,
    url: payload.url,
    fetchedAt,
    hash: payload.hash,
  };
}

/**
 * `known` again, refetched now, when `origin` answered with the body it was made from. A worker
 * refreshing every minute from GitHub would otherwise convert and validate the same file each
 * time; this also keeps the records' identity, so caches kept beside them stay warm.
 */
export function unchangedResult<C extends Category>(
  origin: SourceId,
  payload: Payload,
  known: CategoryResult<C> | undefined,
  fetchedAt: number,
): CategoryResult<C> | undefined {
  if (known?.origin !== origin || known.hash !== payload.hash) return undefined;
  return { ...known, url: payload.url, fetchedAt };
}
