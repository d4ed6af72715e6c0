import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * Options or arguments that cannot work (a negative TTL, an unknown origin, a reserved provider
 * id, a header value with a line break, ...). Thrown at construction, before anything runs. The
 * message names the option's path (`retry.limit`), what was given (never a secret) and what is
 * allowed.
 *
 * @example
 * ```ts
 * new ModelReferenceManager({ retry: { limit: 1e9 } });
 * // InvalidOptionsError: Invalid option retry.limit: expected an integer from 0 to 10, got 1000000000
 * ```
 */
export class InvalidOptionsError extends ModelReferenceError {
  override readonly name = 'InvalidOptionsError' as const;
  /** The path of the option at fault, e.g. `ttlMs` or `retry.limit`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super('INVALID_OPTIONS', `Invalid option ${option}: ${message}`);
    this.option = option;
  }
}

/** Cross-realm guard for {@link InvalidOptionsError}. */
export const isInvalidOptionsError: (error: unknown) => error is InvalidOptionsError =
  /* @__PURE__ */ errorGuard(InvalidOptionsError, 'InvalidOptionsError');
