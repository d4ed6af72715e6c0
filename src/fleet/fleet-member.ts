import { assertCategory, type Category } from '../categories.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { isModelReferenceError } from '../errors/model-reference-error.js';
import { isUnknownCategoryError } from '../errors/unknown-category-error.js';
import type {
  FleetBackend,
  FleetEntry,
  FleetLease,
  FleetNotice,
  FleetUnsubscribe,
  FleetVersions,
} from './fleet-backend.js';
import { assertMemberId, newMemberId } from './fleet-ids.js';
import { FleetListeners, type FleetOff } from './fleet-listeners.js';
import type {
  FleetMemberEvents,
  FleetMemberOptions,
  FleetMemberStatus,
  FleetObtainOptions,
  FleetRole,
  FleetRoleReason,
} from './fleet-member-types.js';
import { leaseTtlOption } from './lease-timing.js';
import { Waiters } from './waiters.js';

/** Default of {@link FleetObtainOptions.timeoutMs}. */
const OBTAIN_TIMEOUT_MS = 10_000;

/**
 * One member of a fleet: runs the roles on top of any {@link FleetBackend}. It joins as leader
 * (when it gets the lease) or follower, renews every `renewIntervalMs`, steps down the moment it
 * learns the lease is lost (a refused renewal, another member's term, a refused publish, or its
 * own lease running out locally) and never publishes after that; a follower takes over within
 * the lease expiry plus one renewal period after the leader dies, at once when it releases.
 * When the coordinator does not answer, the member goes `standalone` (with a `degraded` event
 * and status) and rejoins when it answers again.
 *
 * Timers are unref'd where the runtime allows and stop on `close()`. No method rejects for an
 * unreachable coordinator, and nothing runs as an unhandled rejection.
 *
 * @throws {InvalidOptionsError} from the constructor for a bad member id or timing.
 * @example
 * ```ts
 * const member = new FleetMember(redisCoordinator({ url: 'redis://127.0.0.1:6379' }));
 * member.on('role', ({ role }) => console.log('now', role));
 * member.on('published', async ({ category }) => apply(await member.read(category)));
 * await member.join();
 * if (member.status().role === 'leader') await member.publish('image_generation', payload);
 * await member.close(); // releases the lease: a follower takes over at once
 * ```
 */
export class FleetMember {
  /** This member's id. */
  readonly memberId: string;
  readonly #backend: FleetBackend;
  readonly #ttlMs: number;
  readonly #renewMs: number;
  readonly #closeBackend: boolean;
  readonly #events = new FleetListeners<FleetMemberEvents>();
  readonly #waiters = new Waiters<Category>();
  /** The versions reported to this member's owner (emitted, read or published by it). */
  readonly #known: Partial<Record<Category, number>> = Object.create(null);
  #role: FleetRole = 'standalone';
  #lease: FleetLease | null = null;
  #leaderId: string | null = null;
  #leaderExpiresAt: number | null = null;
  #lastSyncAt: number | null = null;
  #degraded: { reason: string; since: number } | null = null;
  #closed = false;
  #joined: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: FleetUnsubscribe | undefined;

