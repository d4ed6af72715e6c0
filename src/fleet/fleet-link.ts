// What a manager and its fleet see of each other. Types only: the manager (in the core bundle)
// holds a `FleetLink` made by its coordinator, so the role machine and the snapshot codec come
// with the coordinator's entry (`./redis`, `./node`, `./fleet`) and never with the core.
import type { CacheFleet, CategoryCache } from '../cache/category-cache.js';
import type { ChangeDetector } from '../changes/change-detector.js';
import type { ManagerEvents } from '../events.js';
import type { RequestOptions } from '../http/request-options.js';
import type { CategoryChange } from '../records/diff-records.js';
import type { ImageBaselineCatalog } from '../schemas/baseline-catalog.js';
import type { Emitter } from '../util/emitter.js';
import type { FleetMemberOptions, FleetMemberStatus } from './fleet-member-types.js';

/**
 * The image baseline catalog as the fleet shares it: what the PRIMARY answered when the leader
 * asked it.
 */
export interface FleetBaselines {
  /** The PRIMARY's catalog; `null`: it serves none (a server before 8.x), see `reason`. */
  readonly catalog: ImageBaselineCatalog | null;
  /** When the leader fetched or confirmed it, in ms since the epoch. */
  readonly fetchedAt: number;
  /** The PRIMARY's `ETag` for it: a member that takes over asks with `If-None-Match`. */
  readonly etag: string | null;
  /** Why no catalog is served, when `catalog` is `null`. */
  readonly reason: string | null;
}

/** The manager's baseline catalog cache, as its fleet link uses it. */
export interface FleetBaselineHolder {
  /** Follower: serve a catalog the leader published. */
  apply(baselines: FleetBaselines): void;
  /** Loads the catalog if it is not fresh (a leader: from the PRIMARY, which publishes it). */
  get(request: RequestOptions): Promise<unknown>;
  /** What the PRIMARY last answered (or the fleet last gave), or `null` before any answer. */
  shared(): FleetBaselines | null;
}

/** The parts of a manager its fleet link works with. */
export interface FleetHost {
  /** The manager's records: a follower applies what the leader published through it. */
  readonly cache: CategoryCache;
  /** The manager's own change detection (loaded on first use): the leader's and a standalone member's. */
  readonly detector: () => Promise<ChangeDetector>;
  /** The manager's events: `change` (the leader's diff), `coordinator`, `error`. */
  readonly events: Emitter<ManagerEvents>;
  /** The manager's baseline catalog cache, built on first use (a leader answering a request). */
  readonly baselines: () => Promise<FleetBaselineHolder>;
  /** That cache if something asked for it already (a publish is applied only then). */
  readonly loadedBaselines: () => FleetBaselineHolder | undefined;
}

/** Options of the member a manager runs in its fleet. */
export interface FleetLinkOptions extends FleetMemberOptions {
  /**
   * How long a follower's cold read waits for the leader to publish a category nobody has
   * published yet, in ms; after that it reads its own chain.
   * @default 10000
   */
  readonly obtainTimeoutMs?: number;
}

/** A manager's membership of a fleet, as the manager uses it. */
export interface FleetLink extends CacheFleet {
  /** Where this member stands, for `status().coordinator`. */
  status(): FleetMemberStatus;
  /**
   * `checkForUpdates()` and each `watch()` tick: the leader and a standalone member ask the
   * PRIMARY (the leader publishes what it accepts); a follower applies what the leader
   * published and never asks the PRIMARY.
   */
  check(request: RequestOptions): Promise<CategoryChange[]>;
  /**
   * The baseline catalog from the fleet, for a follower: the store's copy, or the leader asked
   * for it and waited for (`obtainTimeoutMs`). `undefined`: this member reads the PRIMARY itself
   * (it leads, works standalone, no leader answered, or the store's copy was refused).
   */
  baselines(request: RequestOptions): Promise<FleetBaselines | undefined>;
  /** The manager got the catalog from the PRIMARY: the leader publishes it when it is news. */
  acceptedBaselines(baselines: FleetBaselines): void;
  /** Leaves the fleet (releasing the lease) and closes the coordinator. Never rejects. */
  close(): Promise<void>;
}
