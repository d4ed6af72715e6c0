import {
  checkBoolean,
  checkDuration,
  checkKeys,
  checkObject,
  checkSignal,
  MAX_TIMER_MS,
} from '../util/option-checks.js';
import { unref } from '../util/unref.js';

/** Options of `manager.watch()`. */
export interface WatchOptions {
  /**
   * Time between two checks, in milliseconds (100 to 2^31−1); each wait is jittered by ±10 % so
   * a fleet of workers started together does not poll in step.
   * @default 60_000
   */
  readonly intervalMs?: number | undefined;
  /** Stops watching when aborted. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Node, Deno, Bun: let the process exit while only this watch is left (its timer is unref'd).
   * By default a watch keeps the process alive, as a `setInterval` does, until it is stopped, its
   * signal aborts or the manager closes.
   * @default false
   */
  readonly unref?: boolean | undefined;
}

/** What a watch loop needs: the check to run, where to report failures, when to stop. */
export interface WatchLoop {
  readonly check: (signal: AbortSignal) => Promise<unknown>;
  readonly onError: (error: unknown) => void;
  /** The owner's lifetime (aborted by `close()`). */
  readonly closed: AbortSignal;
}

/** Stops a watch; calling it again does nothing. */
export type StopWatching = () => void;

/** Smallest interval accepted, so a typo cannot turn a watch into a request flood. */
export const MIN_WATCH_INTERVAL_MS = 100;

/** {@link WatchOptions}, resolved. */
interface WatchPlan {
  readonly intervalMs: number;
  readonly signal: AbortSignal | undefined;
  readonly unref: boolean;
}

/**
 * Validates watch options.
 *
 * @throws {InvalidOptionsError} for an unknown option, an interval out of range, or a `signal`
 * that is not an AbortSignal.
 */
export function resolveWatchOptions(options: unknown): WatchPlan {
  const given = checkObject('watch options', options);
  checkKeys('', given, ['intervalMs', 'signal', 'unref']);
  const intervalMs = checkDuration(
    'intervalMs',
    given.intervalMs,
    60_000,
    MIN_WATCH_INTERVAL_MS,
    MAX_TIMER_MS,
  );
  return {
    intervalMs,
    signal: checkSignal('signal', given.signal),
    unref: checkBoolean('unref', given.unref, false),
  };
}

/**
 * Runs `check` every `intervalMs` (jittered) until stopped by the returned function, the signal
 * or the owner closing. Its timer keeps the process alive meanwhile, unless `unref` is set. A stop
 * aborts a check in flight and clears the pending timer, so nothing is left to keep a process
 * alive. Checks never overlap: the next wait starts when one ends.
 *
 * @throws {InvalidOptionsError} as {@link resolveWatchOptions}.
 */
export function startWatch(loop: WatchLoop, options: unknown = {}): StopWatching {
  const { intervalMs, signal: external, unref: background } = resolveWatchOptions(options);
  const stopped = new AbortController();
  const signal = AbortSignal.any([stopped.signal, loop.closed, ...(external ? [external] : [])]);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (signal.aborted) return;
    const wait = intervalMs * (0.9 + Math.random() * 0.2);
    timer = setTimeout(tick, wait);
    if (background) unref(timer);
  };
  const tick = () => {
    timer = undefined;
    loop
      .check(signal)
      .catch((error: unknown) => {
        if (!signal.aborted) loop.onError(error);
      })
      .finally(schedule);
  };
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!stopped.signal.aborted) stopped.abort(new DOMException('Watch stopped', 'AbortError'));
  };
  signal.addEventListener('abort', stop, { once: true });
  schedule();
  return stop;
}
