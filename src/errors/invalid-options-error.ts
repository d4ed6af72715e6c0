import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * Constructor options or arguments that cannot work (a negative TTL, an unknown source id, a
 * reserved provider id, ...). Says what was wrong and what is allowed.
 */
export class InvalidOptionsError extends ModelReferenceError {
  override readonly name = 'InvalidOptionsError' as const;
  /** The option at fault, e.g. `ttlMs`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super('INVALID_OPTIONS', `Invalid option ${option}: ${message}`);
    this.option = option;
  }
}

/** Cross-realm guard for {@link InvalidOptionsError}. */
export const isInvalidOptionsError: (error: unknown) => error is InvalidOptionsError = errorGuard(
  InvalidOptionsError,
  'InvalidOptionsError',
);