  constructor(backend: FleetBackend, options: FleetMemberOptions = {}) {
    this.#backend = backend;
    this.memberId =
      options.memberId === undefined ? newMemberId() : assertMemberId(options.memberId);
    this.#ttlMs = leaseTtlOption(options.leaseTtlMs ?? backend.leaseTtlMs, 'leaseTtlMs');
    this.#renewMs = options.renewIntervalMs ?? Math.floor(this.#ttlMs / 3);
    if (
      !Number.isSafeInteger(this.#renewMs) ||
      this.#renewMs < 1 ||
      this.#renewMs * 2 > this.#ttlMs
    )
      throw new InvalidOptionsError(
        'renewIntervalMs',
        `${this.#renewMs} is not allowed; use a whole number of ms from 1 to half of leaseTtlMs (${this.#ttlMs}).`,
      );
    this.#closeBackend = options.closeCoordinator ?? true;
  }

  /** Listens to an event; returns the function that stops listening. */
  on<E extends keyof FleetMemberEvents>(
    event: E,
    listener: (payload: FleetMemberEvents[E]) => void,
  ): FleetOff {
    return this.#events.on(event, listener);
  }

  /**
   * Joins the fleet: subscribes to notices and tries to take the lease. Resolves after the first
   * attempt, whatever the role it gave (`standalone` when the coordinator did not answer; the
   * member keeps trying). Calling it again returns the same promise. Never rejects.
   */
  join(): Promise<void> {
    this.#joined ??= this.#cycle();
    return this.#joined;
  }

  /** Where this member stands now. */
  status(): FleetMemberStatus {
    const leading = this.#role === 'leader' && this.#lease !== null;
    return {
      coordinator: this.#backend.kind,
      memberId: this.memberId,
      role: this.#role,
      leaderId: this.#role === 'standalone' ? null : this.#leaderId,
      token: leading ? (this.#lease?.token ?? null) : null,
      leaseExpiresAt: this.#role === 'standalone' ? null : this.#leaderExpiresAt,
      lastSyncAt: this.#lastSyncAt,
      degraded: this.#degraded ? { ...this.#degraded } : null,
      closed: this.#closed,
    };
  }

  /** The latest version of each category this member has reported, read or published. */
  versions(): FleetVersions {
    return Object.assign(Object.create(null), this.#known);
  }

  /**
   * Leader only: stores `payload` as the new version of `category` (atomically fenced by this
   * member's lease). Resolves to the new version, or `null` when nothing was published: this
   * member is not the leader, its lease ran out or was taken (it steps down at once), or the
   * coordinator is unreachable (it goes standalone).
   *
   * @throws {UnknownCategoryError} for a category that is not one of the 15.
   */
  async publish(category: Category, payload: string): Promise<number | null> {
    assertCategory(category);
    const lease = this.#lease;
    if (this.#closed || this.#role !== 'leader' || !lease || Date.now() >= lease.expiresAt)
      return null;
    let version: number | null;
    try {
      version = await this.#backend.publish(category, lease, payload);
    } catch (error) {
      if (isUnknownCategoryError(error)) throw error;
      this.#degrade(error);
      return null;
    }
    if (version === null) {
      if (this.#lease === lease) {
        this.#stepDown('fenced');
        void this.#cycle();
      }
      return null;
    }
    this.#synced();
    this.#see(category, version);
    return version;
  }

  /**
   * The latest published version of `category`, or `null` when there is none or the
   * coordinator is unreachable (read it from your own sources then). Its version counts as
   * seen: no `published` event follows for it. Validate the payload before trusting it.
   *
   * @throws {UnknownCategoryError} for a category that is not one of the 15.
   */
  async read(category: Category): Promise<FleetEntry | null> {
    assertCategory(category);
    if (this.#closed) return null;
    try {
      const entry = await this.#backend.read(category);
      this.#synced();
      if (entry) this.#see(category, entry.version);
      return entry;
    } catch (error) {
      if (isUnknownCategoryError(error)) throw error;
      this.#degrade(error);
      return null;
    }
  }

  /**
   * A follower's cold read: the store's version of `category` if there is one; otherwise asks the
   * leader for it and waits (at most `timeoutMs`) for it to be published. Resolves to `null` when
   * nobody published it in time, or when there is no leader to ask (this member leads, or is
   * standalone): then load it from your own sources.
   *
   * @throws {UnknownCategoryError} for a category that is not one of the 15.
   */
  async obtain(category: Category, options: FleetObtainOptions = {}): Promise<FleetEntry | null> {
    const present = await this.read(category);
    if (present || this.#role !== 'follower' || options.signal?.aborted) return present;
    const woken = this.#waiters.wait(
      category,
      options.timeoutMs ?? OBTAIN_TIMEOUT_MS,
      options.signal,
    );
    try {
      await this.#backend.request(category, this.memberId);
    } catch (error) {
      woken.cancel();
      this.#degrade(error);
      return null;
    }
    await woken.promise;
    return this.#closed ? null : this.read(category);
  }

  /**
   * Leaves the fleet: stops every timer, releases the lease if this member holds it (so a
   * follower takes over at once), ends the subscription and, unless `closeCoordinator: false`,
   * closes the coordinator. Never rejects; calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  async #shutDown(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#expiry);
    this.#waiters.wakeAll();
    await this.#running;
    const lease = this.#lease;
    this.#lease = null;
    const backend = this.#backend;
    const unsubscribe = this.#unsubscribe;
    // A custom coordinator may throw instead of rejecting: close() must not fail for it either.
    if (lease) await quietly(() => backend.release(lease));
    if (unsubscribe) await quietly(unsubscribe);
    this.#setRole('standalone', 'closed');
    if (this.#closeBackend) await quietly(() => backend.close());
  }

  /** Runs one round now, or once more after the one in progress. Never rejects. */
  #cycle(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    clearTimeout(this.#timer);
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#round().catch((error: unknown) => this.#fail(error));
      } while (this.#again && !this.#closed);
      this.#running = undefined;
      this.#schedule(this.#renewMs);
    })();
    return this.#running;
  }

  /** One round: renew (leader), or try to take the lease and catch up with the store. */
  async #round(): Promise<void> {
    try {
      this.#unsubscribe ??= await this.#backend.subscribe((notice) => this.#onNotice(notice));
      if (this.#closed) return;
      const held = this.#lease;
      if (this.#role === 'leader' && held) {
        const renewed = await this.#backend.renew(held, this.#ttlMs);
        if (renewed && this.#lease === held) {
          this.#synced();
          this.#lead(renewed);
          return;
        }
        if (this.#lease === held) this.#stepDown('lost');
      }
      const current = await this.#backend.acquire(this.memberId, this.#ttlMs);
      // Even when closing: a lease won must be known so close() can release it.
      if (current.holderId === this.memberId) this.#lease = current;
      if (this.#closed) return;
      this.#synced();
      if (current.holderId === this.memberId) this.#lead(current);
      else this.#follow(current);
      const versions = await this.#backend.versions();
      if (this.#closed) return;
      for (const [category, version] of Object.entries(versions) as [Category, number][])
        this.#report(category, version);
    } catch (error) {
      this.#degrade(error);
    }
  }

  #lead(lease: FleetLease): void {
    this.#lease = lease;
    this.#leaderId = this.memberId;
    this.#leaderExpiresAt = lease.expiresAt;
    this.#setRole('leader', 'acquired');
    // If no renewal succeeds before the lease runs out, stop leading then, not later.
    clearTimeout(this.#expiry);
    this.#expiry = unref(
      setTimeout(
        () => {
          if (this.#lease === lease) this.#lostLease();
        },
        Math.max(0, lease.expiresAt - Date.now()),
      ),
    );
  }

  #follow(lease: FleetLease): void {
    this.#lease = null;
    clearTimeout(this.#expiry);
    this.#leaderId = lease.holderId;
    this.#leaderExpiresAt = lease.expiresAt;
    this.#setRole('follower', 'following');
  }

  #stepDown(reason: FleetRoleReason): void {
    this.#lease = null;
    clearTimeout(this.#expiry);
    this.#leaderId = null;
    this.#leaderExpiresAt = null;
    this.#setRole('follower', reason);
  }

  /** Another member's term began (or this one's ran out): stop leading now, then look again. */
  #lostLease(): void {
    this.#stepDown('lost');
    void this.#cycle();
  }

  #degrade(error: unknown): void {
    if (this.#closed) return;
    const failure = error instanceof Error ? error : new Error(String(error));
    this.#lease = null;
    clearTimeout(this.#expiry);
    if (this.#degraded) return;
    this.#degraded = { reason: failure.message, since: Date.now() };
    this.#setRole('standalone', 'degraded');
    this.#events.emit('degraded', { reason: failure.message, error: failure });
  }

  /** The coordinator answered: note it, and end an outage if there was one. */
  #synced(): void {
    this.#lastSyncAt = Date.now();
    const degraded = this.#degraded;
    if (!degraded) return;
    this.#degraded = null;
    this.#events.emit('recovered', { downtimeMs: this.#lastSyncAt - degraded.since });
  }

  #setRole(role: FleetRole, reason: FleetRoleReason): void {
    const previous = this.#role;
    if (previous === role) return;
    this.#role = role;
    this.#events.emit('role', { role, previous, reason, leaderId: this.status().leaderId });
  }

  #onNotice(notice: FleetNotice): void {
    if (this.#closed) return;
    try {
      const lease = this.#lease;
      if (notice.type === 'published') {
        // This member's own publish: its caller has it already.
        if (lease && notice.token === lease.token) this.#see(notice.category, notice.version);
        else {
          if (lease && notice.token > lease.token) this.#lostLease();
          this.#report(notice.category, notice.version);
        }
      } else if (notice.type === 'acquired') {
        if (lease && notice.token !== lease.token) this.#lostLease();
        else if (!lease && this.#role === 'follower') {
          this.#leaderId = notice.holderId;
          this.#leaderExpiresAt = null;
        }
      } else if (notice.type === 'released') {
        if (notice.holderId !== this.memberId) void this.#cycle();
      } else if (this.#role === 'leader')
        this.#events.emit('requested', {
          category: notice.category,
          requesterId: notice.requesterId,
        });
    } catch (error) {
      this.#fail(error);
    }
  }

  /** A version seen in the store: reported once, and only while in touch with the fleet. */
  #report(category: Category, version: number): void {
    if (this.#role === 'standalone' || version <= (this.#known[category] ?? 0)) return;
    this.#known[category] = version;
    this.#waiters.wake(category);
    this.#events.emit('published', { category, version });
  }

  #see(category: Category, version: number): void {
    if (version > (this.#known[category] ?? 0)) this.#known[category] = version;
    this.#waiters.wake(category);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = unref(setTimeout(() => void this.#cycle(), delayMs));
  }

  #fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!isModelReferenceError(failure)) this.#events.emit('error', { error: failure });
    else this.#degrade(failure);
  }
}

async function quietly(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch {
    // Best effort on the way out: the coordinator may already be gone.
  }
}

/** Lets the process exit while only this timer is left (Node, Deno, Bun); no-op elsewhere. */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
