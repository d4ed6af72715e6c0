import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A category read from a fleet's shared store (Redis, a shared folder) was not a whole, valid
 * category snapshot: not JSON, another category, a record that fails validation, a diff that does
 * not match its records. The entry is rejected, never served: the manager keeps what it holds
 * (or reads its own chain for a category it has nothing of) and reports this as an `error` event.
 * Anything that can write to the store can write there, so what comes out of it is checked like
 * any other source.
 *
 * @example
 * ```ts
 * refs.on('error', ({ error }) => {
 *   if (isInvalidFleetEntryError(error)) console.warn('fleet store entry refused:', error.message);
 * });
 * ```
 */
export class InvalidFleetEntryError extends ModelReferenceError {
  override readonly name = 'InvalidFleetEntryError' as const;
  /** The category of the entry (one of the 15), `image_baselines` (the baseline catalog) or `change_tokens` (the leader's change tokens). */
  readonly category: string;
  /** Its version in the store. */
  readonly version: number;

  constructor(category: string, version: number, reason: string) {
    super(
      'INVALID_FLEET_ENTRY',
      `The fleet store's ${category} (version ${version}) was refused: ${reason}. The data held is kept.`,
    );
    this.category = category;
    this.version = version;
  }
}

/** Cross-realm guard for {@link InvalidFleetEntryError}. */
export const isInvalidFleetEntryError: (error: unknown) => error is InvalidFleetEntryError =
  errorGuard(InvalidFleetEntryError, 'InvalidFleetEntryError');
