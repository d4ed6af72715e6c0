import { stat } from 'node:fs/promises';
import type { FileFleetLog } from './file-log.js';
import type { FleetNotice } from './fleet-backend.js';
import { EMPTY_FLEET_STATE, type FleetState, noticesBetween } from './fleet-state.js';

/** The running watcher of each folder and poll interval in this process. */
const watchers = new Map<string, MarkerWatcher>();

/**
 * The one {@link MarkerWatcher} of `log`'s folder at `pollMs` in this process: every member of
 * every coordinator on that folder shares it, so a process with many members `stat`s the marker
 * once per poll, not once per member. It stops when its last subscriber leaves.
 */
export function sharedMarkerWatcher(log: FileFleetLog, pollMs: number): MarkerWatcher {
  const key = `${pollMs}\u0000${log.marker}`;
  let watcher = watchers.get(key);
  if (!watcher) {
    watcher = new MarkerWatcher(log, pollMs, () => {
      if (watchers.get(key) === watcher) watchers.delete(key);
    });
    watchers.set(key, watcher);
  }
  return watcher;
}

/**
 * Polls the change marker for all subscribers in this process (see {@link sharedMarkerWatcher}), and turns each step since the
 * last poll into notices by comparing consecutive states (so a lease taken and released between
 * two polls is still told). Timestamps can be coarse (a few ms on Linux), so for a while after
 * a change the steps are listed on every poll, not only when the marker moved.
 */
export class MarkerWatcher {
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

  constructor(log: FileFleetLog, pollMs: number, idle: () => void = () => {}) {
    this.#log = log;
    this.#pollMs = pollMs;
    this.#idle = idle;
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
    const latest = await this.#log.latest().catch(() => undefined);
    if (this.#listeners.size === 0) return;
    this.#state = latest?.state ?? EMPTY_FLEET_STATE;
    this.#seq = latest?.seq ?? 0;
    this.#schedule();
  }

  #schedule(): void {
    this.#timer = setTimeout(() => void this.#poll(), this.#pollMs);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #poll(): Promise<void> {
    try {
      const info = await stat(this.#log.marker, { bigint: true }).catch(() => null);
      const marker = info ? `${info.ino}:${info.mtimeNs}:${info.ctimeNs}` : 'absent';
      const now = Date.now();
      if (marker !== this.#marker) this.#changedAt = now;
      this.#marker = marker;
      if (now - this.#changedAt <= Math.max(50, this.#pollMs * 2)) await this.#catchUp();
    } catch {
      // An unreadable folder: members find out through their own calls and go standalone.
    } finally {
      if (this.#listeners.size > 0) this.#schedule();
    }
  }

  async #catchUp(): Promise<void> {
    const steps = await this.#log.stepsAfter(this.#seq);
    // A wiped folder starts numbering again: start over from its latest step.
    if (steps.length === 0 && this.#seq > 0) {
      const latest = await this.#log.latest();
      if (latest.seq >= this.#seq) return;
      steps.push(latest);
    }
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
