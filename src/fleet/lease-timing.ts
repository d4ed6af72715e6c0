import { checkInteger, MAX_TIMER_MS } from '../util/option-checks.js';

/**
 * How long a lease lasts unless renewed, in ms. A dead leader is replaced within this plus one
 * renewal period.
 */
export const DEFAULT_LEASE_TTL_MS = 15_000;

/** The shortest lease expiry accepted, in ms: shorter ones would expire between two renewals. */
export const MIN_LEASE_TTL_MS = 100;

/** The shortest default deadline of one coordinator operation, in ms. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 2_000;

/**
 * How long one coordinator operation may take unless told otherwise, in ms: two thirds of the
 * lease (what a renewal sent a third into the lease has before it runs out), at least 2 s. A
 * fixed 2 s against a long lease gave up on a busy store long before it mattered.
 */
export function defaultOperationTimeoutMs(leaseTtlMs: number): number {
  return Math.max(DEFAULT_OPERATION_TIMEOUT_MS, Math.floor((leaseTtlMs * 2) / 3));
}

/**
 * A lease expiry: a whole number of ms from 100 to what a timer can hold, or `fallback`.
 *
 * @throws {InvalidOptionsError} otherwise.
 */
export function leaseTtlOption(path: string, value: unknown, fallback: number): number {
  return checkInteger(path, value, fallback, MIN_LEASE_TTL_MS, MAX_TIMER_MS);
}

/**
 * A positive whole number of ms (a timeout, a poll interval), or `fallback`.
 *
 * @throws {InvalidOptionsError} otherwise.
 */
export function durationOption(path: string, value: unknown, fallback: number): number {
  return checkInteger(path, value, fallback, 1, MAX_TIMER_MS);
}
