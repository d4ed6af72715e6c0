import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A fleet coordinator (Redis, a shared folder) could not be reached or did not answer in time.
 * A manager never fails a read for this: it carries on standalone with its own fallback chain
 * and rejoins the fleet when the coordinator answers again. The error reaches you through
 * events and status, or from a coordinator method you call yourself.
 *
 * The message names the coordinator kind and the operation, never a URL with credentials.
 *
 * @example
 * ```ts
 * member.on('degraded', ({ error }) => {
 *   if (isCoordinatorUnavailableError(error)) console.warn(error.operation, error.message);
 * });
 * ```
 */
export class CoordinatorUnavailableError extends ModelReferenceError {
  override readonly name = 'CoordinatorUnavailableError' as const;
  /** Which coordinator failed: `'redis'`, `'file'`, `'memory'`, or a custom backend's kind. */
  readonly coordinator: string;
  /** What was being done, e.g. `'renew the lease'`, `'publish image_generation'`. */
  readonly operation: string;

  constructor(coordinator: string, operation: string, reason: string, options?: ErrorOptions) {
    super(
      'COORDINATOR_UNAVAILABLE',
      `The ${coordinator} coordinator could not ${operation}: ${reason}. Members carry on standalone until it answers again.`,
      options,
    );
    this.coordinator = coordinator;
    this.operation = operation;
  }
}

/** Cross-realm guard for {@link CoordinatorUnavailableError}. */
export const isCoordinatorUnavailableError: (
  error: unknown,
) => error is CoordinatorUnavailableError = errorGuard(
  CoordinatorUnavailableError,
  'CoordinatorUnavailableError',
);
