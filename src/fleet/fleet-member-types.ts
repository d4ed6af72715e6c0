import type { FleetTopic } from './fleet-topics.js';

/**
 * What a member does in its fleet. `leader`: holds the lease, is the only one to load from the
 * PRIMARY, and publishes. `follower`: serves what the leader publishes. `standalone`: not (or no
 * longer) in touch with the coordinator: works on its own, like a manager without a fleet.
 */
export type FleetRole = 'leader' | 'follower' | 'standalone';

/**
 * Why the role changed: `acquired` (took the lease), `following` (another member leads),
 * `lost` (the lease ran out or another member took it), `fenced` (a publish was refused: another
 * member leads now), `degraded` (the coordinator is unreachable), `closed`.
 */
export type FleetRoleReason = 'acquired' | 'following' | 'lost' | 'fenced' | 'degraded' | 'closed';

/** Where a member stands, for `status()`. */
export interface FleetMemberStatus {
  /** The coordinator's kind: `'redis'`, `'file'`, `'memory'`, ... */
  readonly coordinator: string;
  /** This member's id. */
  readonly memberId: string;
  /** Its role now. */
  readonly role: FleetRole;
  /** The leader's member id as last seen (this member's own when it leads), or `null`. */
  readonly leaderId: string | null;
  /** This member's fencing token while it leads, otherwise `null`. */
  readonly token: number | null;
  /** When the leader's lease runs out as last seen, in ms since the epoch, or `null`. */
  readonly leaseExpiresAt: number | null;
  /** When this member last heard from the coordinator (a renewal, a sync, a publish), or `null`. */
  readonly lastSyncAt: number | null;
  /** Why it works standalone, and since when; `null` while the coordinator answers. */
  readonly degraded: { readonly reason: string; readonly since: number } | null;
  /** Whether `close()` was called. */
  readonly closed: boolean;
}

/** The events of a member and what each listener receives. */
export interface FleetMemberEvents {
  /** The role changed. */
  role: {
    readonly role: FleetRole;
    readonly previous: FleetRole;
    readonly reason: FleetRoleReason;
    readonly leaderId: string | null;
  };
  /**
   * The store holds a version of `category` this member has not seen (a follower should apply
   * it; a new leader carries on from it). Not emitted for the member's own publishes, nor while
   * standalone: the first sync after rejoining reports every newer version.
   */
  published: { readonly category: FleetTopic; readonly version: number };
  /** Leader only: a follower asks for a category that is not in the store yet. */
  requested: { readonly category: FleetTopic; readonly requesterId: string };
  /** The coordinator stopped answering: the member is standalone until it answers again. */
  degraded: { readonly reason: string; readonly error: Error };
  /** The coordinator answers again after an outage of `downtimeMs`; a `role` event follows. */
  recovered: { readonly downtimeMs: number };
  /** A listener threw, or something failed in the background. */
  error: { readonly error: Error };
}

/** Options of a `FleetMember`. */
export interface FleetMemberOptions {
  /**
   * This member's id: shown as `leaderId` by the others and stored with the lease. Use letters,
   * digits and `._:@-`; never put a secret in it.
   * @default a random id, new for every member
   */
  readonly memberId?: string;
  /** How long the lease lasts unless renewed, in ms. @default the coordinator's `leaseTtlMs` (15000) */
  readonly leaseTtlMs?: number;
  /**
   * How often the leader renews and the others check the lease and the store's versions, in
   * ms; at most half of `leaseTtlMs`. A dead leader is replaced within `leaseTtlMs` plus this.
   * @default a third of `leaseTtlMs`
   */
  readonly renewIntervalMs?: number;
  /** Whether `close()` also closes the coordinator. @default true */
  readonly closeCoordinator?: boolean;
}

/** Options of `FleetMember.obtain()`. */
export interface FleetObtainOptions {
  /** How long to wait for the leader to publish a requested category, in ms. @default 10000 */
  readonly timeoutMs?: number;
  /** Stops waiting (resolves with what the store has, or `null`). */
  readonly signal?: AbortSignal;
}
