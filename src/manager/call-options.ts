import type { RequestOptions } from '../http/request-options.js';
import {
  checkBoolean,
  checkDuration,
  checkKeys,
  checkObject,
  checkSignal,
} from '../util/option-checks.js';

/** Per-call options of `refresh()`. */
export interface RefreshOptions extends RequestOptions {
  /**
   * Take the answer even when it would empty or gut the category (see the `suspectAnswers`
   * option): for a deliberate mass deletion the PRIMARY's metadata does not confirm.
   * @default false
   */
  readonly acceptSuspect?: boolean | undefined;
}

/** Per-call options as the manager passes them on: checked, nothing unknown in them. */
export interface CheckedCallOptions extends RefreshOptions {
  readonly source?: unknown;
}

/**
 * Checks the per-call options of a manager method: an object (or nothing) with a real
 * AbortSignal, a deadline a timer can hold, and no key the method does not take.
 *
 * @throws {InvalidOptionsError} naming the option.
 */
export function checkCallOptions(
  value: unknown,
  extra: readonly string[] = [],
): CheckedCallOptions {
  const given = checkObject('options', value);
  checkKeys('options', given, ['signal', 'timeoutMs', ...extra]);
  const signal = checkSignal('options.signal', given.signal);
  const timeoutMs =
    given.timeoutMs === undefined
      ? undefined
      : checkDuration('options.timeoutMs', given.timeoutMs, 0, 1);
  return {
    ...(signal ? { signal } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...('source' in given ? { source: given.source } : {}),
    ...(given.acceptSuspect === undefined
      ? {}
      : { acceptSuspect: checkBoolean('options.acceptSuspect', given.acceptSuspect, false) }),
  };
}
