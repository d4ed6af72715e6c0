interface Flight<V> {
  readonly promise: Promise<V>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Shares one in-flight operation per key among concurrent callers.
 *
 * Each caller may abort its own wait with its signal; the shared operation is aborted only when
 * every waiter has given up, so one impatient reader never cancels the fetch others wait for.
 */
export class SingleFlight<K, V> {
  readonly #flights = new Map<K, Flight<V>>();

  /** Whether an operation for `key` is running. */
  has(key: K): boolean {
    return this.#flights.has(key);
  }

  /**
   * Joins the running operation for `key`, or starts `run` with a signal that aborts when every
   * waiter has aborted (or {@link abortAll} is called).
   *
   * @throws the caller's abort reason when its `signal` aborts first.
   */
  run(key: K, run: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    signal?.throwIfAborted();
    let flight = this.#flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = run(controller.signal).finally(() => {
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
      });
      flight = { promise, controller, waiters: 0 };
      this.#flights.set(key, flight);
    }
    const current = flight;
    current.waiters++;
    if (!signal) return current.promise;
    return new Promise<V>((resolve, reject) => {
      const onAbort = () => {
        current.waiters--;
        if (current.waiters === 0) current.controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Aborts every running operation (on close). */
  abortAll(reason?: unknown): void {
    for (const flight of this.#flights.values()) flight.controller.abort(reason);
  }
}
