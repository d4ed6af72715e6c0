import type { CategoryCache } from '../cache/category-cache.js';
import type { Category } from '../categories.js';
import type { FleetLink } from '../fleet/fleet-link.js';
import type { FleetMemberStatus } from '../fleet/fleet-member-types.js';
import type { CircuitState } from '../origins/circuit-breaker.js';
import type { FallbackChain, OriginStats } from '../origins/fallback-chain.js';
import type { NetworkOrigin, Origin } from '../records/category-result.js';

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
  /** A refresh failed and these are the last-known-good records (see `lastError`). */
  readonly stale: boolean;
  /**
   * Older than `maxStalenessMs`, whatever the last refresh did: a snapshot stored days ago, or an
   * outage that lasted that long. Old data is served only after the network had its say.
   */
  readonly old: boolean;
  readonly staleSince: number | null;
  readonly lastError: string | null;
  /** Number of valid records served. */
  readonly records: number;
  /** Number of records skipped because they failed validation. */
  readonly invalidRecords: number;
}

/** Counters and circuit state of one origin of the fallback chain. */
export interface OriginStatus extends Readonly<OriginStats> {
  readonly circuit: CircuitState;
}

/** What `manager.status()` returns. */
export interface ManagerStatus {
  readonly categories: Readonly<Partial<Record<Category, CategoryStatus>>>;
  /** Each origin of the fallback chain, in chain order. */
  readonly chain: Readonly<Partial<Record<NetworkOrigin, OriginStatus>>>;
  /**
   * With a `coordinator`: this manager's role in its fleet (`leader`, `follower`, or `standalone`
   * while the coordinator is unreachable, with why in `degraded`), the leader, the lease and the
   * last time the coordinator answered. `null` without one.
   */
  readonly coordinator: FleetMemberStatus | null;
}

/** Builds {@link ManagerStatus} from a manager's cache and chain. */
export function buildStatus(
  cache: CategoryCache,
  chain: FallbackChain,
  now: number,
  link?: FleetLink,
): ManagerStatus {
  const categories: Partial<Record<Category, CategoryStatus>> = {};
  for (const category of cache.loaded()) {
    const entry = cache.entry(category);
    if (!entry) continue;
    const { result } = entry;
    categories[category] = {
      origin: result.origin,
      url: result.url,
      fetchedAt: result.fetchedAt,
      ageMs: now - result.fetchedAt,
      fresh: entry.fresh,
      stale: entry.staleSince !== null,
      old: cache.isOld(result),
      staleSince: entry.staleSince,
      lastError: entry.lastError,
      records: Object.keys(result.records).length,
      invalidRecords: result.issues.length,
    };
  }
  const circuits = chain.circuits();
  const origins: Partial<Record<NetworkOrigin, OriginStatus>> = {};
  for (const [id, stats] of Object.entries(chain.stats) as [NetworkOrigin, OriginStatus][]) {
    const circuit = circuits[id];
    if (circuit) origins[id] = { ...stats, circuit };
  }
  return { categories, chain: origins, coordinator: link?.status() ?? null };
}
