import { type Category, isCategory } from '../categories.js';
import type { CategoryResult, Origin } from '../records/category-result.js';
import { parseCategoryRecords } from '../schemas/parse-records.js';

/** One category as stored or exported: its raw records and where they came from. */
export interface CategorySnapshot {
  readonly category: Category;
  /** The source that served the data originally (`v2`, `v1`, `github`, or `snapshot`). */
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
}

/** The storage key of a category's snapshot. */
export function storageKey(category: Category): string {
  return `horde-model-reference:v1:${category}`;
}

/** A snapshot of every category in `results`. */
export function managerSnapshot(results: Iterable<CategoryResult>, now: number): ManagerSnapshot {
  return {
    format: 'horde-model-reference/snapshot',
    version: 1,
    createdAt: now,
    categories: [...results].map(toSnapshot),
  };
}

/** A category result as a snapshot. */
export function toSnapshot(result: CategoryResult): CategorySnapshot {
  const { category, origin, url, fetchedAt, hash, records } = result;
  return { category, origin, url, fetchedAt, hash, records };
}

/**
 * Reads a stored or shipped category snapshot back into validated records, served as
 * `origin: 'snapshot'`. The records are validated again: a snapshot from an older version, or an
 * edited file, gets the same per-record checks as network data.
 *
 * @returns `null` when `value` is not a category snapshot at all.
 */
export function fromSnapshot(value: unknown): CategoryResult | null {
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
  const { records, issues } = parseCategoryRecords(snapshot.category, snapshot.records);
  return {
    category: snapshot.category,
    records,
    issues,
    origin: 'snapshot',
    url: typeof snapshot.url === 'string' ? snapshot.url : '',
    fetchedAt: snapshot.fetchedAt,
    hash: typeof snapshot.hash === 'string' ? snapshot.hash : '',
  };
}

/** Parses a stored JSON string into a category result, or `null` when it is not one. */
export function parseStoredSnapshot(text: string | null | undefined): CategoryResult | null {
  if (!text) return null;
  try {
    return fromSnapshot(JSON.parse(text));
  } catch {
    return null;
  }
}
