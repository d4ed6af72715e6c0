// The contract every fleet coordinator implements (Redis, a shared folder, memory). Types only:
// this file is part of the isomorphic core and must stay free of `node:*`.
import type { FleetTopic } from './fleet-topics.js';

/**
 * The leadership lease of one fleet: who holds it, with which fencing token, until when.
 *
 * `token` comes from a counter that only goes up, for the whole life of the store: every
 * acquisition gets a larger one. When a store is wiped (a Redis restart without persistence, a
 * deleted folder) the counter starts again from the store's clock in milliseconds, so it still
 * does not go back.
 */
export interface FleetLease {
  /** The holder's member id. */
  readonly holderId: string;
  /** The fencing token of this term: publishing with an older one is refused. */
  readonly token: number;
  /**
   * When the lease runs out unless renewed, in ms since the epoch on this process's clock. For
   * Redis it is estimated from the remaining time Redis reported, measured from before the
   * request was sent, so it errs early.
   */
  readonly expiresAt: number;
}

/**
 * One category as published in the shared store: a whole payload and the version it got.
 *
 * The payload is opaque to the coordinator. The manager stores a validated category snapshot (or
 * the image baseline catalog) there (records, provenance, version, the diff it computed), and never an API key. Whoever
 * reads it must treat it as untrusted input and validate it again like any other source: a
 * store can be written by anything that can reach it.
 */
export interface FleetEntry {
  /** The category, or `image_baselines` for the image baseline catalog. */
  readonly category: FleetTopic;
  /** Its version in the store: larger for every publish of this category, never reused. */
  readonly version: number;
  /** Exactly the string that was published. */
  readonly payload: string;
  /** The fencing token of the leader that published it. */
  readonly token: number;
  /** When it was published, in ms since the epoch on the store's clock. */
  readonly publishedAt: number;
}

/** The latest version of every category in the store (a null-prototype object). */
export type FleetVersions = Readonly<Partial<Record<FleetTopic, number>>>;

/**
 * What a coordinator tells its subscribers. Notices are a shortcut, not the record: one can be
 * lost (a dropped connection, a store restarted), so members also compare {@link
 * FleetBackend.versions} on every renewal period.
 */
export type FleetNotice =
  /** A category got a new version. */
  | {
      readonly type: 'published';
      readonly category: FleetTopic;
      readonly version: number;
      readonly token: number;
    }
  /** A follower asks the leader to load a category that is not in the store. */
  | { readonly type: 'requested'; readonly category: FleetTopic; readonly requesterId: string }
  /** A member took the lease. */
  | { readonly type: 'acquired'; readonly holderId: string; readonly token: number }
  /** The holder gave the lease up (on close): followers may take it at once. */
  | { readonly type: 'released'; readonly holderId: string; readonly token: number };

/** Stops a subscription; resolves once no more notices will be delivered. */
export type FleetUnsubscribe = () => Promise<void>;

/**
 * Shared storage and leadership for a fleet of managers: a lease with fencing tokens, an
 * atomic fenced publish of whole payloads, and notices. Implemented by `redisCoordinator()`
 * (`horde-model-reference/redis`), `fileCoordinator()` (`horde-model-reference/node`) and
 * `memoryCoordinator()` (`horde-model-reference/testing`). A `FleetMember` runs the roles on top.
 *
 * Every method rejects with `CoordinatorUnavailableError` when the store cannot be reached or
 * does not answer in time, and with `UnknownCategoryError` for a topic that is neither one of the 15 categories,
 * `image_baselines` (the baseline catalog) nor `change_tokens` (the leader's change tokens);
 * never with anything else.
 *
 * @example
 * ```ts
 * const lease = await backend.acquire('worker-1', 15_000);
 * if (lease.holderId === 'worker-1') {
 *   const version = await backend.publish('image_generation', lease, JSON.stringify(snapshot));
 *   // null: another member took the lease since; this one must stop publishing.
 * }
 * ```
 */
export interface FleetBackend {
  /** What kind of store this is (`'redis'`, `'file'`, `'memory'`), for messages and status. */
  readonly kind: string;
  /** The lease expiry members of this coordinator use unless told otherwise, in ms. */
  readonly leaseTtlMs: number;
  /**
   * Takes the lease for `holderId` when nobody holds it (set-if-absent, with expiry and a new
   * fencing token), and returns whoever holds it afterwards: `holderId` itself when it won (or
   * already held it), another member otherwise.
   */
  acquire(holderId: string, ttlMs: number): Promise<FleetLease>;
  /**
   * Extends `lease` by `ttlMs` from now. Only its holder with its token can: resolves to `null`
   * when the lease expired or another member holds it.
   */
  renew(lease: FleetLease, ttlMs: number): Promise<FleetLease | null>;
  /** Gives the lease up so a follower can take it at once; `false` when it was no longer held. */
  release(lease: FleetLease): Promise<boolean>;
  /** The current lease, or `null` when nobody holds one. */
  leader(): Promise<FleetLease | null>;
  /**
   * Stores `payload` as the new version of `category`, in one atomic step with the check that
   * `lease` is still the current lease (same holder and token, not expired). Resolves to the new
   * version, or `null` when the check failed: a fenced-out leader can never publish. A reader
   * sees the old payload or the new one, never a mix.
   */
  publish(category: FleetTopic, lease: FleetLease, payload: string): Promise<number | null>;
  /** The latest published version of `category`, or `null` when none was published. */
  read(category: FleetTopic): Promise<FleetEntry | null>;
  /** The latest version of every published category. */
  versions(): Promise<FleetVersions>;
  /** Asks the leader to load and publish `category` (a `requested` notice). */
  request(category: FleetTopic, requesterId: string): Promise<void>;
  /**
   * Delivers notices to `listener` until unsubscribed. Resolves once subscribed; never rejects
   * for an unreachable store (the subscription reconnects by itself; members catch up through
   * {@link FleetBackend.versions}).
   */
  subscribe(listener: (notice: FleetNotice) => void): Promise<FleetUnsubscribe>;
  /** Ends subscriptions and closes what this coordinator opened (not a client you passed in). */
  close(): Promise<void>;
  /**
   * When the store last answered any call, in ms since the epoch, even after that call's
   * deadline (`null`: never). Optional: a member counts a slow store that still answers as in
   * touch, and goes standalone only when nothing came back for a whole lease period.
   */
  lastAnswerAt?(): number | null;
}
