// What the members of one process share on one fleet folder, so that N of them cost the folder
// (and through it the PRIMARY) what one costs: one hub per resolved folder path, counted, dropped
// when the last coordinator on it closes (like the marker watchers it holds).
//
// - One lease contender: while a member of this process holds the lease, or an attempt of this
//   process is in flight, the others do not touch the lease file; they are told the holder.
// - One read of the state in flight, handed to everyone asking; what the hub knows (each step
//   its watchers read or this process committed) answers the members' rounds while a watcher
//   confirms it (at most two polls old) and no call failed since; else real (shared) reads.
// - One read of each published payload per version (payload files are immutable).
// - One request per category in flight, and none while another is pending with the leader.
import { join, resolve } from 'node:path';
import { type FileCommit, FileFleetLog, type FileStep } from './file-log.js';
import { type MarkerSink, MarkerWatcher } from './file-marker-watcher.js';
import type { FleetEntry, FleetLease } from './fleet-backend.js';
import {
  acquireStep,
  type FleetState,
  liveLease,
  releaseStep,
  renewStep,
  requestStep,
} from './fleet-state.js';
import type { FleetTopic } from './fleet-topics.js';

/** The hub of each fleet folder (`<dir>/fleet`, resolved) in this process. */
const hubs = new Map<string, FolderHub>();

/**
 * The hub of `directory`'s fleet folder in this process, counted as used once more: call
 * {@link FolderHub.leave} once when done with it.
 */
export function openFolderHub(directory: string): FolderHub {
  const root = join(resolve(directory), 'fleet');
  let hub = hubs.get(root);
  if (!hub) {
    const created = new FolderHub(root, () => {
      if (hubs.get(root) === created) hubs.delete(root);
    });
    hubs.set(root, created);
    hub = created;
  }
  hub.retain();
  return hub;
}

/** The step known latest, and the tick when it was learnt (its read or commit ended). */
interface Known extends FileStep {
  readonly tick: number;
}

/** One payload read (or being read), for the members of the process. */
interface PayloadSlot {
  readonly ref: string;
  readonly text: Promise<string | null>;
  settled: boolean;
}

/** See the top of this file. One per folder per process: get it with {@link openFolderHub}. */
export class FolderHub implements MarkerSink {
  readonly log: FileFleetLog;
  /** When the folder last answered any call of this process, late or not. */
  answeredAt: number | null = null;
  readonly #gone: () => void;
  readonly #watchers = new Map<number, MarkerWatcher>();
  readonly #requests = new Map<FleetTopic, Promise<void>>();
  readonly #payloads = new Map<FleetTopic, PayloadSlot>();
  /** Which folder the watchers saw last (see {@link MarkerSink.identify}). */
  #folder: string | undefined;
  #users = 0;
  #tick = 0;
  #known: Known | undefined;
  /** When a watcher last found {@link #known} current (0: not since the last failure). */
  #confirmedAt = 0;
  #reading: Promise<FileStep> | undefined;
  #attempt: Promise<FleetLease> | undefined;
  /** The lease a member of this process won or renewed last (cleared when it goes). */
  #own: FleetLease | null = null;

  constructor(root: string, gone: () => void) {
    this.log = new FileFleetLog(root);
    this.#gone = gone;
  }

  retain(): void {
    this.#users++;
  }

