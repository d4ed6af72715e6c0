import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A method that reads or watches was called on a manager after `close()`. Nothing is requested.
 *
 * @example
 * ```ts
 * await refs.close();
 * await refs.getCategory('clip'); // ManagerClosedError
 * ```
 */
export class ManagerClosedError extends ModelReferenceError {
  override readonly name = 'ManagerClosedError' as const;
  /** The method that was called. */
  readonly method: string;

  constructor(method: string) {
    super(
      'CLOSED',
      `${method}() was called after close(): a closed manager makes no more requests.`,
    );
    this.method = method;
  }
}

/** Cross-realm guard for {@link ManagerClosedError}. */
export const isManagerClosedError: (error: unknown) => error is ManagerClosedError =
  /* @__PURE__ */ errorGuard(ManagerClosedError, 'ManagerClosedError');
