import type { LoadedCategory } from '../cache/category-cache.js';
import type { Category } from '../categories.js';
import type { ManagerEvents } from '../events.js';
import type { RequestOptions } from '../http/request-options.js';
import type { CategoryResult } from '../records/category-result.js';
import type { CategoryChange } from '../records/diff-records.js';
import { toError } from '../util/to-error.js';
import { BaselinesLink } from './baselines-link.js';
import type { FleetBackend } from './fleet-backend.js';
import type { FleetBaselines, FleetHost, FleetLink, FleetLinkOptions } from './fleet-link.js';
import { FleetMember } from './fleet-member.js';
import type { FleetMemberStatus } from './fleet-member-types.js';
import { encodeFleetSnapshot, parseFleetSnapshot } from './fleet-snapshot.js';
import { BASELINES_TOPIC, CHANGE_TOKENS_TOPIC } from './fleet-topics.js';
import { TokensLink } from './tokens-link.js';

/** Default of {@link FleetLinkOptions.obtainTimeoutMs}. */
const OBTAIN_TIMEOUT_MS = 10_000;

/**
 * A manager in a fleet: the {@link FleetMember} it runs and the rules that tie the member to the
 * manager's cache.
 *
 * - **Leader** (or **standalone**): reads its own chain and runs change detection; every result
 *   its cache accepts from the network is published whole (records, provenance, the diff and the
 *   hash it was computed against), one publish at a time per category.
 * - **Follower**: never asks the PRIMARY while a leader answers. A cold read takes the store's
 *   copy, or asks the leader for it and waits (`obtainTimeoutMs`); only then does it read its own
 *   chain. A published version of a category it holds is read and applied through the cache's
 *   accept path (so a result older than one held is dropped, and the `change` event carries the
 *   leader's diff when the follower held what the leader diffed against). A version is applied at
 *   most once and never one older than held.
 * - Whatever the store holds is parsed and validated again ({@link parseFleetSnapshot}); a payload
 *   that fails is refused whole and reported as an `error` event.
 * - Role changes are `coordinator` events; the coordinator being unreachable is one with
 *   `reason: 'degraded'` and the error: the manager carries on standalone.
 */
export class MemberLink implements FleetLink {
  readonly #member: FleetMember;
  readonly #backend: FleetBackend;
  readonly #host: FleetHost;
  readonly #obtainMs: number;
  readonly #joined: Promise<void>;
  /** The store version of what the cache holds per category (applied, published or refused). */
  readonly #versions = new Map<Category, number>();
  /** The hash of the records of that version: a result with this hash is not published again. */
  readonly #hashes = new Map<Category, string>();
  readonly #queues = new Map<Category, Promise<unknown>>();
  /** The image baseline catalog, kept in the fleet like a category. */
  readonly #baselines: BaselinesLink;
  /** The leader's change tokens: what a member carries on from when it checks on its own. */
  readonly #tokens: TokensLink;
  #pendingRole: Omit<ManagerEvents['coordinator'], 'error'> | undefined;