  /** One user is done; the last one out stops the watchers and drops the hub. */
  leave(): void {
    if (--this.#users > 0) return;
    for (const watcher of [...this.#watchers.values()]) watcher.stop();
    this.#gone();
  }

  /** The process's one watcher of the marker at `pollMs`. */
  watcher(pollMs: number): MarkerWatcher {
    let watcher = this.#watchers.get(pollMs);
    if (!watcher) {
      const created = new MarkerWatcher(this, pollMs, () => {
        if (this.#watchers.get(pollMs) === created) this.#watchers.delete(pollMs);
      });
      this.#watchers.set(pollMs, created);
      watcher = created;
    }
    return watcher;
  }

  tick(): number {
    return ++this.#tick;
  }

  offer(step: FileStep, tick: number): void {
    const known = this.#known;
    // Reads that overlap are ordered by step number; a lower number from a read that began
    // after the known one was made is a folder wiped and numbered again.
    if (!known || step.seq > known.seq || tick > known.tick)
      this.#known = { ...step, tick: this.tick() };
  }

  confirm(): void {
    this.#confirmedAt = Date.now();
  }

  doubt(): void {
    this.#confirmedAt = 0;
    this.#own = null;
  }

  identify(folder: string): void {
    // A folder made again: a state step may still name a payload the wipe took.
    if (this.#folder !== undefined && folder !== this.#folder) this.#payloads.clear();
    this.#folder = folder;
  }

  /** The latest step, read once for every caller waiting meanwhile. */
  latest(): Promise<FileStep> {
    this.#reading ??= (async () => {
      const tick = this.tick();
      try {
        const step = await this.#io(() => this.log.latest());
        this.offer(step, tick);
        // What a commit or a watcher added meanwhile is newer than what this read began with.
        return this.#known ?? step;
      } finally {
        this.#reading = undefined;
      }
    })();
    return this.#reading;
  }

  /** The latest state: what the hub knows while a watcher confirms it, else a (shared) read. */
  async state(freshMs: number): Promise<FleetState> {
    return (this.#current(freshMs) ?? (await this.latest())).state;
  }

  /**
   * Takes the lease for `holderId` unless someone holds it, and returns the holder: while a
   * member of this process holds it, or another process's live lease is known, or an attempt of
   * this process is in flight, without touching the folder.
   */
  acquire(holderId: string, ttlMs: number, freshMs: number): Promise<FleetLease> {
    const held = this.#holder(holderId, freshMs);
    if (held) return Promise.resolve(held);
    if (this.#attempt) return this.#attempt;
    const attempt = (async () => {
      try {
        const { before, after } = await this.transact((state, now) =>
          acquireStep(state, holderId, ttlMs, now),
        );
        const lease = (after ?? before).lease;
        if (!lease) throw new Error('the fleet folder lost the lease it just wrote');
        if (lease.holderId === holderId) this.#own = lease;
        return lease;
      } finally {
        this.#attempt = undefined;
      }
    })();
    this.#attempt = attempt;
    return attempt;
  }

  async renew(lease: FleetLease, ttlMs: number): Promise<FleetLease | null> {
    const renewed =
      (await this.transact((state, now) => renewStep(state, lease, ttlMs, now))).after?.lease ??
      null;
    if (renewed) this.#own = renewed;
    else if (this.#own?.token === lease.token) this.#own = null;
    return renewed;
  }

  async release(lease: FleetLease): Promise<boolean> {
    // The others of this process must not be told it is held while it goes.
    if (this.#own?.token === lease.token) this.#own = null;
    return (await this.transact((state, now) => releaseStep(state, lease, now))).after !== null;
  }

  /**
   * Records a request for `category`, unless one of this process is in flight or one made less
   * than `recentMs` ago is pending (the leader was told; telling it again only wakes it again).
   */
  request(category: FleetTopic, requesterId: string, recentMs: number): Promise<void> {
    let pending = this.#requests.get(category);
    if (!pending) {
      pending = this.transact((state, now) => {
        const made = state.requests[category];
        return made && now - made.at < recentMs
          ? null
          : requestStep(state, category, requesterId, now);
      })
        .then(() => {})
        .finally(() => this.#requests.delete(category));
      this.#requests.set(category, pending);
    }
    return pending;
  }

  /**
   * The latest published `category` with its payload (read once per version), or `null`. The
   * state is read (shared with whoever asks meanwhile), not taken from what is known: a reader
   * is told of a wiped folder at once.
   */
  async read(category: FleetTopic): Promise<FleetEntry | null> {
    // A payload can be swept between reading the state and reading it: read the state again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const { state } = await this.latest();
      const entry = state.entries[category];
      if (!entry) return null;
      const payload = await this.#payload(category, entry.ref);
      if (payload !== null)
        return {
          category,
          version: entry.version,
          payload,
          token: entry.token,
          publishedAt: entry.publishedAt,
        };
    }
    return null;
  }

  /** Runs a compare-and-swap step (see {@link FileFleetLog.transact}), keeping what it learnt. */
  async transact(step: (state: FleetState, now: number) => FleetState | null): Promise<FileCommit> {
    const tick = this.tick();
    const result = await this.#io(() => this.log.transact(step));
    this.offer({ seq: result.seq, state: result.after ?? result.before }, tick);
    return result;
  }

  /** Whether a watcher keeps what is known current (someone of this process subscribed). */
  #watching(): boolean {
    return [...this.#watchers.values()].some((watcher) => watcher.active);
  }

  /** What is known, when a watcher found it current within `freshMs` and nothing failed since. */
  #current(freshMs: number): Known | undefined {
    return this.#watching() && Date.now() - this.#confirmedAt <= freshMs ? this.#known : undefined;
  }

  /** The live lease of another member, when the hub may answer for the folder. */
  #holder(holderId: string, freshMs: number): FleetLease | null {
    const known = this.#known;
    if (!known || !this.#watching()) return null;
    const lease = liveLease(known.state, Date.now());
    if (!lease || lease.holderId === holderId) return null;
    // A lease of this process is vouched for by its own renewals (a failed call drops it), even
    // when the watcher is late on a busy process; another process's only by a recent look.
    const own = this.#own?.token === lease.token && this.#own.holderId === lease.holderId;
    return own || this.#current(freshMs) ? lease : null;
  }

  /**
   * A payload by name: read once for everyone asking meanwhile, and kept (they are immutable)
   * while a watcher would see the folder wiped; otherwise read again.
   */
  #payload(category: FleetTopic, ref: string): Promise<string | null> {
    const known = this.#payloads.get(category);
    if (known?.ref === ref && (!known.settled || this.#watching())) return known.text;
    const slot: PayloadSlot = { ref, text: this.#io(() => this.log.readData(ref)), settled: false };
    this.#payloads.set(category, slot);
    const settle = (text: string | null) => {
      slot.settled = true;
      if (text === null && this.#payloads.get(category) === slot) this.#payloads.delete(category);
    };
    slot.text.then(settle, () => settle(null));
    return slot.text;
  }

  /** Runs one folder operation: an answer is contact (late or not), a failure is doubt. */
  async #io<T>(run: () => Promise<T>): Promise<T> {
    try {
      const value = await run();
      this.answeredAt = Date.now();
      return value;
    } catch (error) {
      this.doubt();
      throw error;
    }
  }
}
