import { stat } from 'node:fs/promises';
import type { FileFleetLog } from './file-log.js';
import type { FleetNotice } from './fleet-backend.js';
import { EMPTY_FLEET_STATE, type FleetState, noticesBetween } from './fleet-state.js';

/**
 * Polls the change marker for all subscribers of one coordinator, and turns each step since the
 * last poll into notices by comparing consecutive states (so a lease taken and released between
 * two polls is still told). Timestamps can be coarse (a few ms on Linux), so for a while after
 * a change the steps are listed on every poll, not only when the marker moved.
 */
export class MarkerWatcher {
  readonly #log: FileFleetLog;
  readonly #pollMs: number;
  readonly #listeners = new Set<(notice: FleetNotice) => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #state: FleetState | undefined;
  #seq = 0;
  #marker = '';
  #changedAt = 0;

  constructor(log: FileFleetLog, pollMs: number) {
    this.#log = log;
    this.#pollMs = pollMs;
  }

  /** Adds a subscriber; the first one starts polling from the latest step. */
  async add(listener: (notice: FleetNotice) => void): Promise<() => void> {
    this.#listeners.add(listener);
    if (!this.#state) {
      const latest = await this.#log.latest().catch(() => undefined);
      this.#state = latest?.state ?? EMPTY_FLEET_STATE;
      this.#seq = latest?.seq ?? 0;
      this.#schedule();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#state = undefined;
    this.#listeners.clear();
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
