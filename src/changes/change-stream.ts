import { ChangeBufferOverflowError } from '../errors/change-buffer-overflow-error.js';
import type { CategoryChange } from '../records/diff-records.js';
import type { Unsubscribe } from '../util/emitter.js';
import { checkInteger, checkKeys, checkObject, checkSignal } from '../util/option-checks.js';

/** Options of `manager.changes()`. */
export interface ChangesOptions {
  /** Ends the iteration when aborted (events still unread are dropped). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Most events held unread between two `next()` calls (1 to 100,000). One more fails the
   * iteration with `ChangeBufferOverflowError` after the held ones are read, rather than drop it.
   * @default 1_000
   */
  readonly bufferSize?: number | undefined;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The events `subscribe` delivers, as an async iterator. It listens from this call on (an event
 * emitted before the first `next()` is kept), holds up to `bufferSize` unread events, and ends
 * (removing every listener it added) when the loop leaves (`break`, `return()`), `signal` aborts
 * (at once), or `closed` aborts (after the events already held are read).
 *
 * @throws {InvalidOptionsError} for an unknown option, a `bufferSize` out of range or a `signal`
 * that is not an AbortSignal.
 */
export function changeStream(
  subscribe: (listener: (change: CategoryChange) => void) => Unsubscribe,
  closed: AbortSignal,
  options: unknown = {},
): AsyncIterableIterator<CategoryChange> {
  const given = checkObject('changes options', options);
  checkKeys('', given, ['signal', 'bufferSize']);
  const signal = checkSignal('signal', given.signal);
  const bufferSize = checkInteger('bufferSize', given.bufferSize, 1000, 1, 100_000);
  const held: CategoryChange[] = [];
  const waiting: ((result: IteratorResult<CategoryChange, undefined>) => void)[] = [];
  let stopped = false;
  let failure: Error | undefined;

  const stop = (drop: boolean) => {
    if (!drop && stopped) return;
    if (drop) held.length = 0;
    if (stopped) return;
    stopped = true;
    unsubscribe();
    signal?.removeEventListener('abort', abort);
    closed.removeEventListener('abort', close);
    // Someone waits only when nothing is held, so they are told it ended.
    for (const resolve of waiting.splice(0)) resolve(DONE);
  };
  const abort = () => stop(true);
  const close = () => stop(false);
  const unsubscribe = subscribe((change) => {
    if (stopped) return;
    const resolve = waiting.shift();
    if (resolve) resolve({ done: false, value: change });
    else if (held.length < bufferSize) held.push(change);
    else {
      failure = new ChangeBufferOverflowError(bufferSize);
      stop(false);
    }
  });
  if (signal?.aborted || closed.aborted) stop(true);
  else {
    signal?.addEventListener('abort', abort, { once: true });
    closed.addEventListener('abort', close, { once: true });
  }

  return {
    next() {
      const value = held.shift();
      if (value) return Promise.resolve({ done: false, value });
      if (!stopped) return new Promise((resolve) => waiting.push(resolve));
      const error = failure;
      failure = undefined;
      return error ? Promise.reject(error) : Promise.resolve(DONE);
    },
    return() {
      stop(true);
      failure = undefined;
      return Promise.resolve(DONE);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
