// A minimal typed listener registry for fleet members. (The manager has its own emitter; this
// one is kept at the fleet layer so the fleet does not import the manager above it.)

/** Removes the listener it was returned for. */
export type FleetOff = () => void;

/** Listeners per event; a listener that throws does not stop the others. */
export class FleetListeners<Events extends { error: { readonly error: Error } }> {
  readonly #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): FleetOff {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Calls every listener; one that throws is reported as `error` (an `error` listener's throw is dropped). */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (payload: Events[E]) => void)(payload);
      } catch (error) {
        if (event !== 'error')
          this.emit('error', {
            error: error instanceof Error ? error : new Error(String(error)),
          } as Events['error']);
      }
    }
  }
}
