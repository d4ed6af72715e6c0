// The role machine behind FleetMember: the lease, the role, and the rounds that keep them true.
//
//   standalone --(coordinator answers, lease won)--> leader
//   standalone --(coordinator answers, lease held by another)--> follower
//   follower --(lease free or expired, won at a round or on a `released` notice)--> leader
//   leader --(renewal refused, another's term seen, publish refused, own clock ran out)--> follower
//   any --(no answer from the coordinator, even a late one, for a lease period)--> standalone (degraded), retried
//     every round (a single failed call leaves the role as it is)
//   any --(close)--> standalone (closed)
//
// One round runs at a time (a trigger during a round queues one more). Rounds run every
// renewal period: the leader renews; the others try to take the lease and compare versions.
//
// When the leader renews, and when its lease counts as run out locally: src/fleet/lease-clock.ts.

import { toError } from '../util/to-error.js';
import { unref } from '../util/unref.js';
import type { FleetBackend, FleetLease, FleetNotice, FleetUnsubscribe } from './fleet-backend.js';
import type { FleetMemberStatus, FleetRole, FleetRoleReason } from './fleet-member-types.js';
import type { FleetTopic } from './fleet-topics.js';
import { LeaseClock } from './lease-clock.js';
import { Waiters } from './waiters.js';

/** What the machine tells its member. */
export interface FleetRoleHooks {
  role(role: FleetRole, previous: FleetRole, reason: FleetRoleReason): void;
  degraded(error: Error): void;
  recovered(downtimeMs: number): void;
  /** A version seen in the store (a notice, or a round's comparison); `own`: this term's publish. */
  version(category: FleetTopic, version: number, own: boolean): void;
  requested(category: FleetTopic, requesterId: string): void;
  /** Another member's term began (a follower learnt of a new leader or a new token). */
  term(): void;
  /** Something unexpected failed in the background. */
  failed(error: Error): void;
}

export class FleetRoles {
  readonly #backend: FleetBackend;
  readonly #memberId: string;
  readonly #ttlMs: number;
  readonly #hooks: FleetRoleHooks;
  #role: FleetRole = 'standalone';
  #lease: FleetLease | null = null;
  #leaderId: string | null = null;
  #leaderExpiresAt: number | null = null;
  /** The token of the term this member last followed (`null`: none yet). */
  #leaderToken: number | null = null;
  #lastSyncAt: number | null = null;
  #degraded: { reason: string; since: number } | null = null;
  #closed = false;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: FleetUnsubscribe | undefined;
  /** Those waiting for the first role (see {@link FleetRoles.settled}). */
  readonly #settling = new Waiters<'role'>();
  readonly #clock: LeaseClock;

  constructor(
    backend: FleetBackend,
    memberId: string,
    timing: { ttlMs: number; renewMs: number },
    hooks: FleetRoleHooks,
  ) {
    this.#backend = backend;
    this.#memberId = memberId;
    this.#ttlMs = timing.ttlMs;
    this.#hooks = hooks;
    this.#clock = new LeaseClock(timing);
  }

  get role(): FleetRole {
    return this.#role;
  }

  /** This member's lease while it leads and the lease has not run out by its own clock. */
  get lease(): FleetLease | null {
    const lease = this.#lease;
    return this.#role === 'leader' && lease && Date.now() < lease.expiresAt ? lease : null;
  }

  status(): Omit<FleetMemberStatus, 'coordinator' | 'memberId' | 'closed'> {
    const connected = this.#role !== 'standalone';
    return {
      role: this.#role,
      leaderId: connected ? this.#leaderId : null,
      token: this.#role === 'leader' ? (this.#lease?.token ?? null) : null,
      leaseExpiresAt: connected ? this.#leaderExpiresAt : null,
      lastSyncAt: this.#lastSyncAt,
      degraded: this.#degraded ? { ...this.#degraded } : null,
    };
  }