  constructor(backend: FleetBackend, host: FleetHost, options: FleetLinkOptions = {}) {
    const { obtainTimeoutMs, ...memberOptions } = options;
    this.#host = host;
    this.#backend = backend;
    this.#obtainMs = obtainTimeoutMs ?? OBTAIN_TIMEOUT_MS;
    const member = new FleetMember(backend, memberOptions);
    this.#member = member;
    const { events } = host;
    this.#baselines = new BaselinesLink({
      member,
      backend,
      host,
      obtainMs: this.#obtainMs,
      failed: (error) => events.emit('error', { error: toError(error) }),
    });
    this.#tokens = new TokensLink(member, (error) =>
      events.emit('error', { error: toError(error) }),
    );
    member.on('role', (change) => {
      // A degraded member says why in the `degraded` event that follows at once.
      if (change.reason === 'degraded') this.#pendingRole = change;
      else events.emit('coordinator', change);
      // Taking over from a leader that went: carry on at once, from what the store holds.
      if (change.role === 'leader' && change.previous === 'follower')
        this.check({}).catch((error: unknown) => events.emit('error', { error: toError(error) }));
    });
    member.on('degraded', ({ error }) => {
      const role = this.#pendingRole ?? {
        role: 'standalone',
        previous: 'standalone',
        reason: 'degraded',
        leaderId: null,
      };
      this.#pendingRole = undefined;
      events.emit('coordinator', { ...role, error });
    });
    member.on('published', ({ category }) => {
      if (category === BASELINES_TOPIC) this.#baselines.published();
      else if (category === CHANGE_TOKENS_TOPIC) this.#tokens.published();
      else if (host.cache.entry(category))
        this.#serial(category, () => this.#take(category, false)).catch(this.#failed(category));
    });
    member.on('requested', ({ category }) => {
      if (category === BASELINES_TOPIC) this.#baselines.requested();
      else if (category !== CHANGE_TOKENS_TOPIC) this.#serve(category);
    });
    member.on('error', ({ error }) => events.emit('error', { error }));
    this.#joined = member.join();
  }

  status(): FleetMemberStatus {
    return this.#member.status();
  }

  async load(category: Category, signal: AbortSignal): Promise<LoadedCategory | undefined> {
    await this.#joined;
    if (this.#role() === 'standalone') return undefined;
    const change = await this.#serial(category, async () => {
      const role = this.#role();
      if (role === 'standalone') return undefined;
      const held = this.#versions.get(category);
      if (held !== undefined && (this.#member.versions()[category] ?? 0) <= held) {
        // The store has nothing newer: the leader reads its chain, a follower keeps what it holds.
        if (role === 'leader') return undefined;
        this.#host.cache.renew(category);
        return null;
      }
      return this.#take(category, role === 'follower', signal);
    });
    const entry = this.#host.cache.entry(category);
    return change === undefined || !entry ? undefined : { entry, change };
  }

  accepted(result: CategoryResult, change: CategoryChange | null, before?: CategoryResult): void {
    const { category } = result;
    // Stored and seeded data is not news, and what came from the store is there already.
    if (result.origin === 'snapshot' || this.#hashes.get(category) === result.hash) return;
    if (this.#role() !== 'leader') return;
    const base = before?.hash ?? null;
    this.#serial(category, () => this.#publish(result, change, base)).catch(this.#failed(category));
  }

  async check(request: RequestOptions): Promise<CategoryChange[]> {
    await this.#joined;
    if (this.#role() !== 'follower') {
      // Standalone or leading: from the leader's tokens for the records held, not from nothing.
      const detector = await this.#host.detector();
      this.#tokens.adopt(detector);
      const changes = await detector.check(request);
      if (this.#role() === 'leader') this.#tokens.share(detector);
      return changes;
    }
    const changes: CategoryChange[] = [];
    const known = this.#member.versions();
    for (const category of this.#host.cache.loaded()) {
      if ((known[category] ?? 0) <= (this.#versions.get(category) ?? 0)) {
        this.#host.cache.renew(category);
        continue;
      }
      const change = await this.#serial(category, () => this.#take(category, false));
      if (change) changes.push(change);
    }
    return changes;
  }

  async baselines(request: RequestOptions): Promise<FleetBaselines | undefined> {
    await this.#joined;
    return this.#baselines.read(request);
  }

  acceptedBaselines(baselines: FleetBaselines): void {
    this.#baselines.accepted(baselines);
  }

  close(): Promise<void> {
    return this.#member.close();
  }

  #role(): FleetMemberStatus['role'] {
    return this.#member.status().role;
  }

  /**
   * Reads the store's copy of `category` (a follower's cold read asks the leader and waits) and
   * applies it: what changed, `null` when it was held already, `undefined` when the store had
   * nothing usable (read the chain).
   */
  async #take(
    category: Category,
    obtain: boolean,
    signal?: AbortSignal,
  ): Promise<CategoryChange | null | undefined> {
    const { cache, events } = this.#host;
    // Taken before asking: a result whose request started later and landed first wins.
    const sequence = cache.begin();
    const entry = obtain
      ? await this.#member.obtain(category, {
          timeoutMs: this.#obtainMs,
          ...(signal ? { signal } : {}),
        })
      : await this.#member.read(category);
    if (!entry) return undefined;
    if (entry.version <= (this.#versions.get(category) ?? 0)) return null;
    // Seen either way: a refused version is not read again; the next publish replaces it.
    this.#versions.set(category, entry.version);
    let snapshot: ReturnType<typeof parseFleetSnapshot>;
    try {
      snapshot = parseFleetSnapshot(entry, Date.now());
    } catch (error) {
      events.emit('error', { category, error: toError(error) });
      return cache.entry(category) ? null : undefined;
    }
    const { result, base, change } = snapshot;
    this.#hashes.set(category, result.hash);
    // Holding what the leader diffed against, its diff (checked against the records by
    // parseFleetSnapshot) is this member's too: announced as the leader computed it.
    const held = cache.entry(category)?.result.hash;
    return held === base
      ? cache.accept({ ...result, sequence }, change?.via, change)
      : cache.accept({ ...result, sequence });
  }

  async #publish(
    result: CategoryResult,
    change: CategoryChange | null,
    base: string | null,
  ): Promise<void> {
    const { category } = result;
    if (this.#hashes.get(category) === result.hash) return;
    const version = await this.#member.publish(category, encodeFleetSnapshot(result, change, base));
    if (version === null) return;
    this.#versions.set(category, version);
    this.#hashes.set(category, result.hash);
  }

  /**
   * Leader: a follower found nothing in the store. Publish what is held unless the store has the
   * category by now (many followers asking at once get one publish), or load it (the publish
   * follows from the cache).
   */
  #serve(category: Category): void {
    const { cache } = this.#host;
    const held = cache.entry(category)?.result;
    if (!held || held.origin === 'snapshot') {
      cache.refresh(category).catch(this.#failed(category));
      return;
    }
    this.#serial(category, async () => {
      if ((await this.#backend.versions())[category] !== undefined) return;
      this.#hashes.delete(category);
      await this.#publish(held, null, null);
    }).catch(this.#failed(category));
  }

  /** Runs `run` after everything already queued for `category`. */
  #serial<T>(category: Category, run: () => Promise<T>): Promise<T> {
    const next = (this.#queues.get(category) ?? Promise.resolve()).then(run);
    this.#queues.set(
      category,
      next.catch(() => {}),
    );
    return next;
  }

  #failed(category: Category): (error: unknown) => void {
    return (error) => this.#host.events.emit('error', { category, error: toError(error) });
  }
}
