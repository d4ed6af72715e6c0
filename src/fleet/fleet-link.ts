// What a manager and its fleet see of each other. Types only: the manager (in the core bundle)
// holds a `FleetLink` made by its coordinator, so the role machine and the snapshot codec come
// with the coordinator's entry (`./redis`, `./node`, `./fleet`) and never with the core.
import type { CacheFleet, CategoryCache } from '../cache/category-cache.js';
import type { ChangeDetector } from '../changes/change-detector.js';
import type { ManagerEvents } from '../events.js';
import type { RequestOptions } from '../http/request-options.js';
import type { CategoryChange } from '../records/diff-records.js';
import type { Emitter } from '../util/emitter.js';
import type { FleetMemberOptions, FleetMemberStatus } from './fleet-member-types.js';

/** The parts of a manager its fleet link works with. */
export interface FleetHost {
  /** The manager's records: a follower applies what the leader published through it. */
  readonly cache: CategoryCache;
  /** The manager's own change detection (loaded on first use): the leader's and a standalone member's. */
  readonly detector: () => Promise<ChangeDetector>;
  /** The manager's events: `change` (the leader's diff), `coordinator`, `error`. */
  readonly events: Emitter<ManagerEvents>;
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
  /** Leaves the fleet (releasing the lease) and closes the coordinator. Never rejects. */
  close(): Promise<void>;
}
