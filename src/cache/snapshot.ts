import { type Category, isCategory } from '../categories.js';
import type { CategoryResult, NetworkOrigin, Origin } from '../records/category-result.js';
import { lazyFieldIssue } from '../schemas/lazy-issues.js';
import { validateCategoryRecords } from '../schemas/record-validation.js';

/** One category as stored or exported: its raw records and where they came from. */
export interface CategorySnapshot {
  readonly category: Category;
  /** The origin that served the data originally (`v2`, `v1`, `github`; `snapshot` when unknown). */
  readonly origin: Origin;
  readonly url: string;
  /** Epoch ms when the data was fetched from its source. */
  readonly fetchedAt: number;
  readonly hash: string;
  readonly records: Readonly<Record<string, unknown>>;
}

/** Every loaded category, JSON-serialisable. Pass it as the `snapshot` option to seed a manager. */
export interface ManagerSnapshot {
  readonly format: 'horde-model-reference/snapshot';
  readonly version: 1;
  /** Epoch ms when the snapshot was taken. */
  readonly createdAt: number;
  readonly categories: readonly CategorySnapshot[];
  /** The image baseline catalog the manager held, when it had read one (see `baselineCatalog()`). */
  readonly baselines?: unknown;
}

/** The storage key of a category's snapshot. */
export function storageKey(category: Category): string {
  return `horde-model-reference:${category}`;
}

/** The key 0.1 stored a category under, still read (once) so an upgrade keeps its cache. */
export function legacyStorageKey(category: Category): string {
  return `horde-model-reference:v1:${category}`;
}

/** A snapshot of every category in `results`. */
export function managerSnapshot(
  results: Iterable<CategoryResult>,
  now: number,
  baselines?: unknown,
): ManagerSnapshot {
  return {
    format: 'horde-model-reference/snapshot',
    version: 1,
    createdAt: now,
    categories: [...results].map(toSnapshot),
    ...(baselines ? { baselines } : {}),
  };
}

/** A category result as a snapshot. */
export function toSnapshot(result: CategoryResult): CategorySnapshot {
  const { category, url, fetchedAt, hash, records } = result;
  return { category, origin: result.fetchedFrom ?? result.origin, url, fetchedAt, hash, records };
}

/** The JSON of every frozen records object serialised so far (dropped with the records). */
const recordsJson = new WeakMap<object, string>();

/**
 * `JSON.stringify(toSnapshot(result))`, with the JSON of frozen records computed once: managers
 * holding the same records (a fleet's followers in one process share what the store gave them)
 * each store a snapshot, and serialising a large category 50 times stood on the path of
 * propagation. Records accepted by a manager are frozen all the way down, so their JSON cannot
 * change; records that are not frozen are serialised every time.
 */
export function snapshotJson(result: CategoryResult): string {
  const snapshot = toSnapshot(result);
  const { records, ...head } = snapshot;
  if (!Object.isFrozen(records)) return JSON.stringify(snapshot);
  let json = recordsJson.get(records);
  if (json === undefined) {
    json = JSON.stringify(records);
    recordsJson.set(records, json);
  }
  // `records` is the last key of a snapshot: the same text JSON.stringify gives for the whole.
  return `${JSON.stringify(head).slice(0, -1)},"records":${json}}`;
}

const NETWORK_ORIGINS: readonly string[] = ['v2', 'v1', 'github'];

/**
 * Reads a stored or shipped category snapshot back into validated records, served as
 * `origin: 'snapshot'`. The records are validated again: a snapshot from an older version, or an
 * edited file, gets the same per-record checks as network data. A `fetchedAt` in the future (a
 * clock that was ahead) is brought back to `now`, so it can never pass for fresh data.
 *
 * @returns `null` when `value` is not a category snapshot at all.
 */
export function fromSnapshot(value: unknown, now: number = Date.now()): CategoryResult | null {
  if (typeof value !== 'object' || value === null) return null;
  const snapshot = value as Partial<CategorySnapshot>;
  if (
    !isCategory(snapshot.category) ||
    typeof snapshot.fetchedAt !== 'number' ||
    typeof snapshot.records !== 'object' ||
    snapshot.records === null
  ) {
    return null;
  }
  const { records, issues } = validateCategoryRecords(
    snapshot.category,
    snapshot.records,
    lazyFieldIssue,
  );
  return {
    category: snapshot.category,
    records,
    issues,
    origin: 'snapshot',
    url: typeof snapshot.url === 'string' ? snapshot.url : '',
    fetchedAt: Math.min(snapshot.fetchedAt, now),
    hash: typeof snapshot.hash === 'string' ? snapshot.hash : '',
    fetchedFrom: NETWORK_ORIGINS.includes(snapshot.origin as string)
      ? (snapshot.origin as NetworkOrigin)
      : null,
    sequence: 0,
  };
}

/** What storage held for a category: nothing, a readable snapshot, or something unreadable. */
export type StoredSnapshot =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly result: CategoryResult }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads a stored JSON string back into a category result, saying why when it cannot. */
export function parseStoredSnapshot(text: unknown, now: number): StoredSnapshot {
  if (text === null || text === undefined) return { kind: 'absent' };
  if (typeof text !== 'string') return { kind: 'unreadable', reason: `a ${typeof text}, not text` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `not JSON (${(error as Error).message})` };
  }
  const result = fromSnapshot(value, now);
  return result
    ? { kind: 'ok', result }
    : { kind: 'unreadable', reason: 'JSON that is not a category snapshot' };
}
