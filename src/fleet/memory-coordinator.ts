import { CoordinatorUnavailableError } from '../errors/coordinator-unavailable-error.js';
import type {
  FleetEntry,
  FleetLease,
  FleetNotice,
  FleetUnsubscribe,
  FleetVersions,
} from './fleet-backend.js';
import { coordinatorOf, type FleetCoordinator } from './fleet-coordinator.js';
import type { FleetLinkOptions } from './fleet-link.js';
import {
  acquireStep,
  EMPTY_FLEET_STATE,
  type FleetState,
  liveLease,
  noticesBetween,
  publishStep,
  releaseStep,
  renewStep,
  requestStep,
  versionsOf,
} from './fleet-state.js';
import { assertFleetTopic, type FleetTopic } from './fleet-topics.js';
import { DEFAULT_LEASE_TTL_MS, leaseTtlOption } from './lease-timing.js';

/**
 * The shared store of {@link memoryCoordinator}: what a Redis server is to its clients. Members
 * in one process (or one test) share it; it can be made unreachable and wiped to rehearse
 * outages and restarts.
 *
 * @example
 * ```ts
 * const store = new MemoryFleetStore();
 * const a = memoryCoordinator({ store }).member();
 * const b = memoryCoordinator({ store }).member();
 * store.unreachable = true; // both go standalone at their next renewal
 * ```
 */
export class MemoryFleetStore {
  /** While `true`, every operation fails as if the store could not be reached. @default false */
  unreachable = false;
  #state: FleetState = EMPTY_FLEET_STATE;
  readonly #payloads = new Map<string, string>();
  readonly #listeners = new Set<(notice: FleetNotice) => void>();
  #refs = 0;

  /** Forgets everything, like a store restarted without persistence. */
  wipe(): void {
    this.#state = EMPTY_FLEET_STATE;
    this.#payloads.clear();
  }

  /** @internal The current state, or an outage error. */
  read(operation: string): FleetState {
    if (this.unreachable)
      throw new CoordinatorUnavailableError('memory', operation, 'the store is unreachable');
    return this.#state;
  }

  /** @internal Applies a transition and tells every subscriber what changed. */
  commit(next: FleetState): void {
    const notices = noticesBetween(this.#state, next);
    this.#state = next;
    for (const listener of this.#listeners)
      for (const notice of notices) queueMicrotask(() => listener(notice));
  }

  /** @internal Keeps a payload and returns its key. */
  keep(payload: string): string {
    const ref = String(++this.#refs);
    this.#payloads.set(ref, payload);
    return ref;
  }

  /** @internal Drops a payload no state refers to any more. */
  drop(ref: string): void {
    this.#payloads.delete(ref);
  }

  /** @internal */
  payload(ref: string): string | undefined {
    return this.#payloads.get(ref);
  }

  /** @internal Notices go to `listener` while the store is reachable. */
  listen(listener: (notice: FleetNotice) => void): () => void {
    const guarded = (notice: FleetNotice) => {
      if (this.unreachable) return;
      try {
        listener(notice);
      } catch {
        // A subscriber's own failure is its business; the store carries on.
      }
    };
    this.#listeners.add(guarded);
    return () => this.#listeners.delete(guarded);
  }
}

/** Options of {@link memoryCoordinator}. */
export interface MemoryCoordinatorOptions {
  /** The store to share with other members. @default a new store of its own */
  readonly store?: MemoryFleetStore;
  /** Lease expiry for members of this coordinator, in ms. @default 15000 */
  readonly leaseTtlMs?: number;
  /**
   * The member a manager runs on this coordinator (`new ModelReferenceManager({ coordinator })`):
   * its id, lease timing, and how long a follower's cold read waits for the leader.
   * @default a random member id, this coordinator's lease expiry, renewal every third of it, 10 s
   */
  readonly member?: FleetLinkOptions;
}

/**
 * A fleet coordinator in memory: the whole contract (lease, fencing, atomic publish, notices)
 * for members of one process. Meant for tests of code that runs in a fleet, and as the reference
 * the Redis and file coordinators are checked against. Each call is one connection to `store`;
 * closing it ends its subscriptions, not the store.
 *
 * @throws {InvalidOptionsError} when `leaseTtlMs` is not a whole number of ms of at least 100.
 * @example
 * ```ts
 * import { MemoryFleetStore, memoryCoordinator } from 'horde-model-reference/fleet';
 * const store = new MemoryFleetStore();
 * const leader = memoryCoordinator({ store }).member({ memberId: 'a' });
 * ```
 */
export function memoryCoordinator(options: MemoryCoordinatorOptions = {}): FleetCoordinator {
  const store = options.store ?? new MemoryFleetStore();
  const leaseTtlMs = leaseTtlOption('leaseTtlMs', options.leaseTtlMs, DEFAULT_LEASE_TTL_MS);
  const subscriptions = new Set<() => void>();
  let closed = false;
  const state = (operation: string) => {
    if (closed)
      throw new CoordinatorUnavailableError('memory', operation, 'the coordinator was closed');
    return store.read(operation);
  };
  return coordinatorOf(
    {
      kind: 'memory',
      leaseTtlMs,
      async acquire(holderId, ttlMs): Promise<FleetLease> {
        const now = Date.now();
        const current = state('acquire the lease');
        const next = acquireStep(current, holderId, ttlMs, now);
        if (next) store.commit(next);
        return (next ?? current).lease as FleetLease;
      },
      async renew(lease, ttlMs) {
        const next = renewStep(state('renew the lease'), lease, ttlMs, Date.now());
        if (!next) return null;
        store.commit(next);
        return next.lease;
      },
      async release(lease) {
        const next = releaseStep(state('release the lease'), lease, Date.now());
        if (next) store.commit(next);
        return next !== null;
      },
      async leader() {
        return liveLease(state('read the lease'), Date.now());
      },
      async publish(category, lease, payload) {
        assertFleetTopic(category);
        const current = state(`publish ${category}`);
        const ref = store.keep(payload);
        const next = publishStep(current, category, lease, ref, Date.now());
        if (!next) {
          store.drop(ref);
          return null;
        }
        const previous = current.entries[category];
        store.commit(next);
        if (previous) store.drop(previous.ref);
        return next.entries[category]?.version ?? null;
      },
      async read(category: FleetTopic): Promise<FleetEntry | null> {
        assertFleetTopic(category);
        const entry = state(`read ${category}`).entries[category];
        const payload = entry && store.payload(entry.ref);
        if (!entry || payload === undefined) return null;
        const { version, token, publishedAt } = entry;
        return { category, version, payload, token, publishedAt };
      },
      async versions(): Promise<FleetVersions> {
        return versionsOf(state('read the versions'));
      },
      async request(category, requesterId) {
        assertFleetTopic(category);
        store.commit(requestStep(state(`request ${category}`), category, requesterId, Date.now()));
      },
      async subscribe(listener): Promise<FleetUnsubscribe> {
        const stop = store.listen((notice) => {
          if (!closed) listener(notice);
        });
        subscriptions.add(stop);
        return async () => {
          stop();
          subscriptions.delete(stop);
        };
      },
      async close() {
        closed = true;
        for (const stop of subscriptions) stop();
        subscriptions.clear();
      },
    },
    options.member,
  );
}
