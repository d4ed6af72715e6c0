/** Stable machine-readable codes, one per error class. */
export type ModelReferenceErrorCode =
  | 'UNKNOWN_CATEGORY'
  | 'MODEL_NOT_FOUND'
  | 'SOURCE_UNAVAILABLE'
  | 'INVALID_SEARCH_PARAMS'
  | 'API_ERROR'
  | 'MALFORMED_RESPONSE'
  | 'LEGACY_FORMAT'
  | 'INVALID_OPTIONS'
  | 'CONNECTION_FAILED'
  | 'TIMEOUT'
  | 'UNKNOWN_SOURCE'
  | 'SUSPECT_ANSWER'
  | 'CLOSED'
  | 'STORAGE_FAILED'
  | 'FEATURE_UNAVAILABLE'
  | 'CHANGE_SET_CONFLICT'
  | 'COORDINATOR_UNAVAILABLE'
  | 'UNSAFE_PATH'
  | 'DOWNLOAD_FAILED'
  | 'INVALID_FLEET_ENTRY'
  | 'CHANGE_BUFFER_OVERFLOW';

/** Marks our errors so guards work across realms (iframes, workers, duplicated bundles). */
const BRAND = Symbol.for('horde-model-reference.error');

/**
 * Base class of every error this SDK throws on purpose.
 *
 * Each subclass has a stable `name` and `code`; prefer {@link isModelReferenceError} over
 * `instanceof`, which fails when two copies of the package are loaded.
 */
export class ModelReferenceError extends Error {
  override readonly name: string = 'ModelReferenceError';
  /** Stable machine-readable code. */
  readonly code: ModelReferenceErrorCode;

  constructor(code: ModelReferenceErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether `error` is any {@link ModelReferenceError}, even one from another realm or copy.
 *
 * @example
 * ```ts
 * try { await refs.getModel('clip', 'nope'); }
 * catch (error) { if (isModelReferenceError(error)) console.log(error.code); }
 * ```
 */
export function isModelReferenceError(error: unknown): error is ModelReferenceError {
  return (
    error instanceof ModelReferenceError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[BRAND] === true)
  );
}

/**
 * Builds a cross-realm guard for one error class, matching on `instanceof` or on `name`. Call
 * sites are marked `/* @__PURE__ *\/`, so a bundle drops the guards it does not use (esbuild does
 * not carry a `@__NO_SIDE_EFFECTS__` on this function across modules).
 */
export function errorGuard<T extends ModelReferenceError>(
  klass: abstract new (...args: never[]) => T,
  name: T['name'],
): (error: unknown) => error is T {
  return (error: unknown): error is T =>
    error instanceof klass || (isModelReferenceError(error) && error.name === name);
}
