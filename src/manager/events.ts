import type { Category } from '../categories.js';
import type { CategoryChange } from '../changes/diff-records.js';
import type { SourceAttempt } from '../errors/source-unavailable-error.js';
import type { RecordIssue } from '../schemas/index.js';
import type { Origin } from '../sources/source.js';

/** The events a manager emits, and what each listener receives. */
export interface ManagerEvents {
  /** A category was served by a later source of the chain, after `attempts` gave nothing. */
  fallback: {
    readonly category: Category;
    readonly origin: Origin;
    readonly attempts: readonly SourceAttempt[];
  };
  /** A refresh failed; the last-known-good records are served, marked stale. */
  stale: { readonly category: Category; readonly since: number; readonly error: Error };
  /** A record failed validation and was skipped; the rest of its category is served. */
  'invalid-record': RecordIssue;
  /** A category's records changed; fired after the new records are swapped in. */
  change: CategoryChange;
  /** Something failed in the background (a refresh, persisting a snapshot, a listener). */
  error: { readonly category?: Category; readonly source?: string; readonly error: Error };
}

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

type Listener<T> = (payload: T) => void;

/** A minimal typed event emitter: `on` returns its own unsubscribe function. */
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

  /**
   * Calls every listener of `event`. A listener that throws does not stop the others; its error
   * is emitted as `error` (and dropped if an `error` listener itself throws).
   */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as Listener<Events[E]>)(payload);
      } catch (error) {
        if (event !== 'error')
          this.emit('error', {
            error: error instanceof Error ? error : new Error(String(error)),
          } as Events['error']);
      }
    }
  }
}