  /** Runs one round now, or once more after the one in progress. Never rejects. */
  cycle(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    clearTimeout(this.#timer);
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#round().catch((error: unknown) => this.#hooks.failed(toError(error)));
      } while (this.#again && !this.#closed);
      this.#running = undefined;
      this.#schedule();
    })();
    return this.#running;
  }

  /**
   * Resolves once the member has a role: it leads or follows, went standalone (degraded) or
   * closed; at the latest after `timeoutMs` (a store that keeps answering late).
   */
  settled(timeoutMs: number): Promise<void> {
    if (this.#role !== 'standalone' || this.#degraded || this.#closed) return Promise.resolve();
    return this.#settling.wait('role', timeoutMs).promise;
  }

  /** The coordinator answered a call made for the member (a read, a publish). */
  synced(): void {
    this.#lastSyncAt = Date.now();
    const degraded = this.#degraded;
    if (!degraded) return;
    this.#degraded = null;
    this.#hooks.recovered(this.#lastSyncAt - degraded.since);
  }

  /** A publish with `lease` was refused: another member leads now. */
  fenced(lease: FleetLease): void {
    if (this.#lease !== lease) return;
    this.#stepDown('fenced');
    void this.cycle();
  }

  /**
   * A call to the coordinator failed. One failure is not an outage (a busy process may read an
   * answer after its deadline): a member that was in touch keeps its role until the coordinator
   * has not answered anything, even late, for a whole lease period (a leader's own lease runs out on its clock first),
   * then goes standalone.
   */
  degrade(error: unknown): void {
    if (this.#closed) return;
    const failure = toError(error);
    // A late answer to any call counts too: a slow store is not an outage.
    const heard = Math.max(this.#lastSyncAt ?? 0, this.#backend.lastAnswerAt?.() ?? 0);
    const quietMs = Date.now() - heard;
    // Also before a first role: a store that answered anything (late) is slow, not gone.
    if (!this.#degraded && heard > 0 && quietMs < this.#ttlMs) return;
    this.#lease = null;
    this.#clock.disarm();
    if (this.#degraded) return;
    this.#degraded = { reason: failure.message, since: Date.now() };
    this.#setRole('standalone', 'degraded');
    this.#hooks.degraded(failure);
    this.#wake();
  }

  /** Stops every timer and round; returns the lease to release (if this member held one). */
  async stop(): Promise<{ lease: FleetLease | null; unsubscribe: FleetUnsubscribe | undefined }> {
    this.#closed = true;
    this.#wake();
    clearTimeout(this.#timer);
    this.#clock.disarm();
    await this.#running;
    const lease = this.#lease;
    this.#lease = null;
    return { lease, unsubscribe: this.#unsubscribe };
  }

  /** After `stop()`: the last role change. */
  closed(): void {
    this.#setRole('standalone', 'closed');
  }

  /** One round: renew (leader), or try to take the lease and catch up with the store. */
  async #round(): Promise<void> {
    try {
      this.#unsubscribe ??= await this.#backend.subscribe((notice) => this.#onNotice(notice));
      if (this.#closed) return;
      const held = this.#lease;
      if (this.#role === 'leader' && held) {
        const renewed = await this.#clock.renewing(this.#backend.renew(held, this.#ttlMs));
        if (renewed && this.#lease === held) {
          this.synced();
          this.#lead(renewed);
          return;
        }
        if (this.#lease === held) this.#stepDown('lost');
      }
      const current = await this.#backend.acquire(this.#memberId, this.#ttlMs);
      // Even when closing: a lease won must be known so that it is released.
      if (current.holderId === this.#memberId) this.#lease = current;
      if (this.#closed) return;
      this.synced();
      if (current.holderId === this.#memberId) this.#lead(current);
      else this.#follow(current);
      const versions = await this.#backend.versions();
      if (this.#closed) return;
      for (const [category, version] of Object.entries(versions) as [FleetTopic, number][])
        this.#hooks.version(category, version, false);
    } catch (error) {
      this.degrade(error);
    }
  }

  #lead(lease: FleetLease): void {
    this.#lease = lease;
    this.#leaderId = this.#memberId;
    this.#leaderExpiresAt = lease.expiresAt;
    this.#setRole('leader', 'acquired');
    // If no renewal succeeds before the lease runs out, stop leading then, not later.
    this.#clock.arm(
      lease,
      () => this.#lease === lease && !this.#closed,
      () => this.#lostLease(),
    );
  }

  #follow(lease: FleetLease): void {
    this.#lease = null;
    this.#clock.disarm();
    this.#leaderId = lease.holderId;
    this.#leaderExpiresAt = lease.expiresAt;
    this.#setRole('follower', 'following');
    this.#newTerm(lease.token);
  }

  /** A follower heard of the term `token` (a round's lease, an `acquired` notice). */
  #newTerm(token: number): void {
    if (token === this.#leaderToken) return;
    const first = this.#leaderToken === null;
    this.#leaderToken = token;
    if (!first) this.#hooks.term();
  }

  #stepDown(reason: FleetRoleReason): void {
    this.#lease = null;
    this.#clock.disarm();
    this.#leaderId = null;
    this.#leaderExpiresAt = null;
    this.#setRole('follower', reason);
  }

  /** Another member's term began (or this one's ran out): stop leading now, then look again. */
  #lostLease(): void {
    this.#stepDown('lost');
    void this.cycle();
  }

  #setRole(role: FleetRole, reason: FleetRoleReason): void {
    const previous = this.#role;
    if (previous === role) return;
    this.#role = role;
    this.#hooks.role(role, previous, reason);
    this.#wake();
  }

  #wake(): void {
    this.#settling.wake('role');
  }

  #onNotice(notice: FleetNotice): void {
    if (this.#closed) return;
    try {
      const lease = this.#lease;
      if (notice.type === 'published') {
        const own = lease !== null && notice.token === lease.token;
        if (lease && notice.token > lease.token) this.#lostLease();
        this.#hooks.version(notice.category, notice.version, own);
      } else if (notice.type === 'acquired') {
        if (lease && notice.token !== lease.token) this.#lostLease();
        else if (!lease && this.#role === 'follower') {
          this.#leaderId = notice.holderId;
          this.#leaderExpiresAt = null;
          this.#newTerm(notice.token);
        }
      } else if (notice.type === 'released') {
        if (notice.holderId !== this.#memberId) void this.cycle();
      } else if (this.#role === 'leader')
        this.#hooks.requested(notice.category, notice.requesterId);
    } catch (error) {
      this.#hooks.failed(toError(error));
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = unref(
      setTimeout(
        () => void this.cycle(),
        this.#clock.nextRoundInMs(this.#role === 'leader' ? this.#lease : null),
      ),
    );
  }
}
