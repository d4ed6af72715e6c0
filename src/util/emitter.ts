import { toError } from './to-error.js';

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

/**
 * A listener. It may be `async`: a promise (any thenable) it returns is watched, and a rejection
 * is reported as an `error` event like a synchronous throw, never left as an unhandled rejection.
 * Any other return value is ignored.
 */
export type Listener<T> = (payload: T) => unknown;

/**
 * A minimal typed event emitter: `on` returns its own unsubscribe function, and a listener that
 * fails (by throwing or by rejecting) never stops the others nor reaches the caller of `emit`.
 */
export class Emitter<Events extends { error: { readonly error: Error } }> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Adds a listener; call the returned function to remove it. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): Unsubscribe {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  /** Whether anyone listens to `event` (so a payload that costs work is built only when needed). */
  has(event: keyof Events): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  /**
   * Calls every listener of `event`. A listener's failure is emitted as `error`; a failing `error`
   * listener is dropped silently, since there is nowhere left to report it.
   */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        const returned = (listener as Listener<Events[E]>)(payload);
        if (returned && typeof (returned as Promise<void>).then === 'function')
          (returned as Promise<void>).then(undefined, (error: unknown) =>
            this.#failed(event, error),
          );
      } catch (error) {
        this.#failed(event, error);
      }
    }
  }

  #failed(event: keyof Events, error: unknown): void {
    if (event !== 'error') this.emit('error', { error: toError(error) } as Events['error']);
  }
}
