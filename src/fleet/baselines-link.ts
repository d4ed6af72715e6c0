import type { RequestOptions } from '../http/request-options.js';
import type { FleetBackend } from './fleet-backend.js';
import { baselinesKey, encodeFleetBaselines, parseFleetBaselines } from './fleet-baselines.js';
import type { FleetBaselines, FleetHost } from './fleet-link.js';
import type { FleetMember } from './fleet-member.js';
import { BASELINES_TOPIC } from './fleet-topics.js';

/** What the baseline part of a member's link needs from the rest of it. */
export interface BaselinesLinkContext {
  readonly member: FleetMember;
  readonly backend: FleetBackend;
  readonly host: FleetHost;
  readonly obtainMs: number;
  readonly failed: (error: unknown) => void;
}

/**
 * The image baseline catalog in a fleet, kept like a category (issue 18): the leader publishes
 * what the PRIMARY answered (a catalog, or that it has none) when it is news; a follower takes the
 * store's copy (asking the leader and waiting, bounded, when there is none yet), applies every
 * newer publish once it holds the catalog, and reads the PRIMARY only when no leader answers.
 * What the store holds is validated again; a refused entry is an `error` event.
 */
export class BaselinesLink {
  readonly #context: BaselinesLinkContext;
  /** The store version of what this member holds (applied, published or refused). */
  #version: number | undefined;
  /** What this member last took from or gave to the store, and its key (what a publish compares). */
  #shared: FleetBaselines | undefined;
  #key: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(context: BaselinesLinkContext) {
    this.#context = context;
  }

  /** A follower's read of the catalog (`FleetLink.baselines`). */
  async read(request: RequestOptions): Promise<FleetBaselines | undefined> {
    if (this.#role() !== 'follower') return undefined;
    return this.#serial(async () => {
      const { member } = this.#context;
      const held = this.#version;
      if (held !== undefined && (member.versions()[BASELINES_TOPIC] ?? 0) <= held)
        return this.#shared;
      return (await this.#take(held === undefined, request.signal)) ?? this.#shared;
    });
  }

  /** The leader publishes what the PRIMARY answered, unless the store has it already. */
  accepted(baselines: FleetBaselines): void {
    if (this.#role() !== 'leader' || baselinesKey(baselines) === this.#key) return;
    this.#serial(() => this.#publish(baselines)).catch(this.#context.failed);
  }

  /** A newer version is in the store: a member holding the catalog applies it. */
  published(): void {
    const holder = this.#context.host.loadedBaselines();
    if (!holder || this.#role() === 'leader') return;
    this.#serial(async () => {
      const taken = await this.#take(false);
      if (taken) holder.apply(taken);
    }).catch(this.#context.failed);
  }

  /** Leader: a follower found no catalog in the store. Load it, and publish it if still absent. */
  requested(): void {
    const { host, backend } = this.#context;
    host
      .baselines()
      .then(async (holder) => {
        await holder.get({});
        const shared = holder.shared();
        if (!shared) return;
        await this.#serial(async () => {
          // Many followers asking at once get one publish.
          if ((await backend.versions())[BASELINES_TOPIC] !== undefined) return;
          this.#key = undefined;
          await this.#publish(shared);
        });
      })
      .catch(this.#context.failed);
  }

  #role(): string {
    return this.#context.member.status().role;
  }

  /** Reads (or obtains) the store's copy: the catalog when it is news, else `undefined`. */
  async #take(obtain: boolean, signal?: AbortSignal): Promise<FleetBaselines | undefined> {
    const { member, obtainMs, host } = this.#context;
    const entry = obtain
      ? await member.obtain(BASELINES_TOPIC, { timeoutMs: obtainMs, ...(signal ? { signal } : {}) })
      : await member.read(BASELINES_TOPIC);
    if (!entry || entry.version <= (this.#version ?? 0)) return undefined;
    // Seen either way: a refused version is not read again; the next publish replaces it.
    this.#version = entry.version;
    try {
      const taken = parseFleetBaselines(entry, Date.now());
      this.#shared = taken;
      this.#key = baselinesKey(taken);
      return taken;
    } catch (error) {
      host.events.emit('error', { error: error as Error });
      return undefined;
    }
  }

  async #publish(baselines: FleetBaselines): Promise<void> {
    const key = baselinesKey(baselines);
    if (key === this.#key) return;
    const version = await this.#context.member.publish(
      BASELINES_TOPIC,
      encodeFleetBaselines(baselines),
    );
    if (version === null) return;
    this.#version = version;
    this.#shared = baselines;
    this.#key = key;
  }

  /** Runs `run` after everything already queued for the catalog. */
  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => {});
    return next;
  }
}
