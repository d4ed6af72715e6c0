import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { isUnknownCategoryError } from '../errors/unknown-category-error.js';
import { delay } from '../util/delay.js';
import { Emitter, type Listener, type Unsubscribe } from '../util/emitter.js';
import type { FleetBackend, FleetEntry, FleetVersions } from './fleet-backend.js';
import { assertMemberId, newMemberId } from './fleet-ids.js';
import type {
  FleetMemberEvents,
  FleetMemberOptions,
  FleetMemberStatus,
  FleetObtainOptions,
} from './fleet-member-types.js';
import { FleetRoles } from './fleet-roles.js';
import { assertFleetTopic, type FleetTopic } from './fleet-topics.js';
import { leaseTtlOption } from './lease-timing.js';
import { Waiters } from './waiters.js';

/** Default of {@link FleetObtainOptions.timeoutMs}. */
const OBTAIN_TIMEOUT_MS = 10_000;

/** The first pause before a follower reads again after a failed read, in ms (then doubled). */
const READ_RETRY_MS = 50;

/**
 * One member of a fleet: runs the roles on top of any {@link FleetBackend} (the machine itself,
 * with its states and transitions, is described in `src/fleet/fleet-roles.ts`). It joins as leader
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
 * const member = redisCoordinator({ url: 'redis://127.0.0.1:6379' }).member();
 * // the same as: new FleetMember(redisCoordinator({ url: 'redis://127.0.0.1:6379' }))
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
  readonly #closeBackend: boolean;
  readonly #renewMs: number;
  readonly #ttlMs: number;
  readonly #roles: FleetRoles;
  readonly #events = new Emitter<FleetMemberEvents>();
  readonly #waiters = new Waiters<FleetTopic>();
  /** The versions reported to this member's owner (emitted, read or published by it). */
  readonly #known: Partial<Record<FleetTopic, number>> = Object.create(null);
  #closed = false;
  #joined: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(backend: FleetBackend, options: FleetMemberOptions = {}) {
    this.#backend = backend;
    this.memberId =
      options.memberId === undefined ? newMemberId() : assertMemberId(options.memberId);
    const ttlMs = leaseTtlOption('leaseTtlMs', options.leaseTtlMs, backend.leaseTtlMs);
    const renewMs = options.renewIntervalMs ?? Math.floor(ttlMs / 3);
    if (!Number.isSafeInteger(renewMs) || renewMs < 1 || renewMs * 2 > ttlMs)
      throw new InvalidOptionsError(
        'renewIntervalMs',
        `${renewMs} is not allowed; use a whole number of ms from 1 to half of leaseTtlMs (${ttlMs}).`,
      );
    this.#closeBackend = options.closeCoordinator ?? true;
    this.#renewMs = renewMs;
    this.#ttlMs = ttlMs;
    const events = this.#events;
    this.#roles = new FleetRoles(
      backend,
      this.memberId,
      { ttlMs, renewMs },
      {
        role: (role, previous, reason) => {
          // A cold read waiting for a leader is this member's own business once it leads or is
          // on its own: it reads its sources now instead of waiting out the timeout.
          if (role !== 'follower') this.#waiters.wakeAll();
          events.emit('role', { role, previous, reason, leaderId: this.status().leaderId });
        },
        degraded: (error) => events.emit('degraded', { reason: error.message, error }),
        recovered: (downtimeMs) => events.emit('recovered', { downtimeMs }),
        version: (category, version, own) =>
          own ? this.#see(category, version) : this.#report(category, version),
        requested: (category, requesterId) => events.emit('requested', { category, requesterId }),
        // A new leader knows nothing of requests made to the one before: ask it again.
        term: () => this.#waiters.wakeAll(),
        failed: (error) => events.emit('error', { error }),
      },
    );
  }

  /** Listens to an event; returns the function that stops listening. */
  on<E extends keyof FleetMemberEvents>(
    event: E,
    listener: Listener<FleetMemberEvents[E]>,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  /**
   * Joins the fleet: subscribes to notices and tries to take the lease. Resolves once the member
   * has a role: leader or follower, or `standalone` when the coordinator did not answer (at once
   * when it never answered anything; a store that answers late is slow, not gone, and is tried
   * again every renewal period for at most a lease period). The member keeps trying either way.
   * Calling it again returns the same promise. Never rejects.
   */
  join(): Promise<void> {
    this.#joined ??= this.#roles.cycle().then(() => this.#roles.settled(this.#ttlMs));
    return this.#joined;
  }

  /** Where this member stands now. */
  status(): FleetMemberStatus {
    return {
      coordinator: this.#backend.kind,
      memberId: this.memberId,
      ...this.#roles.status(),
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
   * @throws {UnknownCategoryError} for a topic that is not one of the 15 categories, `image_baselines` or `change_tokens`.
   */
  async publish(category: FleetTopic, payload: string): Promise<number | null> {
    assertFleetTopic(category);
    const lease = this.#roles.lease;
    if (this.#closed || !lease) return null;
    let version: number | null;
    try {
      version = await this.#backend.publish(category, lease, payload);
    } catch (error) {
      if (isUnknownCategoryError(error)) throw error;
      this.#roles.degrade(error);
      return null;
    }
    if (version === null) {
      this.#roles.fenced(lease);
      return null;
    }
    this.#roles.synced();
    this.#see(category, version);
    return version;
  }

  /**
   * The latest published version of `category`, or `null` when there is none or the
   * coordinator is unreachable (read it from your own sources then). A follower whose read fails
   * (no answer in time, a dropped connection) reads again, with growing pauses up to a renewal
   * period, until it gets an answer, the coordinator has been silent long enough to count as an
   * outage (the member goes standalone), or a lease period has passed: one slow answer does not
   * send it to the PRIMARY for what the store holds. Its version counts as seen: no `published`
   * event follows for it. Validate the payload before trusting it.
   *
   * @throws {UnknownCategoryError} for a topic that is not one of the 15 categories, `image_baselines` or `change_tokens`.
   */
  async read(category: FleetTopic): Promise<FleetEntry | null> {
    assertFleetTopic(category);
    // At most a lease period of retries: a store that answers everything but this read (a key
    // of the wrong type) is not waited on forever.
    const giveUpAt = Date.now() + this.#ttlMs;
    for (let pauseMs = READ_RETRY_MS; ; pauseMs = Math.min(pauseMs * 2, this.#renewMs)) {
      if (this.#closed) return null;
      try {
        const entry = await this.#backend.read(category);
        this.#roles.synced();
        if (entry) this.#see(category, entry.version);
        return entry;
      } catch (error) {
        if (isUnknownCategoryError(error)) throw error;
        this.#roles.degrade(error);
        // A leader reads its own chain anyway; standalone means the outage is declared.
        if (this.#roles.role !== 'follower' || Date.now() >= giveUpAt) return null;
      }
      await delay(pauseMs);
    }
  }

  /**
   * A follower's cold read: the store's version of `category` if there is one; otherwise asks the
   * leader for it and waits (at most `timeoutMs`) for it to be published. Resolves to `null` when
   * nobody published it in time, or when there is no leader to ask (this member leads, or is
   * standalone): then load it from your own sources.
   *
   * @throws {UnknownCategoryError} for a topic that is not one of the 15 categories, `image_baselines` or `change_tokens`.
   */
  async obtain(category: FleetTopic, options: FleetObtainOptions = {}): Promise<FleetEntry | null> {
    const { signal } = options;
    const deadline = Date.now() + (options.timeoutMs ?? OBTAIN_TIMEOUT_MS);
    for (;;) {
      const present = await this.read(category);
      if (present || this.#roles.role !== 'follower' || signal?.aborted || this.#closed)
        return present;
      const leftMs = deadline - Date.now();
      if (leftMs <= 0) return null;
      // Woken by a newer version, or by a new leader's term (asked again: the request went to
      // the one before, which may have lost its lease before it published).
      const woken = this.#waiters.wait(category, leftMs, signal);
      try {
        await this.#backend.request(category, this.memberId);
      } catch (error) {
        this.#roles.degrade(error);
        if (this.#roles.role !== 'follower') {
          woken.cancel();
          return null;
        }
      }
      await woken.promise;
    }
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
    this.#waiters.wakeAll();
    const { lease, unsubscribe } = await this.#roles.stop();
    const backend = this.#backend;
    // A custom coordinator may throw instead of rejecting: close() must not fail for it either.
    if (lease) await quietly(() => backend.release(lease));
    if (unsubscribe) await quietly(unsubscribe);
    this.#roles.closed();
    if (this.#closeBackend) await quietly(() => backend.close());
  }

  /** A version seen in the store: reported once, and only while in touch with the fleet. */
  #report(category: FleetTopic, version: number): void {
    if (this.#roles.role === 'standalone' || version <= (this.#known[category] ?? 0)) return;
    this.#known[category] = version;
    this.#waiters.wake(category);
    this.#events.emit('published', { category, version });
  }

  /** A version the owner has already (it read or published it): no event. */
  #see(category: FleetTopic, version: number): void {
    if (version > (this.#known[category] ?? 0)) this.#known[category] = version;
    this.#waiters.wake(category);
  }
}

async function quietly(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch {
    // Best effort on the way out: the coordinator may already be gone.
  }
}
