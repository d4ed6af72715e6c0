import { InvalidOptionsError } from '../errors/invalid-options-error.js';

/**
 * How long a lease lasts unless renewed, in ms. A dead leader is replaced within this plus one
 * renewal period.
 */
export const DEFAULT_LEASE_TTL_MS = 15_000;

/** The shortest lease expiry accepted, in ms: shorter ones would expire between two renewals. */
export const MIN_LEASE_TTL_MS = 100;

/** How long one coordinator operation may take before it counts as unreachable, in ms. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 2_000;

/**
 * Checks a lease expiry.
 *
 * @throws {InvalidOptionsError} unless it is a whole number of ms, at least 100.
 */
export function leaseTtlOption(value: number, option: string): number {
  if (!Number.isSafeInteger(value) || value < MIN_LEASE_TTL_MS)
    throw new InvalidOptionsError(
      option,
      `${value} is not allowed; use a whole number of milliseconds, at least ${MIN_LEASE_TTL_MS}.`,
    );
  return value;
}

/**
 * Checks a positive duration in ms (a timeout, a poll interval).
 *
 * @throws {InvalidOptionsError} unless it is a whole number of ms, at least 1.
 */
export function durationOption(value: number, option: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionsError(
      option,
      `${value} is not allowed; use a whole number of milliseconds, at least 1.`,
    );
  return value;
}
