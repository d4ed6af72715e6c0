/** Limits the requests in flight per host (scheme, host and port), so one slow host never gets hammered. */
export class HostLimiter {
  readonly #limit: number;
  readonly #hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /** Requests in flight to `url`'s host now. */
  active(url: string): number {
    return this.#hosts.get(originOf(url))?.active ?? 0;
  }

  /**
   * Waits for a free slot on `url`'s host; returns the function that frees it.
   *
   * @throws the abort reason when `signal` aborts while waiting.
   */
  async acquire(url: string, signal?: AbortSignal): Promise<() => void> {
    const origin = originOf(url);
    let host = this.#hosts.get(origin);
    if (!host) {
      host = { active: 0, waiting: [] };
      this.#hosts.set(origin, host);
    }
    const slot = host;
    if (slot.active >= this.#limit) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          slot.waiting.splice(slot.waiting.indexOf(go), 1);
          reject(signal?.reason);
        };
        slot.waiting.push(go);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    } else slot.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slot.waiting.shift();
      // The slot passes straight to the next waiter; `active` stays the same.
      if (next) next();
      else if (--slot.active === 0) this.#hosts.delete(origin);
    };
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
