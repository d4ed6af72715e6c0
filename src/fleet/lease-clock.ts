// A leader's side of its lease in time: when to renew, and when the lease counts as run out on
// this process's clock. Kept apart from the role machine (fleet-roles.ts), which decides what a
// lost lease means.
//
// Keeping the lease through a busy event loop: the next renewal is due one renewal period after
// the last successful one was sent (not after its answer came back, which a busy process reads
// late); a failed renewal is retried before the lease runs out; and the lease running out on this
// process's clock while a renewal is in flight waits for that renewal's answer (read after the I/O
// already waiting) before it counts as lost. So a leader whose loop was held up for less than
// (lease - renewal period) keeps its lease. Nothing is published meanwhile: the role machine's
// `lease` checks the local expiry, and the store fences every publish anyway.

import { unref } from '../util/unref.js';
import type { FleetLease } from './fleet-backend.js';
import { afterIo } from './with-deadline.js';

const noop = () => {};

export class LeaseClock {
  readonly #ttlMs: number;
  readonly #renewMs: number;
  #expiry: ReturnType<typeof setTimeout> | undefined;
  /** The renewal in flight, if any: the lease running out locally waits for its answer. */
  #renewing: Promise<unknown> | undefined;
  /** The last renewal failed (no answer, an error): the next is a retry, sooner than a period. */
  #failed = false;

  constructor(timing: { ttlMs: number; renewMs: number }) {
    this.#ttlMs = timing.ttlMs;
    this.#renewMs = timing.renewMs;
  }

  /** Awaits `renewal`, remembering it is in flight and whether it failed. */
  async renewing<T>(renewal: Promise<T>): Promise<T> {
    this.#renewing = renewal;
    try {
      const renewed = await renewal;
      this.#failed = false;
      return renewed;
    } catch (error) {
      this.#failed = true;
      throw error;
    } finally {
      if (this.#renewing === renewal) this.#renewing = undefined;
    }
  }

  /**
   * Calls `lost` when `lease` runs out on this process's clock, unless `current()` says it was
   * replaced (renewed) by then. Timers run before I/O: after a busy spell the answer to a renewal
   * can be waiting in the socket, so the check runs after pending I/O; and while a renewal is in
   * flight it waits for its answer, at most one renewal period (a paused or partitioned leader
   * still steps down on its own clock). A renewal the store accepted was sent before the lease ran
   * out there, so the lease still holds.
   */
  arm(lease: FleetLease, current: () => boolean, lost: () => void): void {
    this.disarm();
    this.#failed = false;
    const expired = (waited: boolean): void => {
      if (!current()) return;
      const renewing = this.#renewing;
      if (!renewing || waited) {
        lost();
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => {
        timer = unref(setTimeout(resolve, this.#renewMs));
      });
      void Promise.race([renewing.then(noop, noop), late]).then(() => {
        clearTimeout(timer);
        expired(true);
      });
    };
    this.#expiry = unref(
      setTimeout(() => afterIo(() => expired(false)), Math.max(0, lease.expiresAt - Date.now())),
    );
  }

  /** Stops watching the expiry (the lease was given up or lost). */
  disarm(): void {
    clearTimeout(this.#expiry);
  }

  /**
   * When the next round is due: a renewal period, except for a leader holding `lease` — one
   * renewal period after its last renewal was sent (its expiry minus the lease, as the
   * coordinator errs early), and after a failed renewal a third of what is left of the lease (at
   * least a tenth of a period), so it is retried before it runs out.
   */
  nextRoundInMs(lease: FleetLease | null): number {
    if (!lease) return this.#renewMs;
    const now = Date.now();
    if (!this.#failed)
      return Math.min(
        this.#renewMs,
        Math.max(0, lease.expiresAt - this.#ttlMs + this.#renewMs - now),
      );
    const left = lease.expiresAt - now;
    return Math.min(this.#renewMs, Math.max(Math.ceil(this.#renewMs / 10), Math.floor(left / 3)));
  }
}
