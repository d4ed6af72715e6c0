import { stat } from 'node:fs/promises';
import { unref } from '../util/unref.js';
import type { FileFleetLog, FileStep } from './file-log.js';
import type { FleetNotice } from './fleet-backend.js';
import { EMPTY_FLEET_STATE, type FleetState, noticesBetween } from './fleet-state.js';

/**
 * What a {@link MarkerWatcher} reports to, and reads through: the folder's hub in this process
 * (`file-hub.ts`), which keeps the latest state it knows for every member of the process.
 */
export interface MarkerSink {
  readonly log: FileFleetLog;
  /** A number taken before a read: later reads (and commits) carry larger ones. */
  tick(): number;
  /** The latest step, read once for every caller waiting at the same time. */
  latest(): Promise<FileStep>;
  /** A step read from the folder by a read that began at `tick`. */
  offer(step: FileStep, tick: number): void;
  /** The folder was found unchanged since the state last offered (or caught up with). */
  confirm(): void;
  /** The folder could not be read: what is known of it may be out of date. */
  doubt(): void;
  /**
   * Which folder the marker is (inode and birth time; `absent`): another one means the folder
   * was wiped and made again, and payloads read from the old one may be gone.
   */
  identify(folder: string): void;
}

/**
 * Polls the change marker for all subscribers of one folder and poll interval in this process
 * (the folder's hub holds one per interval, so a process with many members `stat`s the marker
 * once per poll, not once per member), and turns each step since the last poll into notices by
 * comparing consecutive states (so a lease taken and released between two polls is still told).
 * Every step it reads goes to the hub first, so a member told of a version finds it there.
 * Timestamps can be coarse (a few ms on Linux), so for a while after a change the steps are
 * listed on every poll, not only when the marker moved.
 */
export class MarkerWatcher {
  readonly #sink: MarkerSink;
  readonly #log: FileFleetLog;
  readonly #pollMs: number;
  readonly #listeners = new Set<(notice: FleetNotice) => void>();
  readonly #idle: () => void;
  #starting: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #state: FleetState | undefined;
  #seq = 0;
  #marker = '';
  #changedAt = 0;

  constructor(sink: MarkerSink, pollMs: number, idle: () => void = () => {}) {
    this.#sink = sink;
    this.#log = sink.log;
    this.#pollMs = pollMs;
    this.#idle = idle;
  }

  /** Whether anyone listens (the hub trusts what it knows only while a watcher keeps it current). */
  get active(): boolean {
    return this.#state !== undefined && this.#listeners.size > 0;
  }

  /** Adds a subscriber; the first one starts polling (once, however many join at once). */
  async add(listener: (notice: FleetNotice) => void): Promise<() => void> {
    this.#listeners.add(listener);
    this.#starting ??= this.#start();
    await this.#starting;
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  /** Stops polling and drops every subscriber. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#state = undefined;
    this.#starting = undefined;
    this.#listeners.clear();
    this.#idle();
  }

  /** Starts from the latest step. */
  async #start(): Promise<void> {
    const latest = await this.#sink.latest().catch(() => undefined);
    if (this.#listeners.size === 0) return;
    this.#state = latest?.state ?? EMPTY_FLEET_STATE;
    this.#seq = latest?.seq ?? 0;
    this.#schedule();
  }

  #schedule(): void {
    this.#timer = unref(setTimeout(() => void this.#poll(), this.#pollMs));
  }

  async #poll(): Promise<void> {
    try {
      const tick = this.#sink.tick();
      const info = await stat(this.#log.marker, { bigint: true }).catch(() => null);
      const marker = info ? `${info.ino}:${info.mtimeNs}:${info.ctimeNs}` : 'absent';
      this.#sink.identify(info ? `${info.ino}:${info.birthtimeNs}` : 'absent');
      const now = Date.now();
      if (marker !== this.#marker) this.#changedAt = now;
      if (now - this.#changedAt <= Math.max(50, this.#pollMs * 2)) await this.#catchUp(tick);
      // Recorded only once caught up: a folder that could not be listed is listed again.
      this.#marker = marker;
      if (this.#listeners.size > 0) this.#sink.confirm();
    } catch {
      // An unreadable folder: members find out through their own calls and go standalone.
      this.#sink.doubt();
    } finally {
      if (this.#listeners.size > 0) this.#schedule();
    }
  }

  async #catchUp(tick: number): Promise<void> {
    const steps = await this.#log.stepsAfter(this.#seq);
    // A wiped folder starts numbering again: start over from its latest step.
    if (steps.length === 0 && this.#seq > 0) {
      const latest = await this.#log.latest();
      if (latest.seq >= this.#seq) return;
      steps.push(latest);
    }
    for (const step of steps) this.#sink.offer(step, tick);
    for (const step of steps) {
      const previous = this.#state;
      if (this.#listeners.size === 0 || !previous) return;
      this.#state = step.state;
      this.#seq = step.seq;
      for (const notice of noticesBetween(previous, step.state))
        for (const listener of [...this.#listeners]) {
          try {
            listener(notice);
          } catch {
            // A subscriber's failure is its own.
          }
        }
    }
  }
}
