import type { CategoryStore } from '../cache/category-store.js';
import type { Category } from '../categories.js';
import type { Origin, SourceId } from '../records/category-result.js';
import type { CircuitState } from '../sources/circuit-breaker.js';
import type { FallbackChain, SourceStats } from '../sources/fallback-chain.js';

/** The state of one loaded category. */
export interface CategoryStatus {
  readonly origin: Origin;
  /** Where the data came from (no credentials). */
  readonly url: string;
  /** Epoch ms when the data was fetched from its source. */
  readonly fetchedAt: number;
  readonly ageMs: number;
  /** Within the TTL. */
  readonly fresh: boolean;
  /** A refresh failed and these are the last-known-good records. */
  readonly stale: boolean;
  readonly staleSince: number | null;
  readonly lastError: string | null;
  /** Number of valid records served. */
  readonly records: number;
  /** Number of records skipped because they failed validation. */
  readonly invalidRecords: number;
}

/** Counters and circuit state of one source. */
export interface SourceStatus extends Readonly<SourceStats> {
  readonly circuit: CircuitState;
}

/** What `manager.status()` returns. */
export interface ManagerStatus {
  readonly categories: Readonly<Partial<Record<Category, CategoryStatus>>>;
  readonly sources: Readonly<Partial<Record<SourceId, SourceStatus>>>;
}

/** Builds {@link ManagerStatus} from a manager's store and chain. */
export function buildStatus(
  store: CategoryStore,
  chain: FallbackChain,
  now: number,
): ManagerStatus {
  const categories: Partial<Record<Category, CategoryStatus>> = {};
  for (const [category, entry] of store.entries()) {
    const { result } = entry;
    categories[category] = {
      origin: result.origin,
      url: result.url,
      fetchedAt: result.fetchedAt,
      ageMs: now - result.fetchedAt,
      fresh: store.fresh(category) !== undefined,
      stale: entry.staleSince !== null,
      staleSince: entry.staleSince,
      lastError: entry.lastError,
      records: Object.keys(result.records).length,
      invalidRecords: result.issues.length,
    };
  }
  const circuits = chain.circuits();
  const sources: Partial<Record<SourceId, SourceStatus>> = {};
  for (const [id, stats] of Object.entries(chain.stats) as [SourceId, SourceStatus][]) {
    const circuit = circuits[id];
    if (circuit) sources[id] = { ...stats, circuit };
  }
  return { categories, sources };
}
