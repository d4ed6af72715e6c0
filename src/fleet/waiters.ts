/** One wait started by {@link Waiters.wait}. */
export interface Wait {
  /** Resolves when woken, timed out, aborted or cancelled; never rejects. */
  readonly promise: Promise<void>;
  /** Stops waiting now. */
  cancel(): void;
}

/** Promises waiting for something to happen to a key, each bounded by a timeout and a signal. */
export class Waiters<K> {
  readonly #waiting = new Map<K, Set<() => void>>();

  wait(key: K, timeoutMs: number, signal?: AbortSignal): Wait {
    let done = () => {};
    const promise = new Promise<void>((resolve) => {
      // Not unref'd: someone awaits this (a follower's cold read), and a process must not exit
      // under a pending read; the wait is bounded and cleared when woken.
      const timer = setTimeout(() => done(), timeoutMs);
      const onAbort = () => done();
      signal?.addEventListener('abort', onAbort, { once: true });
      done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiting.get(key)?.delete(done);
        resolve();
      };
    });
    let set = this.#waiting.get(key);
    if (!set) {
      set = new Set();
      this.#waiting.set(key, set);
    }
    set.add(done);
    return { promise, cancel: () => done() };
  }

  /** Wakes everything waiting for `key`. */
  wake(key: K): void {
    for (const done of [...(this.#waiting.get(key) ?? [])]) done();
    this.#waiting.delete(key);
  }

  /** Wakes everything. */
  wakeAll(): void {
    for (const key of [...this.#waiting.keys()]) this.wake(key);
  }
}
